import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A small society in a fresh temporary folder, founded with `ledger init`: committee keys `c1` (陈) and `c2` (李),
/// oversight keys `o1` (张) and `o2` (何), written as 0600 PEM files from the fixed test keys.
public final class Society {
    public static let keys: [String: (key: Ed25519.PrivateKey, holder: String)] = [
        "c1": (TestKeys.committee1, "陈"), "c2": (TestKeys.committee2, "李"),
        "o1": (TestKeys.oversight1, "张"), "o2": (TestKeys.oversight2, "何"),
    ]

    public let folder: URL
    public let ledgerPath: String
    /// The genesis hash `init` printed.
    public private(set) var genesis = ""

    /// A folder with the key files but no ledger yet.
    public init(founded: Bool = true) async throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ledger-cli-tests-\(UUID().uuidString.prefix(12))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        ledgerPath = folder.appendingPathComponent("ledger.db").path
        for (name, entry) in Self.keys {
            try Self.writeKey(entry.key, to: path("\(name).pem"))
        }
        if founded { try await found() }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The path of `name` in the society's folder.
    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes a private key (0600) and its public key (`.pub`, 0644).
    public static func writeKey(_ key: Ed25519.PrivateKey, to path: String, passphrase: String? = nil) throws {
        try key.pemRepresentation(passphrase: passphrase.map { Array($0.utf8) }).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try key.publicKey.pemRepresentation.write(toFile: path + ".pub", atomically: true, encoding: .utf8)
    }

    /// `ledger init` with every key of the society, signed by c1.
    private func found() async throws {
        let result = try await ledger(
            ["init", "--society", "测试互助社", "--committee", "陈=c1.pem.pub", "--committee", "李=c2.pem.pub",
             "--oversight", "张=o1.pem.pub", "--oversight", "何=o2.pem.pub", "--json"], key: "c1")
        #expect(result.status == 0, "\(result)")
        genesis = try #require(try result.json()["genesis"] as? String)
    }

    /// Runs `ledger` in the folder on this society's ledger, signing with key `key` (a name such as `c1`) if given.
    @discardableResult
    public func ledger(_ arguments: [String], key: String? = nil, lang: String = "C", environment: [String: String] = [:])
        async throws -> CLIResult
    {
        var full = arguments + ["--ledger", ledgerPath]
        if let key { full += ["--key", path("\(key).pem")] }
        return try await CLI.run(full, in: folder, lang: lang, environment: environment)
    }

    /// Runs a command that appends and returns the new entry's seq, recording an issue if it failed.
    @discardableResult
    public func append(_ arguments: [String], key: String) async throws -> Int {
        let result = try await ledger(arguments + ["--json"], key: key)
        #expect(result.status == 0, "\(arguments): \(result)")
        return try #require(try result.json()["seq"] as? Int, "\(result)")
    }

    /// Adds members H001 (黄大伯) and H002 (李阿婆) and a ¥10,000 cash donation to `general`.
    public func addMembersAndMoney() async throws {
        try await append(["member", "add", "H001", "--name", "黄大伯"], key: "c1")
        try await append(["member", "add", "H002", "--name", "李阿婆"], key: "c1")
        try await append(["record", "donation", "--donor", "爱心企业", "--amount", "10000"], key: "c2")
    }

    /// The ledger's state, read through the library.
    public func state() throws -> LedgerState { try SQLiteLedger.open(at: ledgerPath, readOnly: true).state() }

    /// Every entry's exact bytes, read through the library.
    public func entries() throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try SQLiteLedger.open(at: ledgerPath, readOnly: true).forEachBatch { batch throws(LedgerError) in lines += batch }
        return lines
    }

    /// The raw bytes of the ledger file.
    public func fileBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: ledgerPath)) }
}
