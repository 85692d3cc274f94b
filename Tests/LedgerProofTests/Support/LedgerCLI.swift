import Foundation
import LedgerTesting
import Testing

/// Runs the built `ledger` executable, which SwiftPM puts next to the test bundle.
struct LedgerCLI {
    struct Result: CustomStringConvertible {
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }

        /// Standard output read as a JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(stdout)")
        }
    }

    let executable: URL
    /// The folder every command runs in; relative paths are inside it.
    let folder: URL

    init(folder: URL) throws {
        executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ledger")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path),
            "the ledger executable is not next to the test bundle at \(executable.path); build with --build-tests")
        self.folder = folder
    }

    /// Runs `ledger arguments…` in ``folder`` with an English interface and no ledger or key from the environment.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let result = try CLI.runTool(executable, arguments, in: folder,
            environment: CLI.environment(lang: "en_US.UTF-8", ["LC_ALL": "en_US.UTF-8"]))
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// Runs a command that must succeed and returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        try #require(result.status == 0, "ledger \(arguments.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

/// A fresh folder under the system's temporary directory, removed with everything in it when released.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ledger-proof-tests-\(UUID().uuidString.prefix(12))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
