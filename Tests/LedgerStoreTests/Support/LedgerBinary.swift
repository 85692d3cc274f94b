import Foundation
import LedgerTesting

/// The `ledger` executable built alongside the tests.
enum LedgerBinary {
    static var url: URL? { CLI.binary }

    /// The environment a test run gives the binary: English, and no ledger or key from the caller's shell.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LEDGER_KEY", "LEDGER_PATH", "LC_ALL", "LANGUAGE"] { environment[name] = nil }
        environment["LANG"] = "C"
        return environment
    }
}
