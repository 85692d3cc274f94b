import Foundation
import LedgerCore
import LedgerCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Private and public key files (docs/FORMAT.md section 4): PKCS#8 PEM, 0600, encrypted when a passphrase is given.
public enum KeyFile {
    /// Loads a private key, refusing one that others can read, asking for its passphrase if it is encrypted.
    /// - Throws: ``KitError/Code/key`` for a missing, unprotected, unreadable or unopened file.
    public static func loadPrivateKey(path: String, passphraseEnv: String?) throws -> Ed25519.PrivateKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KitError(.key, en: "cannot read the key file \(path): it does not exist", zh: "无法读取密钥文件 \(path)：文件不存在")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw KitError(.key, en: "the private key \(path) can be read by other users; protect it with `chmod 600 \(path)` and try again", zh: "私钥 \(path) 可被其他用户读取；请运行 `chmod 600 \(path)` 后重试")
        }
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw KitError(.key, en: "cannot read the key file \(path)", zh: "无法读取密钥文件 \(path)")
        }
        var passphrase: [UInt8]? = nil
        if pem.contains("ENCRYPTED PRIVATE KEY") {
            passphrase = try Passphrase.obtain(environmentName: passphraseEnv, prompt: t("Passphrase for \(path): ", "\(path) 的口令："))
        }
        do {
            return try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: passphrase)
        } catch {
            throw unopened(error, file: path)
        }
    }

    /// Loads a public key given as a `.pub` PEM file path or as base64 of the raw 32 bytes.
    /// A key that is not canonical, off the curve or of small order is refused as the ledger's rules would refuse it
    /// (`weak_key`), before anything is signed.
    public static func loadPublicKey(_ text: String) throws -> Ed25519.PublicKey {
        if FileManager.default.fileExists(atPath: text) {
            do {
                return try Ed25519.PublicKey(pemRepresentation: try String(contentsOfFile: text, encoding: .utf8))
            } catch let error as CryptoError where error.keyDefect != nil {
                throw weakKey(error.keyDefect!, named: text)
            } catch {
                throw KitError(.key, en: "\(text) is not an Ed25519 public key PEM file", zh: "\(text) 不是 Ed25519 公钥 PEM 文件")
            }
        }
        if let raw = Base64.decode(text), raw.count == Ed25519.keyLength, let defect = Ed25519.defect(ofPublicKey: raw) {
            throw weakKey(defect, named: text)
        }
        guard let raw = Base64.decode(text), let key = try? Ed25519.PublicKey(rawRepresentation: raw) else {
            throw KitError(.badInput, en: "\(text) is neither a public key file nor base64 of a 32-byte key", zh: "\(text) 既不是公钥文件，也不是 32 字节公钥的 base64")
        }
        return key
    }

    /// Refused as the ledger's rules refuse such a key in an entry (`weak_key`).
    private static func weakKey(_ defect: Ed25519.KeyDefect, named text: String) -> LedgerError {
        LedgerError(.weakKey, en: "the public key \(text) \(defect.reason.english); such a key is refused",
            zh: "公钥 \(text) \(defect.reason.chinese)；此类密钥不予接受")
    }

    /// Why a private key file did not open, named by its path.
    private static func unopened(_ error: CryptoError, file: String) -> KitError {
        switch error.code {
        case .passphraseRequired:
            KitError(.key, en: "the key \(file) is encrypted: give --passphrase-env NAME, or run in a terminal to be asked",
                zh: "密钥 \(file) 已加密：请用 --passphrase-env 指定环境变量，或在终端中运行以输入口令")
        case .wrongPassphrase:
            KitError(.key, en: "the passphrase does not open \(file) (or the key file is damaged)", zh: "口令无法打开 \(file)（或密钥文件已损坏）")
        case .malformedPEM:
            KitError(.key, en: "\(file) is not a PEM private key", zh: "\(file) 不是 PEM 私钥文件")
        default:
            KitError(.key, en: "\(file): \(error.message)", zh: "\(file)：\(error.message)")
        }
    }

    /// Writes `contents` to a new file with mode 0600; refuses to overwrite.
    public static func writeNew(_ contents: String, to path: String, mode: mode_t) throws(KitError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? t("it already exists", "文件已存在") : String(cString: strerror(errno))
            throw KitError(.file, en: "cannot create \(path): \(reason)", zh: "无法创建 \(path)：\(reason)")
        }
        defer { close(descriptor) }
        _ = fchmod(descriptor, mode)
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw KitError(.file, en: "could not write \(path) (disk full?)", zh: "无法写入 \(path)（磁盘已满？）")
        }
    }
}
