import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger fund add` (pending until the oversight group approves) and `ledger funds`.
@Suite struct FundTests {
    @Test func aNewFundTakesEffectOnApprovalAndIsListed() async throws {
        let society = try await Society()
        let proposed = try await society.ledger(["fund", "add", "education", "--name", "助学基金", "--json"], key: "c1")
        #expect(proposed.status == 0, "\(proposed)")
        let json = try proposed.json()
        #expect(json["status"] as? String == "pending")
        #expect(json["kind"] as? String == "fund.add")
        let seq = try #require(json["seq"] as? Int)
        #expect(try society.state().funds["education"] == nil)

        let approval = try await society.ledger(["approve", "\(seq)", "--json"], key: "o1")
        #expect(approval.status == 0, "\(approval)")
        #expect(try approval.json()["target_effective"] as? Bool == true)
        try await society.append(["record", "donation", "--donor", "校友会", "--amount", "2500.5", "--fund", "education"], key: "c2")

        let funds = try await society.ledger(["funds", "--json"])
        let list = try #require(try funds.json()["funds"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["education", "general"])
        let expected: Fen = 250_050
        #expect((list[0]["cash"] as? Int).map(Fen.init) == expected)
        #expect(list[0]["name"] as? String == "助学基金")
        #expect(list[0]["in_kind"] as? Int == 0)

        let table = try await society.ledger(["funds"])
        #expect(table.stdout.contains("Fund"))
        #expect(table.stdout.contains("助学基金"))
        #expect(table.stdout.contains("¥2,500.50"))
    }

    @Test func aDuplicateFundIsRefused() async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["fund", "add", "general", "--name", "又一个"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[fund_exists]"))
        }
    }
}
