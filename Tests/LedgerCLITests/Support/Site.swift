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

    /// Starts `ledger arguments…` in the folder, signing with key `key` (`c1`, `o1`, …) if given.
    func start(_ arguments: [String], key: String?) throws -> Child {
        try CLI.start(arguments + (key.map { ["--key", path("\($0).pem")] } ?? []), in: folder)
    }

    /// Runs `ledger arguments…` signing with key `key` (`c1`, `o1`, …) and waits for it.
    @discardableResult
    func run(_ arguments: [String], key: String? = nil) throws -> CLIResult {
        try CLI.runBlocking(arguments + (key.map { ["--key", path("\($0).pem")] } ?? []), in: folder)
    }

    /// Appends with `arguments` and returns the new seq, recording an issue when it fails.
    @discardableResult
    func append(_ arguments: [String], key: String) throws -> Int {
        let result = try run(arguments + ["--json"], key: key)
        #expect(result.status == 0, "\(arguments): \(result)")
        return try #require(result.jsonObject["seq"] as? Int, "\(result)")
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
        let child: Child
        let url: String
        private var stopped = false

        init(_ child: Child, url: String) {
            self.child = child
            self.url = url
        }

        func stop() {
            guard !stopped else { return }
            stopped = true
            child.killGroup(SIGTERM)
            _ = child.waitBlocking()
        }

        deinit { stop() }
    }

    /// Starts `ledger serve` on `file` and waits for the line that names its address.
    func serve(_ file: String) throws -> Server {
        let child = try start(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0", "--ledger", file], key: nil)
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            seen = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: child.standardOutputPath))) ?? Data(), as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return Server(child, url: String(seen[range]))
            }
            usleep(20_000)
        }
        child.killGroup(SIGKILL)
        let outcome = child.waitBlocking()
        Issue.record("the server did not start: \(outcome)")
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
