import Foundation
import GRDB
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// `ledger verify --since NOTE`: the audit keeps a signed state snapshot, and a later check of only the new entries
/// agrees with a full verify, or refuses with the reason a person can act on.
@Suite struct VerifySinceTests {
    /// A society audited by o1 (checkpoint at `size`, note in `checkpoint.txt`), then with more entries.
    static func audited() async throws -> (society: Society, size: Int) {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["record", "grant", "--member", "H002", "--amount", "300", "--purpose", "医疗救助"], key: "c1")
        let size = try society.state().count
        let audit = try await society.ledger(["audit"], key: "o1")
        #expect(audit.status == 0, "\(audit)")
        try audit.stdout.write(toFile: society.path("checkpoint.txt"), atomically: true, encoding: .utf8)
        try await society.append(["approve", "\(size - 1)"], key: "o2")
        try await society.append(["member", "add", "H003", "--name", "王小明"], key: "c1")
        try await society.append(["record", "donation", "--donor", "县红十字会", "--amount", "2000"], key: "c2")
        return (society, size)
    }

    /// Runs SQL on the ledger file below the program, with the append-only triggers dropped, as someone with the
    /// file but not the keys could.
    static func tamper(_ society: Society, _ body: (Database) throws -> Void) throws {
        let database = try DatabaseQueue(path: society.ledgerPath)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS entries_are_append_only_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS entries_are_append_only_delete")
            try db.inTransaction {
                try body(db)
                return .commit
            }
        }
    }

    /// Replaces entry `seq`'s bytes (and hash column).
    static func replaceEntry(_ seq: Int, _ bytes: [UInt8], _ db: Database) throws {
        try db.execute(sql: "UPDATE entries SET bytes = ?, hash = ? WHERE seq = ?",
            arguments: [Data(bytes), Data(Entry.hash(of: bytes).bytes), seq])
    }

    static func verifierKey(_ name: String) -> String {
        let key = Society.keys[name]!.key.publicKey
        return NoteVerifierKey(name: Rules.keyID(publicKey: key.rawRepresentation), publicKey: key).encoded
    }

    @Test func incrementalVerifyGivesTheFullSummary() async throws {
        let (society, size) = try await Self.audited()
        let full = try await society.ledger(["verify", "--json"])
        #expect(full.status == 0, "\(full)")
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(since.status == 0, "\(since)")
        let a = try full.json(), b = try since.json()
        for field in ["entries", "head", "root", "genesis", "ledger"] {
            #expect(a[field] as? AnyHashable == b[field] as? AnyHashable, "\(field)")
        }
        #expect(a["funds"] as? [String: Int] == b["funds"] as? [String: Int])
        #expect(a["in_kind"] as? [String: Int] == b["in_kind"] as? [String: Int])
        #expect(a["members"] as? [String: Int] == b["members"] as? [String: Int])
        #expect(a["pending"] as? [Int] == b["pending"] as? [Int])
        #expect(b["since"] as? Int == size)
        #expect(b["trust"] as? String == "file_snapshot")

        let text = try await society.ledger(["verify", "--since", "checkpoint.txt"])
        #expect(text.status == 0, "\(text)")
        let last = try society.state().count - 1
        #expect(text.stdout.contains("Checked entries \(size)…\(last) since the checkpoint of size \(size)"))
        #expect(text.stdout.contains("trust rests on the keys the file's own snapshot lists"))

        let trusted = try await society.ledger(["verify", "--since", "checkpoint.txt", "--vkey", Self.verifierKey("o1"), "--json"])
        #expect(trusted.status == 0, "\(trusted)")
        #expect(try trusted.json()["trust"] as? String == "given_keys")
    }

    @Test func aBadSignatureAfterTheCheckpointIsCaughtAtItsSeq() async throws {
        let (society, _) = try await Self.audited()
        let last = try society.state().count - 1
        var text = String(decoding: try society.entries()[last], as: UTF8.self)
        let amount = try #require(text.range(of: "\"amount\":200000"))
        text.replaceSubrange(amount, with: "\"amount\":900000")
        try Self.tamper(society) { db in try Self.replaceEntry(last, Array(text.utf8), db) }

        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(since.status == 1, "\(since)")
        let json = try since.json()
        #expect(json["seq"] as? Int == last)
        #expect(json["code"] as? String == "bad_signature")
        let full = try await society.ledger(["verify", "--json"])
        #expect(try full.json()["seq"] as? Int == last)
    }

    /// An old entry is edited and the stored Merkle tree rebuilt to match: only new entries are read, but the
    /// frontier no longer gives the signed root.
    @Test func anEditedOldEntryIsCaughtByTheFrontier() async throws {
        let (society, size) = try await Self.audited()
        let lines = try society.entries()
        var text = String(decoding: lines[3], as: UTF8.self)
        let amount = try #require(text.range(of: "\"amount\":1000000"))
        text.replaceSubrange(amount, with: "\"amount\":9000000")
        var edited = lines
        edited[3] = Array(text.utf8)
        var tree = MerkleTree()
        for line in edited { tree.append(Entry.hash(of: line)) }
        try Self.tamper(society) { db in
            try Self.replaceEntry(3, edited[3], db)
            try db.execute(sql: "DELETE FROM merkle_nodes")
            for index in edited.indices {
                for node in tree.nodesCompleted(byLeafAt: index) {
                    try db.execute(sql: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)",
                        arguments: [node.level, node.index, Data(node.hash.bytes)])
                }
            }
        }
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt"])
        #expect(since.status == 1, "\(since)")
        #expect(since.stdout.contains("[checkpoint_mismatch]"))
        #expect(since.stdout.contains("do not match the signed checkpoint: history was rewritten"))
        #expect(since.stdout.contains("entry \(size - 1)"))
    }

    @Test func anEditedLastEntryBeforeTheCheckpointIsCaughtByItsHead() async throws {
        let (society, size) = try await Self.audited()
        var text = String(decoding: try society.entries()[size - 1], as: UTF8.self)
        let purpose = try #require(text.range(of: "医疗救助"))
        text.replaceSubrange(purpose, with: "生活补助")
        try Self.tamper(society) { db in try Self.replaceEntry(size - 1, Array(text.utf8), db) }
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(since.status == 1, "\(since)")
        #expect(try since.json()["code"] as? String == "checkpoint_mismatch")
    }

    /// A reversal after the checkpoint of an entry before it: the target is read from the file, so it counts only
    /// with an inclusion proof to the checkpoint's root.
    @Test func aReversalOfAnEntryBeforeTheCheckpointNeedsItsProof() async throws {
        let (society, _) = try await Self.audited()
        let reversal = try await society.append(["reverse", "3", "--reason", "金额录入错误"], key: "c1")
        try await society.append(["approve", "\(reversal)"], key: "o2")
        let full = try await society.ledger(["verify", "--json"])
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(since.status == 0, "\(since)")
        #expect(try since.json()["funds"] as? [String: Int] == (try full.json()["funds"] as? [String: Int]))

        var text = String(decoding: try society.entries()[3], as: UTF8.self)
        let amount = try #require(text.range(of: "\"amount\":1000000"))
        text.replaceSubrange(amount, with: "\"amount\":1")
        try Self.tamper(society) { db in try Self.replaceEntry(3, Array(text.utf8), db) }
        let refused = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(refused.status == 1, "\(refused)")
        #expect(try refused.json()["seq"] as? Int == reversal)
    }

    @Test(arguments: ["balance", "key"])
    func aForgedSnapshotIsRefused(_ forgery: String) async throws {
        let (society, size) = try await Self.audited()
        try Self.tamper(society) { db in
            let bytes = try #require(try Data.fetchOne(db, sql: "SELECT state FROM state_snapshots WHERE size = ?", arguments: [size]))
            var text = String(decoding: bytes, as: UTF8.self)
            switch forgery {
            case "balance":
                let cash = try #require(text.range(of: "\"cash\":1000000"))
                text.replaceSubrange(cash, with: "\"cash\":9000000")
            default:
                // A copy of the first key record under another id: an extra key the rules would accept.
                let start = try #require(text.range(of: "\"keys\":[{"))
                let end = try #require(text.range(of: "},{", range: start.upperBound..<text.endIndex))
                let record = "{" + text[start.upperBound..<end.lowerBound] + "}"
                text.insert(contentsOf: record.replacingOccurrences(of: "\"id\":\"", with: "\"id\":\"f") + ",", at: text.index(before: start.upperBound))
            }
            try db.execute(sql: "UPDATE state_snapshots SET state = ? WHERE size = ?", arguments: [Data(text.utf8), size])
        }
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(since.status == 1, "\(since)")
        let json = try since.json()
        #expect(json["code"] as? String == "bad_snapshot")
        #expect((json["message"] as? String)?.contains("not the one the signed state note names") == true)
    }

    @Test func aStateNoteSignedByAnUntrustedKeyIsRefused() async throws {
        let (society, size) = try await Self.audited()
        let stranger = try Ed25519.PrivateKey(seed: Array(repeating: 7, count: 32))
        try Self.tamper(society) { db in
            let kept = try #require(try String.fetchOne(db, sql: "SELECT note FROM state_snapshots WHERE size = ?", arguments: [size]))
            var note = SignedNote(text: try SignedNote(parsing: kept).text)
            try note.sign(with: NoteSigner(name: Rules.keyID(publicKey: stranger.publicKey.rawRepresentation), key: stranger))
            try db.execute(sql: "UPDATE state_snapshots SET note = ? WHERE size = ?", arguments: [note.formatted, size])
        }
        let given = try await society.ledger(["verify", "--since", "checkpoint.txt", "--vkey", Self.verifierKey("o1"), "--json"])
        #expect(given.status == 1, "\(given)")
        #expect(try given.json()["code"] as? String == "bad_snapshot")
        #expect((try given.json()["message"] as? String)?.contains("no trusted key signed the state note") == true)
        let fileKeys = try await society.ledger(["verify", "--since", "checkpoint.txt", "--json"])
        #expect(fileKeys.status == 1, "\(fileKeys)")
        #expect(try fileKeys.json()["code"] as? String == "bad_snapshot")
    }

    @Test func aCheckpointSignedByAnUntrustedKeyIsRefusedWithGivenKeys() async throws {
        let (society, _) = try await Self.audited()
        let since = try await society.ledger(["verify", "--since", "checkpoint.txt", "--vkey", Self.verifierKey("o2"), "--json"])
        #expect(since.status == 1, "\(since)")
        #expect(try since.json()["code"] as? String == "bad_checkpoint_note")
    }

    @Test func aCheckpointWithoutASnapshotSaysWhatToDo() async throws {
        let (society, size) = try await Self.audited()
        let signed = try await society.ledger(["checkpoint"], key: "o1")
        #expect(signed.status == 0, "\(signed)")
        try signed.stdout.write(toFile: society.path("later.txt"), atomically: true, encoding: .utf8)
        let english = try await society.ledger(["verify", "--since", "later.txt"])
        #expect(english.status == 64, "\(english)")
        #expect(english.stderr.contains("keeps no state snapshot at size"))
        #expect(english.stderr.contains("run a full `ledger verify`, or `ledger audit`"))
        #expect(english.stderr.contains("sizes kept: \(size)"))
        let chinese = try await society.ledger(["verify", "--since", "later.txt"], lang: "zh_CN.UTF-8")
        #expect(chinese.status == 64, "\(chinese)")
        #expect(chinese.stderr.contains("没有保存大小为"))
        #expect(chinese.stderr.contains("请运行完整的 `ledger verify`"))
    }

    @Test func messagesInBothLanguages() async throws {
        let (society, size) = try await Self.audited()
        let chinese = try await society.ledger(["verify", "--since", "checkpoint.txt"], lang: "zh_CN.UTF-8")
        #expect(chinese.status == 0, "\(chinese)")
        #expect(chinese.stdout.contains("已核验自大小为 \(size) 的检查点"))
        #expect(chinese.stdout.contains("信任依赖于文件自身快照所列的密钥"))

        try Self.tamper(society) { db in
            try db.execute(sql: "UPDATE state_snapshots SET state = replace(state, '\"cash\":1000000', '\"cash\":9000000')")
        }
        let refused = try await society.ledger(["verify", "--since", "checkpoint.txt"], lang: "zh_CN.UTF-8")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.contains("[bad_snapshot]"))
        #expect(refused.stdout.contains("与已签名的状态说明不符"))
        let english = try await society.ledger(["verify", "--since", "checkpoint.txt"])
        #expect(english.stdout.contains("INVALID"))
        #expect(english.stdout.contains("is not the one the signed state note names"))
    }

    @Test func optionsAreChecked() async throws {
        let (society, _) = try await Self.audited()
        let both = try await society.ledger(["verify", "--since", "checkpoint.txt", "--checkpoint", "checkpoint.txt"])
        #expect(both.status == 64)
        let keysAlone = try await society.ledger(["verify", "--vkey", Self.verifierKey("o1")])
        #expect(keysAlone.status == 64)
        let export = try await society.ledger(["export", "--out", "export.jsonl"])
        #expect(export.status == 0)
        let jsonl = try await CLI.run(["verify", "export.jsonl", "--since", "checkpoint.txt"], in: society.folder)
        #expect(jsonl.status == 64)
        #expect(jsonl.stderr.contains("--since needs a ledger .db file"))
    }
}
