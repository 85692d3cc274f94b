import Foundation
import LedgerCore
import LedgerCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Private and public key files (DESIGN.md section 9): PKCS#8 PEM, 0600, encrypted when a passphrase is given.
enum KeyFile {
    /// Loads a private key, refusing one that others can read, asking for its passphrase if it is encrypted.
    static func loadPrivateKey(path: String, passphraseEnv: String?) throws -> Ed25519.PrivateKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIFailure(.key, t("cannot read the key file \(path): it does not exist", "无法读取密钥文件 \(path)：文件不存在"))
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CLIFailure(.key, t(
                "the private key \(path) can be read by other users; protect it with `chmod 600 \(path)` and try again",
                "私钥 \(path) 可被其他用户读取；请运行 `chmod 600 \(path)` 后重试"))
        }
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIFailure(.key, t("cannot read the key file \(path)", "无法读取密钥文件 \(path)"))
        }
        var passphrase: [UInt8]? = nil
        if pem.contains("ENCRYPTED PRIVATE KEY") {
            passphrase = try Passphrase.obtain(environmentName: passphraseEnv, prompt: t("Passphrase for \(path): ", "\(path) 的口令："))
        }
        do {
            return try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: passphrase)
        } catch {
            throw CLIFailure(error, file: path)
        }
    }

    /// Loads a public key given as a `.pub` PEM file path or as base64 of the raw 32 bytes.
    /// A key that is not canonical, off the curve or of small order is refused as the ledger's rules would refuse it
    /// (`weak_key`, exit 2), before anything is signed.
    static func loadPublicKey(_ text: String) throws -> Ed25519.PublicKey {
        if FileManager.default.fileExists(atPath: text) {
            do {
                return try Ed25519.PublicKey(pemRepresentation: try String(contentsOfFile: text, encoding: .utf8))
            } catch let error as CryptoError where error.keyDefect != nil {
                throw weakKey(error.keyDefect!, named: text)
            } catch {
                throw CLIFailure(.key, t("\(text) is not an Ed25519 public key PEM file", "\(text) 不是 Ed25519 公钥 PEM 文件"))
            }
        }
        if let raw = Base64.decode(text), raw.count == Ed25519.keyLength, let defect = Ed25519.defect(ofPublicKey: raw) {
            throw weakKey(defect, named: text)
        }
        guard let raw = Base64.decode(text), let key = try? Ed25519.PublicKey(rawRepresentation: raw) else {
            throw CLIFailure(.usage, t("\(text) is neither a public key file nor base64 of a 32-byte key",
                "\(text) 既不是公钥文件，也不是 32 字节公钥的 base64"))
        }
        return key
    }

    private static func weakKey(_ defect: Ed25519.KeyDefect, named text: String) -> CLIFailure {
        CLIFailure(.refused, "[\(LedgerError.Code.weakKey)] "
            + t("the public key \(text) \(defect.reason.english); such a key is refused — nothing was written.",
                "公钥 \(text) \(defect.reason.chinese)；此类密钥不予接受——未写入任何内容。"))
    }

    /// Writes `contents` to a new file with mode 0600; refuses to overwrite.
    static func writeNew(_ contents: String, to path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? t("it already exists", "文件已存在") : String(cString: strerror(errno))
            throw CLIFailure(.storage, t("cannot create \(path): \(reason)", "无法创建 \(path)：\(reason)"))
        }
        defer { close(descriptor) }
        _ = fchmod(descriptor, mode)
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw CLIFailure(.storage, t("could not write \(path) (disk full?)", "无法写入 \(path)（磁盘已满？）"))
        }
    }
}

/// Passphrases come from an environment variable the user names, or from a terminal prompt without echo;
/// never from the command line.
enum Passphrase {
    static func obtain(environmentName: String?, prompt: String) throws -> [UInt8] {
        if let environmentName {
            guard let value = ProcessInfo.processInfo.environment[environmentName], !value.isEmpty else {
                throw CLIFailure(.key, t("the environment variable \(environmentName) (from --passphrase-env) is not set",
                    "环境变量 \(environmentName)（--passphrase-env 指定）未设置"))
            }
            return try checked(Array(value.utf8))
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CLIFailure(.key, t("a passphrase is needed: give --passphrase-env NAME, or run in a terminal",
                "需要口令：请用 --passphrase-env 指定环境变量，或在终端中运行"))
        }
        return try checked(readWithoutEcho(prompt: prompt))
    }

    /// Refuses passphrases that could never open a key again.
    static func checked(_ bytes: [UInt8]) throws -> [UInt8] {
        guard !bytes.isEmpty, !bytes.contains(0) else {
            throw CLIFailure(.key, t("the passphrase is empty or contains a NUL character", "口令为空或含有 NUL 字符"))
        }
        return bytes
    }

    static func readWithoutEcho(prompt: String) -> [UInt8] {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1, byte != 0x0a { bytes.append(byte) }
        return bytes
    }
}
