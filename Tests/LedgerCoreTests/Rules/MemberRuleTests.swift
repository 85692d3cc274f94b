import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 4: members and funds exist before they are named; a closed member is never named again.
@Suite struct MemberRuleTests {
    /// Entries that name `member`, by kind.
    static func naming(_ member: MemberID) -> [String: Payload] {
        [
            "sale": .sale(Sale(member: member, product: "鸡蛋", quantity: "30", unit: "个", amount: 4_500)),
            "grant": .grant(Grant(member: member, amount: 100, purpose: "助学")),
            "payout": .payout(Payout(member: member, amount: 100, method: .cash)),
            "member.update": .memberUpdate(MemberUpdate(member: member, name: "李婆婆")),
            "member.close": .memberClose(MemberClose(member: member, reason: "再次关闭")),
        ]
    }

    static let kinds = ["sale", "grant", "payout", "member.update", "member.close"]

    @Test(arguments: kinds)
    func aClosedMemberIsNeverNamedAgain(kind: String) throws {
        var ledger = try TestLedger.withMembers()
        try ledger.append(.memberClose(MemberClose(member: "H002", reason: "迁出本村")), by: TestKeys.committee1)
        #expect(ledger.state.members["H002"]?.closed == true)
        ledger.expectRefusal(.memberClosed, MemberRuleTests.naming("H002")[kind]!, by: TestKeys.committee2)
    }

    @Test(arguments: kinds)
    func anUnknownMemberIsRefused(kind: String) throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.unknownMember, MemberRuleTests.naming("H999")[kind]!, by: TestKeys.committee2)
        // Ids are case-sensitive: h001 is not H001.
        ledger.expectRefusal(.unknownMember, MemberRuleTests.naming("h001")[kind]!, by: TestKeys.committee2)
    }

    @Test func aMemberWithMoneyHeldCannotBeClosed() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.sale(1, for: "H002")
        ledger.expectRefusal(.memberNotZero, .memberClose(MemberClose(member: "H002", reason: "迁出")), by: TestKeys.committee1)
        try ledger.approve(try ledger.payout(1, to: "H002"), by: TestKeys.oversight1)
        try ledger.append(.memberClose(MemberClose(member: "H002", reason: "迁出")), by: TestKeys.committee1)
        ledger.expectValid()
    }

    @Test func aPendingGrantForAMemberClosedLaterCanNoLongerBeApproved() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000, to: "H002")
        try ledger.append(.memberClose(MemberClose(member: "H002", reason: "迁出")), by: TestKeys.committee1)
        ledger.expectRefusal(.memberClosed, .approve(Approve(target: grant, hash: ledger.entries[grant].hash)), by: TestKeys.oversight1)
        // It can still be rejected, which clears it.
        try ledger.append(.reject(Reject(target: grant, hash: ledger.entries[grant].hash, reason: "已迁出")), by: TestKeys.oversight1)
        #expect(ledger.state.pending.isEmpty)
    }

    @Test func aMemberIdIsNeverUsedTwice() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.memberExists, .memberAdd(MemberAdd(member: "H001", name: "另一户")), by: TestKeys.committee1)
        try ledger.append(.memberClose(MemberClose(member: "H002", reason: "迁出")), by: TestKeys.committee1)
        ledger.expectRefusal(.memberExists, .memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1)
    }

    /// Entries that name fund `nofund`.
    static let namingNofund: [(String, Payload)] = [
        ("donation", .donation(Donation(donor: "某人", amount: 100, fund: "nofund"))),
        ("grant", .grant(Grant(member: "H001", amount: 100, fund: "nofund", purpose: "助学"))),
        ("expense", .expense(Expense(fund: "nofund", amount: 100, payee: "某店", purpose: "公示"))),
        ("sale fee fund", .sale(Sale(member: "H001", product: "鸡蛋", quantity: "1", unit: "个", amount: 100, fee: 1, fund: "nofund"))),
    ]

    @Test(arguments: namingNofund.map(\.0))
    func anUnknownFundIsRefused(kind: String) throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.unknownFund, MemberRuleTests.namingNofund.first { $0.0 == kind }!.1, by: TestKeys.committee1)
    }

    @Test func aFundIsAddedOnceAndOnlyAfterApproval() throws {
        var ledger = try TestLedger.withMembers()
        let education = FundAdd(fund: FundDescriptor(id: "education", name: "助学基金"))
        ledger.expectRefusal(.fundExists, .fundAdd(FundAdd(fund: FundDescriptor(id: "general", name: "又一个"))), by: TestKeys.committee1)
        let add = try ledger.append(.fundAdd(education), by: TestKeys.committee1).seq
        // Waiting: a second proposal is refused and the fund cannot be used yet.
        ledger.expectRefusal(.fundExists, .fundAdd(education), by: TestKeys.committee2)
        ledger.expectRefusal(.unknownFund, .donation(Donation(donor: "某人", amount: 100, fund: "education")), by: TestKeys.committee1)
        try ledger.approve(add, by: TestKeys.oversight1)
        let none: Fen = 0
        #expect(ledger.cash("education") == none)
        try ledger.append(.donation(Donation(donor: "某人", amount: 100, fund: "education")), by: TestKeys.committee1)
        ledger.expectRefusal(.fundExists, .fundAdd(education), by: TestKeys.committee2)
    }

    @Test func aReceiptNumberIsNeverUsedTwice() throws {
        var ledger = try TestLedger.withMembers()
        // R-001 was used by the fixture's first donation.
        ledger.expectRefusal(.receiptReused, .donation(Donation(donor: "另一位", amount: 100, fund: "medical", receipt: "R-001")),
            by: TestKeys.committee1)
        ledger.expectRefusal(.receiptReused, .donation(Donation(donor: "某超市", amount: 100, form: .inKind, item: "米",
            receipt: "R-001")), by: TestKeys.committee1)
        // Not even after the donation that used it is reversed.
        try ledger.approve(try ledger.append(.reversal(Reversal(target: 3, reason: "退回")), by: TestKeys.committee1).seq,
            by: TestKeys.oversight1)
        ledger.expectRefusal(.receiptReused, .donation(Donation(donor: "另一位", amount: 100, receipt: "R-001")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "另一位", amount: 100, receipt: "R-002")), by: TestKeys.committee1)
    }
}
