import Foundation

/// What one run of the `ledger` binary did.
public struct CLIResult: CustomStringConvertible, Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    init(_ outcome: ProcessOutcome) {
        self.init(status: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    /// The standard output parsed as one JSON object.
    public func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let dictionary = object as? [String: Any] else { throw SpawnError("stdout is not a JSON object: \(stdout)") }
        return dictionary
    }

    public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the real `ledger` binary built next to the test bundle, in a clean environment.
public enum CLI {
    /// The built executable: next to the test bundle, or next to the bundle's folder.
    public static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("ledger") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The environment a test gives the binary: `LANG` as asked, and no ledger, key or locale from the caller's shell.
    public static func environment(lang: String = "C", _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LEDGER_KEY", "LEDGER_PATH", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment[name] = nil }
        environment["LANG"] = lang
        return environment.merging(extra) { _, new in new }
    }

    /// Runs `ledger arguments…` in `folder` with `LANG` (C unless given) and `environment` added.
    ///
    /// Standard input is `/dev/null`, so the binary never sees a terminal and never waits for a passphrase.
    /// Output goes to files (read after exit) rather than pipes, so a large output can never block the process.
    public static func run(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:])
        async throws -> CLIResult
    {
        guard let binary else { throw SpawnError("the ledger binary was not built next to the tests") }
        return CLIResult(try await Child.run(binary.path, arguments, environment: Self.environment(lang: lang, environment), folder: folder))
    }

    /// Like ``run(_:in:lang:environment:)``, blocking the calling thread: for synchronous tests.
    public static func runBlocking(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:])
        throws -> CLIResult
    {
        guard let binary else { throw SpawnError("the ledger binary was not built next to the tests") }
        return CLIResult(try Child(binary.path, arguments, environment: Self.environment(lang: lang, environment), folder: folder).waitBlocking())
    }

    /// Runs any program to its end in `folder`, blocking: `openssl`, `hledger`, `chromium`, a shell.
    public static func runTool(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]) throws -> CLIResult {
        CLIResult(try Child(executable.path, arguments, environment: environment, folder: folder).waitBlocking())
    }
}
