import Foundation
import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// `ledger key add`, `key revoke` and `keys`: key changes need governance approval (one committee, one oversight).
@Suite struct KeyGovernanceTests {
    static func keyStatus(_ society: Society, _ id: String) async throws -> String? {
        let keys = try #require(try await society.ledger(["keys", "--json"]).json()["keys"] as? [[String: Any]])
        return keys.first { $0["id"] as? String == id }?["status"] as? String
    }

    @Test func aNewKeyBecomesActiveAfterGovernanceApprovalsAndCanBeRevoked() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let newKey = TestKeys.key("new-oversight")
        try Society.writeKey(newKey, to: society.path("o3.pem"))
        let newID = TestKeys.id(newKey)

        let proposal = try await society.ledger(["key", "add", "--role", "oversight", "黄=o3.pem.pub", "--json"], key: "c1")
        #expect(proposal.status == 0, "\(proposal)")
        let keySeq = try #require(try proposal.json()["seq"] as? Int)
        #expect(try await Self.keyStatus(society, newID) == "proposed")

        let grantSeq = try await society.append(["record", "grant", "--member", "H001", "--amount", "1", "--purpose", "助学"], key: "c1")
        let tooSoon = try await society.ledger(["approve", "\(grantSeq)"], key: "o3")
        #expect(tooSoon.status == 2)
        #expect(tooSoon.stderr.contains("[inactive_key]"))

        let first = try await society.ledger(["approve", "\(keySeq)"], key: "c2")
        #expect(first.stdout.contains("still waits for more approvals"))
        #expect(try await Self.keyStatus(society, newID) == "proposed")
        let second = try await society.ledger(["approve", "\(keySeq)"], key: "o1")
        #expect(second.stdout.contains("has taken effect"))
        #expect(try await Self.keyStatus(society, newID) == "active")

        let approvedByNewKey = try await society.ledger(["approve", "\(grantSeq)"], key: "o3")
        #expect(approvedByNewKey.status == 0, "\(approvedByNewKey)")

        let revoke = try await society.append(["key", "revoke", newID, "--reason", "密钥遗失"], key: "c1")
        try await society.append(["approve", "\(revoke)"], key: "c2")
        try await society.append(["approve", "\(revoke)"], key: "o2")
        #expect(try await Self.keyStatus(society, newID) == "revoked")

        let table = try await society.ledger(["keys"])
        #expect(table.stdout.contains("Holder"))
        #expect(table.stdout.contains(newID))
        #expect(table.stdout.contains("revoked"))
        let json = try #require(try await society.ledger(["keys", "--json"]).json()["keys"] as? [[String: Any]])
        let record = try #require(json.first { $0["id"] as? String == newID })
        #expect(record["role"] as? String == "oversight")
        #expect(record["holder"] as? String == "黄")
        #expect(record["added_at"] as? Int == keySeq)
        #expect(record["revoked_at"] as? Int != nil)
        #expect(record["pub"] as? String == Base64.encode(newKey.publicKey.rawRepresentation))

        let lateSeq = try await society.append(["record", "grant", "--member", "H002", "--amount", "1", "--purpose", "助学"], key: "c1")
        let revoked = try await society.ledger(["approve", "\(lateSeq)"], key: "o3")
        #expect(revoked.status == 2)
        #expect(revoked.stderr.contains("[inactive_key]"))
    }
}
