import Foundation
import Testing

/// What one run of the `ledger` binary did.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The standard output parsed as one JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }

    var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the real `ledger` binary built next to the test bundle, in a clean environment.
enum CLI {
    /// The built executable: next to the test bundle, or next to the bundle's folder.
    static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("ledger") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `ledger arguments…` in `folder` with `LANG` (C unless given) and `environment` added.
    ///
    /// Standard input is `/dev/null`, so the binary never sees a terminal and never waits for a passphrase.
    /// Output goes to files (read after exit) rather than pipes, so a large output can never block the process.
    static func run(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:])
        async throws -> CLIResult
    {
        let binary = try #require(CLI.binary, "the ledger binary was not built next to the tests")
        var env = ProcessInfo.processInfo.environment
        for name in ["LEDGER_KEY", "LEDGER_PATH", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { env[name] = nil }
        env["LANG"] = lang
        env.merge(environment) { _, new in new }

        let outURL = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = env
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        // Wait without holding a thread, so many tests' processes can run (and wait on the disk) at once.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
