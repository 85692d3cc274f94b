import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// A month of a society's work, end to end through the rules and back through the verifier.
@Suite struct LedgerFlowTests {
    @Test func aMonthOfWorkVerifiesWithTheExpectedBalances() throws {
        var ledger = try TestLedger()
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: 500_000, receipt: "R-001")), by: TestKeys.committee2)
        try ledger.append(
            .sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: 96_000, fee: 4_800)),
            by: TestKeys.committee1)
        let grant = try ledger.append(
            .grant(Grant(member: "H001", amount: 100_000, purpose: "医疗救助")), by: TestKeys.committee1)
        #expect(ledger.state.pending.keys.contains(grant.seq))
        try ledger.approve(grant.seq, by: TestKeys.oversight1)
        try ledger.append(.payout(Payout(member: "H001", amount: 150_000, method: .bank)), by: TestKeys.committee3)
        try ledger.approve(ledger.state.count - 1, by: TestKeys.oversight2)

        guard case .valid(let summary) = ledger.verify() else {
            Issue.record("expected a valid ledger, got \(ledger.verify())")
            return
        }
        #expect(summary.entries == ledger.entries.count)
        let general: Fen = 500_000 + 4_800 - 100_000
        let household: Fen = 96_000 - 4_800 + 100_000 - 150_000
        #expect(summary.funds["general"] == general)
        #expect(summary.members["H001"] == household)
        #expect(summary.pending.isEmpty)
        #expect(summary.root == ledger.tree.root)
    }
}
