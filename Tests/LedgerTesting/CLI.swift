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

    /// The standard output as a JSON object, or an empty one when it is not.
    public var jsonObject: [String: Any] { (try? json()) ?? [:] }

    /// The standard output parsed as one JSON object.
    public func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let dictionary = object as? [String: Any] else { throw SpawnError("stdout is not a JSON object: \(stdout)") }
        return dictionary
    }

    public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the real `ledger` binary built next to the test bundle, in a clean environment: the one way the command-line
/// and robustness suites start it (their fixtures — ``Society``, a site, a workspace — only choose folders and keys).
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

    /// The environment a test gives the binary: `LANG` as asked, and no ledger, key or locale from the caller's shell
    /// (nothing starting with `LEDGER` or `LC_`, no `LANGUAGE`).
    public static func environment(lang: String = "C", _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("LEDGER") || name.hasPrefix("LC_") || name == "LANGUAGE" {
            environment[name] = nil
        }
        environment["LANG"] = lang
        return environment.merging(extra) { _, new in new }
    }

    /// The binary's path, or a test failure saying it was not built.
    public static func requireBinary() throws -> String {
        guard let binary else { throw SpawnError("the ledger binary was not built next to the tests; build with --build-tests") }
        return binary.path
    }

    /// Starts `ledger arguments…` in `folder` and returns at once: for servers, loops and kills.
    /// - Parameter measure: report the command's own peak memory (costs a Python parent process).
    public static func start(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:],
        measure: Bool = false) throws -> Child
    {
        try Child(try requireBinary(), arguments, environment: Self.environment(lang: lang, environment), folder: folder, measure: measure)
    }

    /// Runs `ledger arguments…` in `folder` with `LANG` (C unless given) and `environment` added.
    ///
    /// Standard input is `/dev/null`, so the binary never sees a terminal and never waits for a passphrase.
    /// Output goes to files (read after exit) rather than pipes, so a large output can never block the process.
    public static func run(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:])
        async throws -> CLIResult
    {
        CLIResult(try await Child.run(try requireBinary(), arguments, environment: Self.environment(lang: lang, environment), folder: folder))
    }

    /// Like ``run(_:in:lang:environment:)``, blocking the calling thread: for synchronous tests.
    public static func runBlocking(_ arguments: [String], in folder: URL, lang: String = "C", environment: [String: String] = [:])
        throws -> CLIResult
    {
        CLIResult(try start(arguments, in: folder, lang: lang, environment: environment).waitBlocking())
    }

    /// Runs any program to its end in `folder`, blocking: `openssl`, `hledger`, `chromium`, a shell.
    public static func runTool(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]) throws -> CLIResult {
        CLIResult(try Child(executable.path, arguments, environment: environment, folder: folder).waitBlocking())
    }
}
