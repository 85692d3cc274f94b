import Foundation
import LedgerTesting
import Testing

/// The outside programs these tests use to check the ledger's output: `hledger` and headless `chromium`.
enum Tool {
    /// The first executable called `name` on `PATH` (or in /usr/bin), or `nil`.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Requires a tool, failing the test with the command that installs it.
    static func require(_ name: String, package: String) throws -> URL {
        try #require(find(name), "\(name) is not installed: run `apt-get install -y \(package)` (.ci/run installs it)")
    }

    /// Runs a tool to completion in `folder`; output goes to files so a large one cannot block it. The locale is
    /// UTF-8 (hledger, like every GHC program, reads files in the locale's encoding).
    static func run(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLIResult {
        var base = ProcessInfo.processInfo.environment
        base["LC_ALL"] = nil
        base["LANG"] = "C.UTF-8"
        return try CLI.runTool(executable, arguments, in: folder, environment: base.merging(environment) { _, new in new })
    }
}
