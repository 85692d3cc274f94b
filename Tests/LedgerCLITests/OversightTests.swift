import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger approve`, `reject` and `reverse`: separation of duties and corrections by reversal.
@Suite struct OversightTests {
    @Test func aRejectedGrantNeverTakesEffect() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let grant = try await society.append(["record", "grant", "--member", "H001", "--amount", "500", "--purpose", "助学"], key: "c1")

        let rejected = try await society.ledger(["reject", "\(grant)", "--reason", "材料不全"], key: "o1")
        #expect(rejected.status == 0, "\(rejected)")
        #expect(rejected.stdout.contains("(rejection)"))
        let state = try society.state()
        #expect(state.rejected == [grant])
        #expect(state.pending.isEmpty)
        #expect(state.members["H001"]?.balance == 0)

        let late = try await society.ledger(["approve", "\(grant)"], key: "o2")
        #expect(late.status == 2)
        #expect(late.stderr.contains("[not_pending]"))
    }

    @Test func aReversalUndoesADonationOnceApproved() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let mistake = try await society.append(["record", "donation", "--donor", "爱心人士", "--amount", "5000"], key: "c2")
        let reversal = try await society.ledger(["reverse", "\(mistake)", "--reason", "金额录入错误", "--json"], key: "c1")
        #expect(reversal.status == 0, "\(reversal)")
        #expect(try reversal.json()["status"] as? String == "pending")
        let reversalSeq = try #require(try reversal.json()["seq"] as? Int)
        let pendingCash: Fen = 1_500_000
        #expect(try society.state().funds["general"]?.cash == pendingCash)

        try await society.append(["approve", "\(reversalSeq)"], key: "o2")
        let state = try society.state()
        let restored: Fen = 1_000_000
        #expect(state.funds["general"]?.cash == restored)
        #expect(state.reversed == [mistake])

        let again = try await society.ledger(["reverse", "\(mistake)", "--reason", "再来一次"], key: "c1")
        #expect(again.status == 2)
        #expect(again.stderr.contains("[already_reversed]"))
    }

    @Test func nobodyApprovesTheirOwnEntry() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let grant = try await society.append(["record", "grant", "--member", "H001", "--amount", "500", "--purpose", "助学"], key: "c1")
        try await society.expectUnchanged {
            let result = try await society.ledger(["approve", "\(grant)"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[self_approval]"))
        }
        #expect(try society.state().pending.keys.sorted() == [grant])
    }

    @Test func approvingAnEntryThatDoesNotExistIsRefused() async throws {
        let society = try await Society()
        let result = try await society.ledger(["approve", "99"], key: "o1")
        #expect(result.status == 2)
        #expect(result.stderr.contains("entry 99 does not exist"))
    }
}
