import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 5: no balance ever goes below zero — checked where an entry takes effect, and by a store at record time.
@Suite struct BalanceRuleTests {
    @Test func theSecondOfTwoGrantsThatDoNotBothFitFailsAtItsApproval() throws {
        var ledger = try TestLedger.withMembers()
        // Each fits the medical fund's ¥2,000 when recorded; both together do not.
        let first = try ledger.grant(150_000, to: "H001", from: "medical")
        let second = try ledger.grant(150_000, to: "H002", from: "medical")
        try ledger.approve(first, by: TestKeys.oversight1)
        ledger.expectRefusal(.fundOverdraft, .approve(Approve(target: second, hash: ledger.entries[second].hash)),
            by: TestKeys.oversight2)
        let left: Fen = Opening.medical - 150_000
        #expect(ledger.cash("medical") == left)
        #expect(ledger.state.pending.keys.sorted() == [second])
        ledger.expectValid()
    }

    @Test func theSecondOfTwoPayoutsThatDoNotBothFitFailsAtItsApproval() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.sale(80_000)
        let first = try ledger.payout(50_000)
        let second = try ledger.payout(50_000)
        try ledger.approve(first, by: TestKeys.oversight1)
        ledger.expectRefusal(.memberOverdraft, .approve(Approve(target: second, hash: ledger.entries[second].hash)),
            by: TestKeys.oversight1)
        let held: Fen = 30_000
        #expect(ledger.balance("H001") == held)
    }

    @Test func anInKindDonationRaisesTheValuationButNotTheCash() throws {
        var ledger = try TestLedger()
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "某超市", amount: 30_000, form: .inKind, item: "大米", quantity: "50",
            unit: "kg")), by: TestKeys.committee1)
        let valuation: Fen = 30_000
        let none: Fen = 0
        #expect(ledger.state.funds["general"]?.inKind == valuation)
        #expect(ledger.cash("general") == none)
        ledger.expectRefusal(.fundOverdraft, .grant(Grant(member: "H001", amount: 1, purpose: "助学")), by: TestKeys.committee1)
    }

    @Test func aSaleCreditsTheHouseholdTheAmountLessTheFeeAndTheFundTheFee() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.append(.sale(Sale(member: "H002", product: "鸡蛋", quantity: "300", unit: "个", amount: 45_000, fee: 2_250,
            fund: "medical")), by: TestKeys.committee3)
        let proceeds: Fen = 45_000 - 2_250
        let medical: Fen = Opening.medical + 2_250
        #expect(ledger.balance("H002") == proceeds)
        #expect(ledger.cash("medical") == medical)
        #expect(ledger.cash("general") == Opening.general)
    }

    /// Entries that could not take effect at today's balances: a store refuses them, a verifier accepts them pending.
    enum Unaffordable: String, CaseIterable, Sendable {
        case grant, payout, expense, reversalOfASpentDonation, reversalOfAPaidOutGrant
    }

    /// Builds the situation and returns the payload that cannot take effect, with the code a store gives it.
    static func setUp(_ situation: Unaffordable, _ ledger: inout TestLedger) throws -> (Payload, LedgerError.Code) {
        switch situation {
        case .grant:
            return (.grant(Grant(member: "H001", amount: Opening.medical + 1, fund: "medical", purpose: "医疗救助")), .fundOverdraft)
        case .payout:
            try ledger.sale(10_000)
            return (.payout(Payout(member: "H001", amount: 10_001, method: .cash)), .memberOverdraft)
        case .expense:
            return (.expense(Expense(fund: "medical", amount: Opening.medical + 1, payee: "药店", purpose: "药品")), .fundOverdraft)
        case .reversalOfASpentDonation:
            let expense = try ledger.append(.expense(Expense(fund: "medical", amount: 150_000, payee: "药店", purpose: "药品")),
                by: TestKeys.committee1).seq
            try ledger.approve(expense, by: TestKeys.oversight1)
            return (.reversal(Reversal(target: 4, reason: "退回")), .fundOverdraft)
        case .reversalOfAPaidOutGrant:
            let grant = try ledger.grant(20_000)
            try ledger.approve(grant, by: TestKeys.oversight1)
            try ledger.approve(try ledger.payout(15_000), by: TestKeys.oversight1)
            return (.reversal(Reversal(target: grant, reason: "错发")), .memberOverdraft)
        }
    }

    @Test(arguments: Unaffordable.allCases)
    func aStoreRefusesWhatCouldNotTakeEffectButAVerifierAcceptsItPending(situation: Unaffordable) throws {
        var ledger = try TestLedger.withMembers()
        let (payload, code) = try BalanceRuleTests.setUp(situation, &ledger)
        ledger.expectRefusal(code, payload, by: TestKeys.committee3)

        // The same entry, signed anyway and put in the chain, is valid for a verifier: it is only pending.
        let forged = try TestLedger.forge(ledger.nextBody(payload, by: TestKeys.committee3), with: TestKeys.committee3)
        let lines = ledger.bytes + [forged.bytes]
        let summary = try #require(TestLedger.verify(lines).summary, "\(TestLedger.verify(lines))")
        #expect(summary.pending.contains(forged.seq))

        // The rules in verify mode take it; its approval is what a verifier flags.
        var state = ledger.state
        try state.apply(forged, context: ledger.context(mode: .verify))
        #expect(state.pending[forged.seq] != nil)
        let approval = try TestLedger.forge(Body(seq: forged.seq + 1, prev: forged.hash, time: forged.body.time,
            author: TestKeys.id(TestKeys.oversight2), payload: .approve(Approve(target: forged.seq, hash: forged.hash))),
            with: TestKeys.oversight2)
        let error = TestLedger.verify(lines + [approval.bytes]).error
        #expect(error?.code == code)
        #expect(error?.seq == approval.seq)
    }
}
