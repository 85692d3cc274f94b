import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 5: governance entries need `governance.committee` committee and `governance.oversight` oversight approvals,
/// money entries `money_approvals` oversight approvals, from distinct keys; the entry takes effect at the last one.
@Suite struct PolicyRuleTests {
    @Test func aGovernanceEntryTakesEffectOnlyAtItsLastNeededApproval() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(governanceCommittee: 2, governanceOversight: 1))
        let add = try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee1).seq
        try ledger.approve(add, by: TestKeys.committee2)
        #expect(ledger.status(of: ExtraKeys.committee4) == .proposed)
        try ledger.approve(add, by: TestKeys.oversight1)
        #expect(ledger.status(of: ExtraKeys.committee4) == .proposed)
        // A second oversight approval does not stand in for the missing committee one.
        try ledger.approve(add, by: TestKeys.oversight2)
        #expect(ledger.status(of: ExtraKeys.committee4) == .proposed)
        #expect(ledger.state.pending[add] != nil)
        try ledger.approve(add, by: TestKeys.committee3)
        #expect(ledger.status(of: ExtraKeys.committee4) == .active)
        #expect(ledger.state.pending[add] == nil)
        ledger.expectValid()
    }

    @Test func governanceNeedsTheOversightCountToo() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(governanceCommittee: 1, governanceOversight: 2))
        let policy = try ledger.append(.policySet(PolicySet(policy: Policy(moneyApprovals: 2))), by: TestKeys.committee1).seq
        try ledger.approve(policy, by: TestKeys.committee2)
        try ledger.approve(policy, by: TestKeys.committee3)
        try ledger.approve(policy, by: TestKeys.oversight1)
        #expect(ledger.state.policy.moneyApprovals == 1)
        try ledger.approve(policy, by: TestKeys.oversight2)
        #expect(ledger.state.policy == Policy(moneyApprovals: 2))
    }

    @Test func aPolicyWithNoCommitteeCountTakesEffectOnOversightAlone() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(governanceCommittee: 0, governanceOversight: 1))
        let add = try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee1).seq
        try ledger.approve(add, by: TestKeys.oversight1)
        #expect(ledger.status(of: ExtraKeys.committee4) == .active)
    }

    @Test func twoMoneyApprovalsNeedTwoDistinctOversightKeys() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(moneyApprovals: 2))
        let grant = try ledger.grant(10_000)
        try ledger.approve(grant, by: TestKeys.oversight1)
        #expect(ledger.balance("H001") == 0)
        #expect(ledger.cash("general") == Opening.general)
        ledger.expectRefusal(.duplicateApproval, .approve(Approve(target: grant, hash: ledger.entries[grant].hash)), by: TestKeys.oversight1)
        try ledger.approve(grant, by: TestKeys.oversight2)
        let granted: Fen = 10_000
        #expect(ledger.balance("H001") == granted)
        ledger.expectValid()
    }

    @Test func aPolicySetReplacesThePolicyOnceApproved() throws {
        var ledger = try TestLedger.withMembers()
        let set = try ledger.append(.policySet(PolicySet(policy: Policy(moneyApprovals: 2))), by: TestKeys.committee1).seq
        try ledger.approve(set, by: TestKeys.committee2)
        #expect(ledger.state.policy == Policy())
        try ledger.approve(set, by: TestKeys.oversight1)
        #expect(ledger.state.policy == Policy(moneyApprovals: 2))
        // Money now needs two oversight keys.
        let grant = try ledger.grant(10_000)
        try ledger.approve(grant, by: TestKeys.oversight1)
        #expect(ledger.state.pending[grant] != nil)
    }

    @Test func aStoreRefusesWhatTooFewKeysCouldEverApprove() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(moneyApprovals: 2))
        try ledger.revoke(TestKeys.oversight2)
        // One oversight key is left, and money now needs two.
        let grant = Payload.grant(Grant(member: "H001", amount: 10_000, purpose: "医疗救助"))
        ledger.expectRefusal(.noApprovers, grant, by: TestKeys.committee1)
        // A verifier only sees an entry waiting for approval.
        let forged = try TestLedger.forge(ledger.nextBody(grant, by: TestKeys.committee1), with: TestKeys.committee1)
        #expect(TestLedger.verify(ledger.bytes + [forged.bytes]).summary?.pending == [forged.seq])
    }

    @Test func aPolicyWithBothGovernanceCountsZeroIsRefusedAsBadShape() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.badShape, .policySet(PolicySet(policy: Policy(governanceCommittee: 0, governanceOversight: 0))),
            by: TestKeys.committee1)
    }
}
