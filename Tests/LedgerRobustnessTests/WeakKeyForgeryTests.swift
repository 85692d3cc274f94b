import Foundation
import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// The small-order key attack, end to end through files and the binary: a committee member proposes the identity
/// point as an oversight key, governance approves it, and a grant is then "approved" with a signature no private key
/// made. `verify` and `import` stop at the `key.add`; the command line never lets such a key in.
@Suite struct WeakKeyForgeryTests {
    /// The identity point `01 00…00`: under it, (R, S) = (identity, 0) verifies for every message in OpenSSL.
    static let identity = [UInt8(1)] + [UInt8](repeating: 0, count: 31)

    /// The fixture's 23 entries, then 23 key.add (c1), 24 and 25 its approvals (c2, o1), 26 the forged approval of
    /// grant 12 (H001 ¥500, pending) by the identity key.
    static func forgedExport(_ fixture: ForgeryFixture) throws -> [[UInt8]] {
        var chain = HandSignedChain(lines: fixture.lines, time: fixture.entry(22).body.time)
        let weak = KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: identity)
        let keyAdd = try chain.append(.keyAdd(KeyAdd(key: weak)), by: RobustSociety.keys["c1"]!.key)
        try chain.append(.approve(Approve(target: keyAdd, hash: chain.hash(keyAdd))), by: RobustSociety.keys["c2"]!.key)
        try chain.append(.approve(Approve(target: keyAdd, hash: chain.hash(keyAdd))), by: RobustSociety.keys["o1"]!.key)
        chain.append(.approve(Approve(target: 12, hash: chain.hash(12))), author: weak.id,
            signature: [1] + [UInt8](repeating: 0, count: 63))
        return chain.lines
    }

    @Test func verifyAndImportStopAtTheEntryThatBroughtTheKeyIn() async throws {
        let fixture = try await ForgeryFixture.shared.value
        let workspace = try Workspace("weak-key")
        try Robust.write(Robust.jsonl(try Self.forgedExport(fixture)), to: workspace.path("forged.jsonl"))

        let verify = try await Robust.ledger(["verify", "forged.jsonl", "--json"], in: workspace)
        verify.expectNoCrash("verify of a ledger holding a small-order key")
        #expect(verify.status == 1, "the forged ledger verified: \(verify)")
        let report = (try? verify.json()) ?? [:]
        #expect(report["code"] as? String == "weak_key", "\(report)")
        #expect(report["seq"] as? Int == 23, "\(report)")
        #expect(report["kind"] as? String == "key.add", "\(report)")

        let imported = try await Robust.ledger(["import", "forged.jsonl", "--ledger", "restored.db"], in: workspace)
        imported.expectCleanFailure("import of a ledger holding a small-order key", exit: [1, 2], mentions: ["weak_key"])
        #expect(!FileManager.default.fileExists(atPath: workspace.path("restored.db")), "import left a file behind")
    }

    @Test func theCommandLineRefusesAWeakKeyInKeyAddAndInit() async throws {
        let fixture = try await ForgeryFixture.shared.value
        let workspace = try Workspace("weak-key-cli")
        try ForgeryTests.copy(["ledger.db", "c1.pem", "c1.pem.pub"], from: fixture, to: workspace)
        let before = try Robust.entries(of: workspace.path("ledger.db"))
        let base64 = Base64.encode(Self.identity)
        let add = try await Robust.ledger(["key", "add", "--role", "oversight", "冒名者=\(base64)",
            "--ledger", "ledger.db", "--key", "c1.pem"], in: workspace)
        add.expectCleanFailure("key add of the identity point", exit: [2], mentions: ["[weak_key]", "small order", "nothing was written"])
        #expect(try Robust.entries(of: workspace.path("ledger.db")) == before)

        let founded = try await Robust.ledger(["init", "--society", "冒名社", "--committee", "陈=c1.pem.pub",
            "--oversight", "冒名者=\(base64)", "--ledger", "new.db", "--key", "c1.pem"], in: workspace,
            environment: ["LANG": "zh_CN.UTF-8"])
        founded.expectNoCrash("init with the identity point")
        #expect(founded.status == 2, "\(founded)")
        #expect(founded.stderr.hasPrefix("错误：[weak_key]") && founded.stderr.contains("小阶密钥"), "\(founded)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("new.db")), "init left a ledger behind")
    }
}
