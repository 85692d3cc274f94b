import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A temporary folder with the society's key files, running the real `ledger` binary: as a server and as the
/// committee's and oversight group's command lines.
final class Site {
    static let keys: [String: (key: Ed25519.PrivateKey, holder: String)] = [
        "c1": (TestKeys.committee1, "陈"), "c2": (TestKeys.committee2, "李"),
        "o1": (TestKeys.oversight1, "张"), "o2": (TestKeys.oversight2, "何"),
    ]

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-server-tests-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, entry) in Self.keys {
            let file = path("\(name).pem")
            try entry.key.pemRepresentation(passphrase: nil).write(toFile: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            try entry.key.publicKey.pemRepresentation.write(toFile: file + ".pub", atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The built `ledger` executable next to the tests.
    static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("ledger") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]) ?? [:] }
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    func process(_ arguments: [String], key: String?) throws -> Process {
        let process = Process()
        process.executableURL = try #require(Site.binary as URL?, "the ledger binary was not built next to the tests")
        process.arguments = arguments + (key.map { ["--key", path("\($0).pem")] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        for name in ["LEDGER_KEY", "LEDGER_PATH", "LC_ALL", "LANGUAGE"] { environment[name] = nil }
        environment["LANG"] = "C"
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Runs `ledger arguments…` signing with key `key` (`c1`, `o1`, …) and waits for it.
    @discardableResult
    func run(_ arguments: [String], key: String? = nil) throws -> Result {
        let process = try process(arguments, key: key)
        let out = folder.appendingPathComponent(".out-\(UUID().uuidString)"), err = folder.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try Site.runToEnd(process)
        return Result(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Starts `process` and waits for it on a semaphore rather than `waitUntilExit()`, which spins this thread's
    /// run loop while other tests are starting processes.
    static func runToEnd(_ process: Process) throws {
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        done.wait()
    }

    /// Appends with `arguments` and returns the new seq, recording an issue when it fails.
    @discardableResult
    func append(_ arguments: [String], key: String) throws -> Int {
        let result = try run(arguments + ["--json"], key: key)
        #expect(result.status == 0, "\(arguments): \(result)")
        return try #require(result.json["seq"] as? Int, "\(result)")
    }

    /// `ledger init` with all four keys into `file`, then two members and a ¥10,000 donation.
    func found(_ file: String) throws {
        let result = try run(["init", "--society", "测试互助社", "--committee", "陈=c1.pem.pub", "--committee", "李=c2.pem.pub",
            "--oversight", "张=o1.pem.pub", "--oversight", "何=o2.pem.pub", "--ledger", file], key: "c1")
        #expect(result.status == 0, "\(result)")
        try append(["member", "add", "H001", "--name", "黄大伯", "--ledger", file], key: "c1")
        try append(["member", "add", "H002", "--name", "李阿婆", "--ledger", file], key: "c1")
        try append(["record", "donation", "--donor", "爱心企业", "--amount", "10000", "--ledger", file], key: "c2")
    }

    /// A running `ledger serve` on a free loopback port.
    final class Server {
        let process: Process
        let url: String

        init(_ process: Process, url: String) {
            self.process = process
            self.url = url
        }

        func stop() {
            guard process.isRunning else { return }
            process.terminate()
            while process.isRunning { usleep(20_000) }
        }

        deinit { if process.isRunning { stop() } }
    }

    /// Starts `ledger serve` on `file` and waits for the line that names its address.
    func serve(_ file: String) throws -> Server {
        let process = try process(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0", "--ledger", file], key: nil)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return Server(process, url: String(seen[range]))
            }
        }
        process.terminate()
        Issue.record("the server did not start: \(seen)")
        throw CancellationError()
    }

    /// The state of a ledger file, read through the library.
    func state(_ file: String) throws -> LedgerState { try SQLiteLedger.open(at: path(file), readOnly: true).state() }

    /// Whether a ledger file's whole chain verifies from its bytes.
    func verifies(_ file: String) throws -> Bool {
        var lines: [[UInt8]] = []
        try SQLiteLedger.open(at: path(file), readOnly: true).forEachBatch { batch throws(LedgerError) in lines += batch }
        if case .valid = TestLedger.verify(lines) { return true }
        return false
    }
}
