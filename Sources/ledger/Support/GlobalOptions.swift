import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerKit
import LedgerStore

/// The options every command takes (docs/COMMANDS.md).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(t("The ledger file (else $LEDGER_PATH, else ledger.db here).", "账本文件（否则用 $LEDGER_PATH，再否则用当前文件夹的 ledger.db）。")))
    var ledger: String?

    @Option(name: .long, help: ArgumentHelp(t("Your private key PEM file (else $LEDGER_KEY).", "您的私钥 PEM 文件（否则用 $LEDGER_KEY）。")))
    var key: String?

    @Option(name: .customLong("passphrase-env"), help: ArgumentHelp(t("The environment variable holding the key's passphrase.", "存放密钥口令的环境变量名。")))
    var passphraseEnv: String?

    @Option(name: .long, help: ArgumentHelp(t("Interface language: zh or en (else from LC_ALL/LANG).", "界面语言：zh 或 en（否则按 LC_ALL/LANG）。")))
    var lang: Language?

    @Flag(name: .long, help: ArgumentHelp(t("Print machine-readable JSON.", "输出机器可读的 JSON。")))
    var json = false

    @Option(name: .long, help: ArgumentHelp(t("Work with the ledger served at this address (`ledger serve`) instead of a file.",
        "改用此地址上的账本服务（`ledger serve`），而非本地文件。")))
    var remote: String?

    /// The ledger path chosen by option, environment or default.
    var ledgerPath: String {
        ledger ?? ProcessInfo.processInfo.environment["LEDGER_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ledger.db"
    }

    /// The ledger file; with `--remote`, a reader gets the server's ledger copied into memory and checked entry
    /// by entry, and a writer is refused (only appends and checkpoints travel to a server).
    func openLedger(readOnly: Bool = false) async throws -> SQLiteLedger {
        if let server = try remoteLedger() {
            guard readOnly else {
                throw CLIFailure(.usage, t("--remote works with record, approve, reject, reverse, member, key, fund, balance, log, pending and checkpoint; this command needs the ledger file",
                    "--remote 只适用于 record、approve、reject、reverse、member、key、fund、balance、log、pending 和 checkpoint；此命令需要账本文件"))
            }
            return try await server.replica()
        }
        return try SQLiteLedger.open(at: ledgerPath, readOnly: readOnly)
    }

    /// Refuses `--remote` for a command that works on the file itself, rather than quietly using a local file.
    func requireLocal() throws {
        guard remote == nil else {
            throw CLIFailure(.usage, t("this command works on a ledger file and does not take --remote (to keep a checked copy of a server, use `ledger mirror URL`)",
                "此命令只处理账本文件，不接受 --remote（要保存服务器账本的核验副本，请用 `ledger mirror 地址`）"))
        }
    }

    /// The server named by `--remote`, if any.
    func remoteLedger() throws -> RemoteLedger? {
        try remote.map { try RemoteLedger($0) }
    }

    /// The signing key, from `--key` or `$LEDGER_KEY`.
    func signingKey() throws -> Ed25519.PrivateKey {
        guard let path = key ?? ProcessInfo.processInfo.environment["LEDGER_KEY"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw CLIFailure(.key, t("this command signs an entry: give --key YOUR-KEY.pem (or set LEDGER_KEY)",
                "此命令需要签名：请用 --key 指定您的私钥文件（或设置 LEDGER_KEY）"))
        }
        return try KeyFile.loadPrivateKey(path: path, passphraseEnv: passphraseEnv)
    }

    /// The signing key as a checkpoint signer, refused unless it was an active key of the ledger at `size`.
    func noteSigner(state: LedgerState, size: Int) throws -> NoteSigner {
        try CheckpointSigning.signer(try signingKey(), state: state, size: size)
    }

    /// The member id `text` names in the ledger (read-only, before any write). A name that matches nobody and could
    /// not be an id is refused here as an unknown member; an id is left to the rules.
    func member(_ text: String) async throws -> MemberID {
        let ledger = try await openLedger(readOnly: true)
        if try ledger.member(text) != nil { return text }
        let member = try MemberName.resolve(text, in: try ledger.state())
        if member == text, !Rules.isMemberID(text) { throw MemberName.unknown(text) }
        return member
    }
}
