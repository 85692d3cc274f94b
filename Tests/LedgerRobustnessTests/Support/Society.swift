import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A society founded with `ledger init` in a fresh folder, its keys written as 0600 PEM files from the fixed test
/// keys: committee `c1` (陈), `c2` (李), `c3` (王); oversight `o1` (张), `o2` (何); and, when asked, `o3`, an
/// oversight key held by 陈 — the same person as `c1`.
final class RobustSociety: @unchecked Sendable {
    static let keys: [String: (key: Ed25519.PrivateKey, holder: String, role: Role)] = [
        "c1": (TestKeys.committee1, "陈", .committee), "c2": (TestKeys.committee2, "李", .committee),
        "c3": (TestKeys.committee3, "王", .committee), "o1": (TestKeys.oversight1, "张", .oversight),
        "o2": (TestKeys.oversight2, "何", .oversight), "o3": (TestKeys.key("oversight-3"), "陈", .oversight),
        "x1": (TestKeys.key("outsider"), "外人", .oversight),
    ]

    let workspace: Workspace
    let ledgerPath: String
    /// The genesis hash `init` printed.
    private(set) var genesis = ""

    /// - Parameter withSameHolderKey: also found the ledger with `o3`, held by the same person as `c1`.
    init(_ label: String, founded: Bool = true, withSameHolderKey: Bool = false) async throws {
        workspace = try Workspace(label)
        ledgerPath = workspace.path("ledger.db")
        for (name, entry) in Self.keys { try Self.writeKey(entry.key, to: workspace.path("\(name).pem")) }
        if founded {
            var arguments = ["init", "--society", "测试互助社", "--committee", "陈=c1.pem.pub", "--committee", "李=c2.pem.pub",
                "--committee", "王=c3.pem.pub", "--oversight", "张=o1.pem.pub", "--oversight", "何=o2.pem.pub", "--json"]
            if withSameHolderKey { arguments += ["--oversight", "陈=o3.pem.pub"] }
            let result = try await run(arguments, key: "c1")
            #expect(result.status == 0, "\(result)")
            genesis = try #require(try result.json()["genesis"] as? String)
        }
    }

    func path(_ name: String) -> String { workspace.path(name) }

    static func keyID(_ name: String) -> String { TestKeys.id(keys[name]!.key) }

    /// Writes a private key (0600) and its public key (`.pub`, 0644).
    static func writeKey(_ key: Ed25519.PrivateKey, to path: String, passphrase: String? = nil) throws {
        try key.pemRepresentation(passphrase: passphrase.map { Array($0.utf8) }).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try key.publicKey.pemRepresentation.write(toFile: path + ".pub", atomically: true, encoding: .utf8)
    }

    /// Runs `ledger arguments… --ledger LEDGER [--key KEY.pem]` in the society's folder.
    func run(_ arguments: [String], key: String? = nil, ledger: String? = nil, environment: [String: String] = [:]) async throws
        -> ProcessOutcome
    {
        var full = arguments + ["--ledger", ledger ?? ledgerPath]
        if let key { full += ["--key", path("\(key).pem")] }
        return try await Robust.ledger(full, in: workspace, environment: environment)
    }

    /// Runs an appending command (with `--json`); records an issue unless it succeeded. Returns the new seq.
    @discardableResult
    func append(_ arguments: [String], key: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let result = try await run(arguments + ["--json"], key: key)
        #expect(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
        return try #require(try result.json()["seq"] as? Int, "\(result)", sourceLocation: sourceLocation)
    }

    /// `ledger verify PATH --json [extra…]`.
    func verify(_ path: String? = nil, _ extra: [String] = []) async throws -> ProcessOutcome {
        try await Robust.ledger(["verify", path ?? ledgerPath, "--json"] + extra, in: workspace)
    }

    /// The ledger's entry bytes, read through the library.
    func entries() throws -> [[UInt8]] { try Robust.entries(of: ledgerPath) }
}
