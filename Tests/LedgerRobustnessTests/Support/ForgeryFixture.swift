import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A society's ledger, built with the `ledger` command and kept for every attack: two published checkpoint notes
/// from audits, one from `checkpoint sign`, an older copy of the file, an export, and a second ledger founded
/// with the same keys.
///
///      0 genesis (c1 c2 c3 committee; o1 o2 oversight; o3 oversight held by 陈, like c1)
///      1 member H001 · 2 member H002 · 3 donation ¥10,000 · 4 sale for H001
///      5 grant H002 ¥2,000 · 6 o1 approves 5 · 7 expense · 8 o2 rejects 7 · 9 payout H001 · 10 o2 approves 9
///     11 checkpoint by o1 (audit; note1 = size 11)
///     12 grant H001 ¥500, by c1, pending · 13 donation ¥200        ← old.db is a copy taken here (14 entries)
///     14 c1 proposes revoking o2 · 15 c2 approves · 16 o1 approves: o2 revoked from 16
///     17 member H003 · 18 grant H002 ¥300 by c3, pending · 19 donation
///     20 checkpoint by o1 (audit; note2 = size 20) · 21, 22 donations  (note3 = size 23, `checkpoint sign`)
final class ForgeryFixture: @unchecked Sendable {
    let society: RobustSociety
    let lines: [[UInt8]]
    let otherLines: [[UInt8]]
    let genesis: String

    static let shared = Task { try await ForgeryFixture() }
    /// The fixture lives as long as the test process; its folder is removed when the process exits.
    nonisolated(unsafe) private static var folderToRemove = ""

    private init() async throws {
        let society = try await RobustSociety("forgery", withSameHolderKey: true)
        self.society = society
        Self.folderToRemove = society.workspace.path
        atexit { Robust.removeTree(ForgeryFixture.folderToRemove) }
        @discardableResult func add(_ arguments: [String], _ key: String) async throws -> Int { try await society.append(arguments, key: key) }
        try await add(["member", "add", "H001", "--name", "黄大伯"], "c1")
        try await add(["member", "add", "H002", "--name", "李阿婆"], "c1")
        try await add(["record", "donation", "--donor", "爱心企业", "--amount", "10000", "--receipt", "R-1"], "c2")
        try await add(["record", "sale", "--member", "H001", "--product", "黄皮", "--quantity", "120", "--unit", "斤", "--amount", "960", "--fee", "48"], "c1")
        let grant = try await add(["record", "grant", "--member", "H002", "--amount", "2000", "--purpose", "医疗救助"], "c1")
        try await add(["approve", "\(grant)"], "o1")
        let expense = try await add(["record", "expense", "--amount", "300", "--payee", "物流站", "--purpose", "运费"], "c2")
        try await add(["reject", "\(expense)", "--reason", "买方承担"], "o2")
        let payout = try await add(["record", "payout", "--member", "H001", "--amount", "100", "--method", "bank"], "c1")
        try await add(["approve", "\(payout)"], "o2")
        try await Self.note(society, ["audit"], "note1.txt")
        try await add(["record", "grant", "--member", "H001", "--amount", "500", "--purpose", "助学"], "c1")
        try await add(["record", "donation", "--donor", "爱心人士", "--amount", "200"], "c2")
        try FileManager.default.copyItem(atPath: society.ledgerPath, toPath: society.path("old.db"))
        let revoke = try await add(["key", "revoke", RobustSociety.keyID("o2"), "--reason", "钥匙遗失"], "c1")
        try await add(["approve", "\(revoke)"], "c2")
        try await add(["approve", "\(revoke)"], "o1")
        try await add(["member", "add", "H003", "--name", "陈伯"], "c1")
        try await add(["record", "grant", "--member", "H002", "--amount", "300", "--purpose", "助学"], "c3")
        try await add(["record", "donation", "--donor", "爱心人士", "--amount", "50"], "c2")
        try await Self.note(society, ["audit"], "note2.txt")
        try await add(["record", "donation", "--donor", "爱心人士", "--amount", "10"], "c2")
        try await add(["record", "donation", "--donor", "爱心人士", "--amount", "20"], "c2")
        try await Self.note(society, ["checkpoint", "sign"], "note3.txt")
        lines = try society.entries()
        precondition(lines.count == 23, "the fixture has \(lines.count) entries")
        try Robust.write(Robust.jsonl(lines), to: society.path("export.jsonl"))
        genesis = society.genesis

        // A second ledger founded with the very same keys and society name: a genesis swap done through the CLI.
        let other = society.path("other.db")
        let initOther = try await society.run(["init", "--society", "测试互助社", "--committee", "陈=c1.pem.pub", "--committee", "李=c2.pem.pub",
            "--committee", "王=c3.pem.pub", "--oversight", "张=o1.pem.pub", "--oversight", "何=o2.pem.pub", "--oversight", "陈=o3.pem.pub"],
            key: "c1", ledger: other)
        precondition(initOther.status == 0, "\(initOther)")
        for (arguments, key) in [(["member", "add", "H001", "--name", "黄大伯"], "c1"), (["member", "add", "H002", "--name", "李阿婆"], "c1"),
            (["record", "donation", "--donor", "爱心企业", "--amount", "10000", "--receipt", "R-1"], "c2")]
        {
            let result = try await society.run(arguments, key: key, ledger: other)
            precondition(result.status == 0, "\(result)")
        }
        let otherNote = try await society.run(["checkpoint", "sign"], key: "o1", ledger: other)
        try otherNote.stdout.write(toFile: society.path("other-note.txt"), atomically: true, encoding: .utf8)
        otherLines = try Robust.entries(of: other)
    }

    private static func note(_ society: RobustSociety, _ arguments: [String], _ file: String) async throws {
        let result = try await society.run(arguments, key: "o1")
        precondition(result.status == 0 && result.stdout.contains("— "), "\(result)")
        try result.stdout.write(toFile: society.path(file), atomically: true, encoding: .utf8)
    }

    static func key(for author: KeyID) -> Ed25519.PrivateKey {
        RobustSociety.keys.values.first { TestKeys.id($0.key) == author }!.key
    }

    func entry(_ seq: Int) -> Entry { try! Entry(bytes: lines[seq]) }

    /// The entry that would come after `lines`, signed by `key` (a name such as `o2`), at `time` or the last entry's.
    static func next(after lines: [[UInt8]], _ payload: Payload, by key: String, time: Timestamp? = nil) throws -> [UInt8] {
        let last = try Entry(bytes: lines[lines.count - 1])
        let signer = RobustSociety.keys[key]!.key
        let body = Body(seq: lines.count, prev: last.hash, time: time ?? last.body.time, author: TestKeys.id(signer), payload: payload)
        return try Entry.sign(body, with: signer).bytes
    }

    /// History rewritten from `start` by someone holding every key: each later entry re-signed by its own author's
    /// key with the links, approval hashes and (if asked) checkpoint roots made right again.
    static func rewrite(_ lines: [[UInt8]], from start: Int, checkpointRoots: Bool, _ change: (Int, inout Body) -> Void) throws -> [[UInt8]] {
        var out = Array(lines[..<start])
        var tree = MerkleTree()
        for line in out { tree.append(Entry.hash(of: line)) }
        var renamed: [EntryHash: EntryHash] = [:]
        for seq in start..<lines.count {
            let old = try Entry(bytes: lines[seq])
            var body = old.body
            body.prev = seq == 0 ? .zero : Entry.hash(of: out[seq - 1])
            switch body.payload {
            case .approve(var approve):
                approve.hash = renamed[approve.hash] ?? approve.hash
                body.payload = .approve(approve)
            case .reject(var reject):
                reject.hash = renamed[reject.hash] ?? reject.hash
                body.payload = .reject(reject)
            case .checkpoint(let checkpoint) where checkpointRoots:
                body.payload = .checkpoint(Checkpoint(size: checkpoint.size, root: tree.root(size: checkpoint.size)))
            default: break
            }
            change(seq, &body)
            let new = try Entry.sign(body, with: key(for: body.author))
            renamed[old.hash] = new.hash
            out.append(new.bytes)
            tree.append(new.hash)
        }
        return out
    }

    /// Entry bytes with one literal piece of text replaced (no re-signing).
    static func edited(_ line: [UInt8], _ from: String, _ to: String) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        precondition(text.contains(from), "\(from) not in \(text)")
        return Array(text.replacingOccurrences(of: from, with: to).utf8)
    }
}
