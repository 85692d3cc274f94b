import Foundation

/// The `ledger` executable built alongside the tests.
enum LedgerBinary {
    static let url: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("ledger") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The environment a test run gives the binary: English, and no ledger or key from the caller's shell.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LEDGER_KEY", "LEDGER_PATH", "LC_ALL", "LANGUAGE"] { environment[name] = nil }
        environment["LANG"] = "C"
        return environment
    }
}
