import Foundation
import LedgerTesting
import Testing

/// A scratch folder where `ledger` runs with an English interface, through ``CLI``.
struct LedgerCLI {
    typealias Result = CLIResult

    /// The folder every command runs in; relative paths are inside it.
    let folder: URL

    init(folder: URL) throws {
        _ = try CLI.requireBinary()
        self.folder = folder
    }

    /// Runs `ledger arguments…` in ``folder`` with an English interface and no ledger or key from the environment.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        try CLI.runBlocking(arguments, in: folder, lang: "en_US.UTF-8", environment: ["LC_ALL": "en_US.UTF-8"])
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
