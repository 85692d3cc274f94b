import Foundation
import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerCrypto

extension Ledger {
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Create a signing key: FILE (private, 0600) and FILE.pub.", "生成签名密钥：FILE（私钥，权限 0600）和 FILE.pub。"),
            discussion: t(
                "The private key is encrypted (AES-256) when a passphrase is given through --passphrase-env or typed at the prompt. Example: ledger keygen --holder 陈主任 --out chen.pem",
                "提供口令（--passphrase-env 或在提示时输入）时私钥以 AES-256 加密。示例：ledger keygen --holder 陈主任 --out chen.pem"))

        @Option(help: ArgumentHelp(t("The key holder's display name.", "密钥持有人的称呼。")))
        var holder: String

        @Option(help: ArgumentHelp(t("Where to write the private key.", "私钥文件路径。")))
        var out: String

        @Flag(name: .customLong("no-passphrase"), help: ArgumentHelp(t("Do not ask for a passphrase (the key file is not encrypted).", "不设口令（私钥不加密）。")))
        var noPassphrase = false

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let key = try Ed25519.PrivateKey()
            var passphrase: [UInt8]? = nil
            if !noPassphrase, global.passphraseEnv != nil || isatty(STDIN_FILENO) == 1 {
                passphrase = try Passphrase.obtain(environmentName: global.passphraseEnv,
                    prompt: t("Passphrase for the new key: ", "新密钥的口令："))
                if global.passphraseEnv == nil {
                    let again = Passphrase.readWithoutEcho(prompt: t("Again: ", "再输入一次："))
                    guard again == passphrase else { throw CLIFailure(.key, t("the passphrases differ", "两次输入的口令不同")) }
                }
            }
            if passphrase == nil, !noPassphrase {
                printInfo(t("warning: no terminal and no --passphrase-env, so \(out) is NOT encrypted (use --no-passphrase to say that is intended)",
                    "警告：没有终端也没有 --passphrase-env，\(out) 未加密（如确属有意，请加 --no-passphrase）"))
            }
            try KeyFile.writeNew(try key.pemRepresentation(passphrase: passphrase), to: out, mode: 0o600)
            try KeyFile.writeNew(key.publicKey.pemRepresentation, to: out + ".pub", mode: 0o644)
            let id = Rules.keyID(publicKey: key.publicKey.rawRepresentation)
            if global.json {
                Format.printJSON(["key": id, "holder": holder, "private": out, "public": out + ".pub", "encrypted": passphrase != nil])
                return
            }
            print(t("Key \(id) for \(holder)", "\(holder) 的密钥 \(id)"))
            print(t("  private: \(out)\(passphrase != nil ? " (encrypted)" : "") — keep it secret, keep a backup",
                "  私钥：\(out)\(passphrase != nil ? "（已加密）" : "")——请妥善保管并备份"))
            print(t("  public:  \(out).pub — give this to the committee (\(holder)=\(out).pub)",
                "  公钥：\(out).pub——交给管理委员会（\(holder)=\(out).pub）"))
        }
    }
}
