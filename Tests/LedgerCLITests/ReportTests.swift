import Foundation
import LedgerCore
import LedgerTesting
import Testing

/// The read-only reports: `pending`, `log`, `show`, `balance`.
@Suite struct ReportTests {
    /// Members H001 and H002 (1, 2), a donation (3), a sale for H001 with a fee (4), a grant to H001 (5) approved by 6,
    /// and a payout to H001 (7) left pending.
    static func society() async throws -> Society {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(
            ["record", "sale", "--member", "H001", "--product", "荔枝", "--quantity", "12.5", "--unit", "kg", "--amount", "300",
             "--fee", "15"], key: "c1")
        try await society.append(["record", "grant", "--member", "H001", "--amount", "200", "--purpose", "助学"], key: "c1")
        try await society.append(["approve", "5"], key: "o1")
        try await society.append(["record", "payout", "--member", "H001", "--amount", "100", "--method", "cash"], key: "c2")
        return society
    }

    @Test func pendingListsWhatWaitsAndWhoMayApprove() async throws {
        let society = try await Self.society()
        let json = try await society.ledger(["pending", "--json"]).json()
        let pending = try #require(json["pending"] as? [[String: Any]])
        #expect(pending.count == 1)
        let entry = try #require(pending.first)
        #expect(entry["seq"] as? Int == 7)
        #expect(entry["kind"] as? String == "payout")
        #expect(entry["author"] as? String == TestKeys.id(TestKeys.committee2))
        #expect((entry["approvals"] as? [Any])?.isEmpty == true)
        #expect(Set(entry["may_approve"] as? [String] ?? []) == [TestKeys.id(TestKeys.oversight1), TestKeys.id(TestKeys.oversight2)])
        #expect((entry["hash"] as? String)?.count == 64)
        #expect((entry["summary"] as? String)?.contains("黄大伯") == true)

        let table = try await society.ledger(["pending"])
        #expect(table.stdout.contains("May approve"))
        #expect(table.stdout.contains("张"))
        try await society.append(["approve", "7"], key: "o2")
        #expect(try await society.ledger(["pending"]).stdout.contains("Nothing is waiting for approval."))
    }

    @Test func logFiltersByMemberKindStartAndLimit() async throws {
        let society = try await Self.society()
        func seqs(_ arguments: [String]) async throws -> [Int] {
            let result = try await society.ledger(["log", "--json"] + arguments)
            #expect(result.status == 0, "\(result)")
            let entries = try #require(try result.json()["entries"] as? [[String: Any]])
            return entries.compactMap { $0["seq"] as? Int }
        }
        #expect(try await seqs([]) == Array(0...7))
        #expect(try await seqs(["--member", "H001"]) == [1, 4, 5, 6, 7])
        #expect(try await seqs(["--member", "H002"]) == [2])
        #expect(try await seqs(["--kind", "grant"]) == [5])
        #expect(try await seqs(["--kind", "approve"]) == [6])
        #expect(try await seqs(["--from", "3", "--limit", "2"]) == [3, 4])
        #expect(try await seqs(["--member", "H001", "--from", "5", "--limit", "2"]) == [5, 6])

        let first = try #require(try await society.ledger(["log", "--json", "--kind", "sale"]).json()["entries"] as? [[String: Any]]).first
        let data = try #require(first?["data"] as? [String: Any])
        #expect(data["amount"] as? Int == 30_000)
        #expect(data["fee"] as? Int == 1_500)
        #expect(first?["status"] as? String == "effective")

        let table = try await society.ledger(["log", "--member", "H001"])
        #expect(table.stdout.contains("produce sale"))
        #expect(table.stdout.contains("pending"))
    }

    @Test func showPrintsOneEntryWithItsBytesAndApprovals() async throws {
        let society = try await Self.society()
        let entries = try society.entries()
        let grant = try Entry(bytes: entries[5])

        let text = try await society.ledger(["show", "5"])
        #expect(text.status == 0)
        #expect(text.stdout.contains(grant.hash.hex))
        #expect(text.stdout.contains(String(decoding: grant.bytes, as: UTF8.self)))
        #expect(text.stdout.contains("→ 6 approval"))

        let json = try await society.ledger(["show", "5", "--json"]).json()
        #expect(json["seq"] as? Int == 5)
        #expect(json["kind"] as? String == "grant")
        #expect(json["hash"] as? String == grant.hash.hex)
        #expect(json["bytes"] as? String == String(decoding: grant.bytes, as: UTF8.self))
        let referred = try #require(json["referred_by"] as? [[String: Any]])
        #expect(referred.map { $0["seq"] as? Int } == [6])
        #expect(referred.first?["kind"] as? String == "approve")

        // Like approving it, or a member the ledger does not have: exit 2, with a code.
        let missing = try await society.ledger(["show", "42"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[not_found]") && missing.stderr.contains("entry 42 does not exist"))
        let receipt = try await society.ledger(["receipt", "42", "--out", "r.json"])
        #expect(receipt.status == 2 && receipt.stderr.contains("[not_found]"), "\(receipt)")
    }

    @Test func balanceOfOneMemberAndOfAll() async throws {
        let society = try await Self.society()
        let one = try await society.ledger(["balance", "H001", "--json"]).json()
        let held: Fen = 30_000 - 1_500 + 20_000
        let sales: Fen = 30_000
        let grants: Fen = 20_000
        #expect(one["member"] as? String == "H001")
        #expect((one["balance"] as? Int).map(Fen.init) == held)
        #expect((one["sales"] as? Int).map(Fen.init) == sales)
        #expect((one["grants"] as? Int).map(Fen.init) == grants)
        #expect(one["payouts"] as? Int == 0)
        #expect(one["closed"] as? Bool == false)

        let text = try await society.ledger(["balance", "H001"])
        #expect(text.stdout.contains("黄大伯 (H001)"))
        #expect(text.stdout.contains("¥485.00"))

        let all = try #require(try await society.ledger(["balance", "--json"]).json()["members"] as? [[String: Any]])
        #expect(all.map { $0["id"] as? String } == ["H001", "H002"])
        #expect(all.map { $0["balance"] as? Int } == [48_500, 0])

        let unknown = try await society.ledger(["balance", "H404"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("[unknown_member]"))
    }
}
