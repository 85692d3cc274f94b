import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger member add / update / close / list`.
@Suite struct MemberTests {
    @Test func addUpdateCloseAndList() async throws {
        let society = try await Society()
        let added = try await society.ledger(["member", "add", "H001", "--name", "黄大伯", "--note", "种植黄皮"], key: "c1")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout.contains("Recorded entry 1 (member added)"))
        #expect(added.stdout.contains("effective"))
        try await society.append(["member", "add", "H002", "--name", "李阿婆"], key: "c2")
        try await society.append(["member", "update", "H002", "--name", "李婆婆", "--note", "独居长者"], key: "c1")
        try await society.append(["member", "close", "H001", "--reason", "迁出本村"], key: "c1")

        let table = try await society.ledger(["member", "list"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("H001"))
        #expect(table.stdout.contains("李婆婆"))
        #expect(table.stdout.contains("closed"))
        #expect(table.stdout.contains("2 members"))

        let list = try await society.ledger(["member", "list", "--json"])
        let members = try #require(try list.json()["members"] as? [[String: Any]])
        #expect(members.map { $0["id"] as? String } == ["H001", "H002"])
        #expect(members[0]["closed"] as? Bool == true)
        #expect(members[1]["name"] as? String == "李婆婆")
        #expect(members[1]["note"] as? String == "独居长者")
        #expect(members[1]["balance"] as? Int == 0)
        let state = try society.state()
        #expect(state.members["H001"]?.closed == true)
        #expect(state.members["H002"]?.name == "李婆婆")
    }

    @Test func aMemberHoldingMoneyCannotBeClosed() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(
            ["record", "sale", "--member", "H001", "--product", "黄皮", "--quantity", "10", "--unit", "斤", "--amount", "80"],
            key: "c1")
        try await society.expectUnchanged {
            let result = try await society.ledger(["member", "close", "H001", "--reason", "迁出"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[member_not_zero]"))
        }
    }

    @Test func addingAnExistingMemberIsRefused() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.expectUnchanged {
            let result = try await society.ledger(["member", "add", "H001", "--name", "另一位"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[member_exists]"))
        }
    }
}
