import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 4, `reversal`: only an effective donation, sale, grant, payout or expense, not reversed and without a
/// reversal pending; once approved it restores every balance it touched exactly.
@Suite struct ReversalRuleTests {
    static func reversal(of target: Int) -> Payload { .reversal(Reversal(target: target, reason: "录入错误")) }

    @Test(arguments: [0, 1, 2])
    func onlyMoneyEntriesAreReversible(target: Int) throws {
        // 0 genesis, 1 and 2 member.add.
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.notReversible, ReversalRuleTests.reversal(of: target), by: TestKeys.committee1)
    }

    @Test func approvalsCheckpointsReversalsAndLaterEntriesAreNotReversible() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        let approval = try ledger.approve(grant, by: TestKeys.oversight1).seq
        let size = ledger.state.count
        let checkpoint = try ledger.append(.checkpoint(Checkpoint(size: size, root: ledger.tree.root(size: size))),
            by: TestKeys.oversight1).seq
        let reversal = try ledger.append(ReversalRuleTests.reversal(of: grant), by: TestKeys.committee1).seq
        for target in [approval, checkpoint, ledger.state.count, ledger.state.count + 5] {
            ledger.expectRefusal(.notReversible, ReversalRuleTests.reversal(of: target), by: TestKeys.committee2)
        }
        try ledger.approve(reversal, by: TestKeys.oversight2)
        ledger.expectRefusal(.notReversible, ReversalRuleTests.reversal(of: reversal), by: TestKeys.committee2)
    }

    @Test func aPendingEntryIsRejectedNotReversed() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        ledger.expectRefusal(.notReversible, ReversalRuleTests.reversal(of: grant), by: TestKeys.committee2)
    }

    @Test func aRejectedEntryNeverTookEffectSoCannotBeReversed() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        try ledger.append(.reject(Reject(target: grant, hash: ledger.entries[grant].hash, reason: "材料不全")), by: TestKeys.oversight1)
        ledger.expectRefusal(.notReversible, ReversalRuleTests.reversal(of: grant), by: TestKeys.committee2)
    }

    @Test func anEntryIsReversedOnlyOnce() throws {
        var ledger = try TestLedger.withMembers()
        let reversal = try ledger.append(ReversalRuleTests.reversal(of: 3), by: TestKeys.committee1).seq
        ledger.expectRefusal(.alreadyReversed, ReversalRuleTests.reversal(of: 3), by: TestKeys.committee2)
        try ledger.approve(reversal, by: TestKeys.oversight1)
        #expect(ledger.state.reversed == [3])
        ledger.expectRefusal(.alreadyReversed, ReversalRuleTests.reversal(of: 3), by: TestKeys.committee2)
    }

    @Test func aReversalNeedsAnOversightApprovalBeforeItTakesEffect() throws {
        var ledger = try TestLedger.withMembers()
        let reversal = try ledger.append(ReversalRuleTests.reversal(of: 3), by: TestKeys.committee1).seq
        #expect(ledger.cash("general") == Opening.general)
        #expect(ledger.state.reversed.isEmpty)
        try ledger.approve(reversal, by: TestKeys.oversight1)
        let none: Fen = 0
        #expect(ledger.cash("general") == none)
    }

    /// Balances the rules track, all in one comparable value.
    struct Balances: Equatable, CustomStringConvertible {
        var cash: [FundID: Fen]
        var inKind: [FundID: Fen]
        var members: [MemberID: Fen]
        init(_ state: LedgerState) {
            cash = state.funds.mapValues(\.cash)
            inKind = state.funds.mapValues(\.inKind)
            members = state.members.mapValues(\.balance)
        }
        var description: String { "cash \(cash), in kind \(inKind), members \(members)" }
    }

    enum Reversible: String, CaseIterable, Sendable {
        case cashDonation, inKindDonation, saleWithFee, grant, payout, expense
    }

    @Test(arguments: Reversible.allCases)
    func aReversalRestoresEveryBalanceExactly(kind: Reversible) throws {
        var ledger = try TestLedger.withMembers()
        try ledger.sale(30_000, for: "H002")
        let before = Balances(ledger.state)
        let target: Int
        switch kind {
        case .cashDonation:
            target = try ledger.append(.donation(Donation(donor: "某人", amount: 12_345, fund: "medical")), by: TestKeys.committee1).seq
        case .inKindDonation:
            target = try ledger.append(.donation(Donation(donor: "某超市", amount: 8_800, form: .inKind, item: "食用油")),
                by: TestKeys.committee1).seq
        case .saleWithFee:
            target = try ledger.append(.sale(Sale(member: "H001", product: "黄皮", quantity: "12.5", unit: "斤", amount: 9_999,
                fee: 501, fund: "medical")), by: TestKeys.committee1).seq
        case .grant:
            target = try ledger.grant(77_700, to: "H002", from: "medical")
            try ledger.approve(target, by: TestKeys.oversight1)
        case .payout:
            target = try ledger.payout(12_000, to: "H002")
            try ledger.approve(target, by: TestKeys.oversight1)
        case .expense:
            target = try ledger.append(.expense(Expense(amount: 4_321, payee: "印刷店", purpose: "公示栏")), by: TestKeys.committee1).seq
            try ledger.approve(target, by: TestKeys.oversight1)
        }
        #expect(Balances(ledger.state) != before, "the target must move money for this test to mean anything")
        let reversal = try ledger.append(ReversalRuleTests.reversal(of: target), by: TestKeys.committee2).seq
        try ledger.approve(reversal, by: TestKeys.oversight2)
        #expect(Balances(ledger.state) == before)
        #expect(ledger.state.reversed == [target])
        ledger.expectValid()
    }

    @Test func aSaleOfAClosedMemberCannotBeReversed() throws {
        var ledger = try TestLedger.withMembers()
        let sale = try ledger.sale(5_000, for: "H002")
        try ledger.approve(try ledger.payout(5_000, to: "H002"), by: TestKeys.oversight1)
        try ledger.append(.memberClose(MemberClose(member: "H002", reason: "迁出")), by: TestKeys.committee1)
        ledger.expectRefusal(.memberClosed, ReversalRuleTests.reversal(of: sale), by: TestKeys.committee1)
    }
}
