import Foundation
import LedgerTesting

/// Runs the `openssl` command-line tool in a directory, for interoperability tests.
struct OpenSSLCommand {
    /// What a finished `openssl` run printed and returned.
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    /// `openssl` exited with a failure status.
    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let outcome: Outcome
        var description: String {
            "openssl \(arguments.joined(separator: " ")) exited with \(outcome.status): \(outcome.errors)"
        }
    }

    /// The directory every command runs in; relative file names resolve there.
    let directory: URL

    /// The `openssl` executable: the first one on `PATH`, else `/usr/bin/openssl`.
    static let executable: URL = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(filePath: String(directory)).appending(path: "openssl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(filePath: "/usr/bin/openssl")
    }()

    /// Runs `openssl arguments…` and returns its outcome, whatever the exit status.
    func outcome(_ arguments: [String]) throws -> Outcome {
        let result = try CLI.runTool(Self.executable, arguments, in: directory, environment: ProcessInfo.processInfo.environment)
        return Outcome(status: result.status, output: result.stdout, errors: result.stderr)
    }

    /// Runs `openssl arguments…` and returns its standard output; throws ``Failure`` on a failure status.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try outcome(arguments)
        guard result.status == 0 else { throw Failure(arguments: arguments, outcome: result) }
        return result.output
    }
}

/// A fresh private directory under the system temporary directory, removed when the value goes away.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(
            path: "ledger-crypto-tests-\(UUID().uuidString)",
            directoryHint: .isDirectory
        )
        try FileManager.default.createDirectory(
            at: url,
            withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700]
        )
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The URL of `name` inside the directory.
    func file(_ name: String) -> URL { url.appending(path: name) }

    func write(_ bytes: [UInt8], to name: String) throws { try Data(bytes).write(to: file(name)) }
    func write(_ text: String, to name: String) throws { try write(Array(text.utf8), to: name) }
    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: file(name))) }
    func readText(_ name: String) throws -> String { String(decoding: try read(name), as: UTF8.self) }
}
