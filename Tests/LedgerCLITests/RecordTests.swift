import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger record donation / sale / grant / payout / expense`, followed through to balances.
@Suite struct RecordTests {
    @Test func donationsInCashAndInKind() async throws {
        let society = try await Society()
        let cash = try await society.ledger(
            ["record", "donation", "--donor", "某某农业公司", "--amount", "5000", "--receipt", "R-2026-001", "--memo", "年度捐赠"],
            key: "c1")
        #expect(cash.status == 0, "\(cash)")
        #expect(cash.stdout.contains("Recorded entry 1 (donation)"))
        #expect(cash.stdout.contains("effective"))
        try await society.append(
            ["record", "donation", "--donor", "爱心超市", "--amount", "800", "--in-kind", "大米", "--quantity", "200", "--unit", "斤"],
            key: "c2")

        let state = try society.state()
        let cashExpected: Fen = 500_000
        let inKindExpected: Fen = 80_000
        #expect(state.funds["general"]?.cash == cashExpected)
        #expect(state.funds["general"]?.inKind == inKindExpected)
        #expect(state.receipts == ["R-2026-001"])

        let reused = try await society.ledger(["record", "donation", "--donor", "又一家", "--amount", "1", "--receipt", "R-2026-001"], key: "c1")
        #expect(reused.status == 2)
        #expect(reused.stderr.contains("[receipt_reused]"))
    }

    @Test func aSaleCreditsTheHouseholdLessTheFee() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let sale = try await society.ledger(
            ["record", "sale", "--member", "H001", "--product", "黄皮", "--quantity", "120", "--unit", "斤", "--amount", "960",
             "--fee", "48", "--buyer", "镇超市", "--json"], key: "c1")
        #expect(sale.status == 0, "\(sale)")
        #expect(try sale.json()["status"] as? String == "effective")

        let balance = try await society.ledger(["balance", "H001", "--json"]).json()
        let held: Fen = 96_000 - 4_800
        let fee: Fen = 4_800
        #expect((balance["balance"] as? Int).map(Fen.init) == held)
        #expect((balance["fees"] as? Int).map(Fen.init) == fee)
        let general: Fen = 1_000_000 + 4_800
        #expect(try society.state().funds["general"]?.cash == general)
    }

    @Test func grantPayoutAndExpenseWaitForApproval() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let grant = try await society.ledger(["record", "grant", "--member", "H002", "--amount", "2000", "--purpose", "医疗救助", "--json"], key: "c1")
        let grantSeq = try #require(try grant.json()["seq"] as? Int)
        #expect(try grant.json()["status"] as? String == "pending")
        let expense = try await society.ledger(["record", "expense", "--amount", "350", "--payee", "镇物流站", "--purpose", "运费", "--json"], key: "c2")
        let expenseSeq = try #require(try expense.json()["seq"] as? Int)
        #expect(try expense.json()["status"] as? String == "pending")
        let before: Fen = 1_000_000
        #expect(try society.state().funds["general"]?.cash == before)

        try await society.append(["approve", "\(grantSeq)"], key: "o1")
        try await society.append(["approve", "\(expenseSeq)"], key: "o2")
        let payout = try await society.ledger(["record", "payout", "--member", "H002", "--amount", "1500", "--method", "mobile", "--json"], key: "c2")
        let payoutSeq = try #require(try payout.json()["seq"] as? Int)
        #expect(try payout.json()["status"] as? String == "pending")
        let approval = try await society.ledger(["approve", "\(payoutSeq)"], key: "o1")
        #expect(approval.stdout.contains("Entry \(payoutSeq) now has every approval it needs and has taken effect."))

        let state = try society.state()
        let general: Fen = 1_000_000 - 200_000 - 35_000
        let household: Fen = 200_000 - 150_000
        #expect(state.funds["general"]?.cash == general)
        #expect(state.members["H002"]?.balance == household)
        #expect(state.pending.isEmpty)
    }

    @Test func aGrantLargerThanTheFundIsRefused() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.expectUnchanged {
            let result = try await society.ledger(["record", "grant", "--member", "H001", "--amount", "10000.01", "--purpose", "助学"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[fund_overdraft]"))
            #expect(result.stderr.contains("nothing was written"))
        }
    }
}
