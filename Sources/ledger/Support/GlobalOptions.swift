import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// The options every command takes (DESIGN.md section 11).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The ledger file (else $LEDGER_PATH, else ledger.db here).")
    var ledger: String?

    @Option(name: .long, help: "Your private key PEM file (else $LEDGER_KEY).")
    var key: String?

    @Option(name: .customLong("passphrase-env"), help: "The environment variable holding the key's passphrase.")
    var passphraseEnv: String?

    @Option(name: .long, help: "Interface language: zh or en (else from LC_ALL/LANG).")
    var lang: Language?

    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false

    /// The ledger path chosen by option, environment or default.
    var ledgerPath: String {
        ledger ?? ProcessInfo.processInfo.environment["LEDGER_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ledger.db"
    }

    func openLedger(readOnly: Bool = false) throws -> SQLiteLedger {
        try SQLiteLedger.open(at: ledgerPath, readOnly: readOnly)
    }

    /// The signing key, from `--key` or `$LEDGER_KEY`.
    func signingKey() throws -> Ed25519.PrivateKey {
        guard let path = key ?? ProcessInfo.processInfo.environment["LEDGER_KEY"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw CLIFailure(.key, t("this command signs an entry: give --key YOUR-KEY.pem (or set LEDGER_KEY)",
                "此命令需要签名：请用 --key 指定您的私钥文件（或设置 LEDGER_KEY）"))
        }
        return try KeyFile.loadPrivateKey(path: path, passphraseEnv: passphraseEnv)
    }
}

extension Language: ExpressibleByArgument {}

/// The current time from the system clock, as entries write it.
func currentTime() -> Timestamp {
    Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
}
