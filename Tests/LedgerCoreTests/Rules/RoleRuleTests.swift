import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 4: only the listed author roles may sign a kind; section 5: money is approved by oversight keys only.
@Suite struct RoleRuleTests {
    /// Kinds only the committee may author, each as a payload that a committee key could record on the fixture.
    static let committeeOnly: [(String, Payload)] = [
        ("member.add", .memberAdd(MemberAdd(member: "H009", name: "新成员"))),
        ("member.update", .memberUpdate(MemberUpdate(member: "H001", note: "改"))),
        ("member.close", .memberClose(MemberClose(member: "H002", reason: "迁出"))),
        ("fund.add", .fundAdd(FundAdd(fund: FundDescriptor(id: "education", name: "助学基金")))),
        ("donation", .donation(Donation(donor: "某人", amount: 100))),
        ("sale", .sale(Sale(member: "H001", product: "鸡蛋", quantity: "30", unit: "个", amount: 4_500))),
        ("grant", .grant(Grant(member: "H001", amount: 100, purpose: "助学"))),
        ("expense", .expense(Expense(amount: 100, payee: "印刷店", purpose: "公示"))),
        ("reversal", .reversal(Reversal(target: 3, reason: "重复"))),
        ("key.add", .keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵")))),
        ("policy.set", .policySet(PolicySet(policy: Policy(moneyApprovals: 2)))),
    ]

    @Test(arguments: committeeOnly.map(\.0))
    func anOversightKeyMayNotAuthorCommitteeWork(kind: String) throws {
        var ledger = try TestLedger.withMembers()
        let payload = RoleRuleTests.committeeOnly.first { $0.0 == kind }!.1
        ledger.expectRefusal(.wrongRole, payload, by: TestKeys.oversight1)
        // The same payload is fine from a committee key, so the role is what refused it.
        try ledger.append(payload, by: TestKeys.committee3)
    }

    @Test func anOversightKeyRecordingADonationIsWrongRole() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.wrongRole, .donation(Donation(donor: "某人", amount: 100)), by: TestKeys.oversight2)
    }

    @Test func aCommitteeKeyMayNotReject() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        let hash = ledger.entries[grant].hash
        ledger.expectRefusal(.wrongRole, .reject(Reject(target: grant, hash: hash, reason: "不同意")), by: TestKeys.committee2)
        try ledger.append(.reject(Reject(target: grant, hash: hash, reason: "不同意")), by: TestKeys.oversight1)
        #expect(ledger.state.rejected == [grant])
    }

    /// Money approvals: every kind that needs one, proposed by committee1 and approved by another committee key.
    static let moneyKinds: [(String, Payload)] = [
        ("grant", .grant(Grant(member: "H001", amount: 100, purpose: "助学"))),
        ("expense", .expense(Expense(amount: 100, payee: "印刷店", purpose: "公示"))),
        ("fund.add", .fundAdd(FundAdd(fund: FundDescriptor(id: "education", name: "助学基金")))),
        ("reversal", .reversal(Reversal(target: 3, reason: "重复"))),
    ]

    @Test(arguments: moneyKinds.map(\.0))
    func aCommitteeKeyApprovingMoneyIsWrongRole(kind: String) throws {
        var ledger = try TestLedger.withMembers()
        let seq = try ledger.append(RoleRuleTests.moneyKinds.first { $0.0 == kind }!.1, by: TestKeys.committee1).seq
        ledger.expectRefusal(.wrongRole, .approve(Approve(target: seq, hash: ledger.entries[seq].hash)), by: TestKeys.committee2)
        #expect(ledger.state.pending[seq]?.approvals == [])
        try ledger.approve(seq, by: TestKeys.oversight1)
        #expect(ledger.state.pending[seq] == nil)
    }

    @Test func aPayoutApprovedByACommitteeKeyIsWrongRole() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.sale(50_000)
        let payout = try ledger.payout(10_000)
        ledger.expectRefusal(.wrongRole, .approve(Approve(target: payout, hash: ledger.entries[payout].hash)),
            by: TestKeys.committee3)
    }

    @Test func bothRolesMaySignCheckpointsAndRevocations() throws {
        var ledger = try TestLedger.withMembers()
        for key in [TestKeys.committee2, TestKeys.oversight2] {
            let size = ledger.state.count
            try ledger.append(.checkpoint(Checkpoint(size: size, root: ledger.tree.root(size: size))), by: key)
        }
        try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.committee3), reason: "离任")), by: TestKeys.oversight1)
        try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.oversight2), reason: "离任")), by: TestKeys.committee1)
        #expect(ledger.state.pending.count == 2)
        ledger.expectValid()
    }
}
