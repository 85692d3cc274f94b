import Foundation
import LedgerTesting
import Testing

/// Members are named by id or by exact display name; a name two members share is refused with both ids.
@Suite struct MemberNameTests {
    @Test func commandsTakeANameForAnId() async throws {
        let society = try await Society.mixed()
        let byName = try await society.ledger(["balance", "黄大伯", "--json"]).json()
        let byID = try await society.ledger(["balance", "H001", "--json"]).json()
        #expect(byName["member"] as? String == "H001")
        #expect(byName["balance"] as? Int == byID["balance"] as? Int)
        let text = try await society.ledger(["balance", "李阿婆"])
        #expect(text.stdout.hasPrefix("李阿婆 (H002)"))

        let statement = try await society.ledger(["statement", "李阿婆", "--json"]).json()
        #expect(statement["member"] as? String == "H002")
        let log = try await society.ledger(["log", "--member", "黄大伯", "--json"])
        #expect(log.stdout == (try await society.ledger(["log", "--member", "H001", "--json"])).stdout)

        // The mixed society recorded a sale to 李阿婆 and a grant to 黄大伯 by name.
        let state = try society.state()
        #expect(state.pending[21] != nil)
        let sale = try await society.ledger(["show", "9", "--json"]).json()
        #expect((sale["data"] as? [String: Any])?["member"] as? String == "H002")
    }

    @Test func anAmbiguousNameIsRefusedWithTheIds() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["member", "add", "H009", "--name", "黄大伯"], key: "c1")
        for arguments in [["balance", "黄大伯"], ["statement", "黄大伯"], ["log", "--member", "黄大伯"]] {
            let result = try await society.ledger(arguments)
            // As a name that finds nobody: the ledger cannot do what was asked of that member.
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains("[ambiguous_member]"))
            #expect(result.stderr.contains("H001") && result.stderr.contains("H009"))
        }
        try await society.expectUnchanged {
            let sale = try await society.ledger(
                ["record", "sale", "--member", "黄大伯", "--product", "番薯", "--quantity", "5", "--unit", "斤", "--amount", "10"], key: "c1")
            #expect(sale.status == 2, "\(sale)")
            #expect(sale.stderr.contains("name the member by id"))
        }
        let chinese = try await society.ledger(["balance", "黄大伯"], lang: "zh_CN.UTF-8")
        #expect(chinese.stderr.contains("有 2 位成员都叫“黄大伯”"))
        // An id always wins over a name.
        #expect(try await society.ledger(["balance", "H009", "--json"]).json()["member"] as? String == "H009")
    }

    @Test func anUnknownNameIsAnUnknownMember() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let balance = try await society.ledger(["balance", "王大妈"])
        #expect(balance.status == 2)
        #expect(balance.stderr.contains("[unknown_member]"))
        #expect(balance.stderr.contains("王大妈"))
        try await society.expectUnchanged {
            let grant = try await society.ledger(["record", "grant", "--member", "王大妈", "--amount", "10", "--purpose", "助学"], key: "c1")
            #expect(grant.status == 2)
            #expect(grant.stderr.contains("[unknown_member]"))
        }
    }
}
