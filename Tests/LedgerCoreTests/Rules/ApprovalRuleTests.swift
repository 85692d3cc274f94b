import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 5: who may approve what, once, and only a pending target named by its exact hash.
@Suite struct ApprovalRuleTests {
    @Test func anAuthorMayNotApproveItsOwnGovernanceEntry() throws {
        var ledger = try TestLedger.withMembers()
        let add = try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee1).seq
        ledger.expectRefusal(.selfApproval, .approve(Approve(target: add, hash: ledger.entries[add].hash)), by: TestKeys.committee1)
    }

    @Test func anOversightKeyMayNotApproveItsOwnRevocation() throws {
        var ledger = try TestLedger.withMembers()
        let revoke = try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.committee3), reason: "离任")),
            by: TestKeys.oversight1).seq
        ledger.expectRefusal(.selfApproval, .approve(Approve(target: revoke, hash: ledger.entries[revoke].hash)),
            by: TestKeys.oversight1)
    }

    @Test func aSecondCommitteeKeyOfTheAuthorsHolderMayNotApprove() throws {
        var ledger = try TestLedger.withMembers()
        // 陈 holds committee1 and now also committee4.
        try ledger.addKey(ExtraKeys.committee4, .committee, holder: "陈")
        #expect(ledger.status(of: ExtraKeys.committee4) == .active)
        let policy = try ledger.append(.policySet(PolicySet(policy: Policy(moneyApprovals: 2))), by: TestKeys.committee1).seq
        ledger.expectRefusal(.sameHolder, .approve(Approve(target: policy, hash: ledger.entries[policy].hash)),
            by: ExtraKeys.committee4)
        // The other way round too.
        let other = try ledger.append(.policySet(PolicySet(policy: Policy(moneyApprovals: 3))), by: ExtraKeys.committee4).seq
        ledger.expectRefusal(.sameHolder, .approve(Approve(target: other, hash: ledger.entries[other].hash)),
            by: TestKeys.committee1)
        // Another holder's key may.
        try ledger.approve(policy, by: TestKeys.committee2)
    }

    @Test func aSecondOversightKeyOfTheAuthorsHolderMayNotApprove() throws {
        var ledger = try TestLedger.withMembers()
        // 张 holds oversight1 and now also oversight3.
        try ledger.addKey(ExtraKeys.oversight3, .oversight, holder: "张")
        let revoke = try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.committee3), reason: "离任")),
            by: TestKeys.oversight1).seq
        ledger.expectRefusal(.sameHolder, .approve(Approve(target: revoke, hash: ledger.entries[revoke].hash)),
            by: ExtraKeys.oversight3)
    }

    @Test func theRecorderOfAGrantMayNotApproveItWithAnOversightKeyOfTheirOwn() throws {
        var ledger = try TestLedger.withMembers()
        // 陈 records money with committee1 and is given an oversight key as well: separation of duties still holds.
        try ledger.addKey(ExtraKeys.oversight3, .oversight, holder: "陈")
        let grant = try ledger.grant(10_000)
        ledger.expectRefusal(.sameHolder, .approve(Approve(target: grant, hash: ledger.entries[grant].hash)),
            by: ExtraKeys.oversight3)
        #expect(ledger.balance("H001") == 0)
        try ledger.approve(grant, by: TestKeys.oversight1)
        let granted: Fen = 10_000
        #expect(ledger.balance("H001") == granted)
    }

    @Test func aKeyApprovesATargetOnlyOnce() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(moneyApprovals: 2))
        let grant = try ledger.grant(10_000)
        try ledger.approve(grant, by: TestKeys.oversight1)
        ledger.expectRefusal(.duplicateApproval, .approve(Approve(target: grant, hash: ledger.entries[grant].hash)),
            by: TestKeys.oversight1)
        #expect(ledger.state.pending[grant]?.approvals == [TestKeys.id(TestKeys.oversight1)])
    }

    @Test func aCommitteeKeyApprovesAGovernanceEntryOnlyOnce() throws {
        var ledger = try TestLedger.withMembers(policy: Policy(governanceCommittee: 2, governanceOversight: 1))
        let add = try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee1).seq
        try ledger.approve(add, by: TestKeys.committee2)
        ledger.expectRefusal(.duplicateApproval, .approve(Approve(target: add, hash: ledger.entries[add].hash)),
            by: TestKeys.committee2)
    }

    /// Targets that are not waiting for approval.
    enum NotPending: String, CaseIterable, Sendable {
        case effective, rejected, nonExistent, nextSeq, donation, memberAdd, approval, genesis
    }

    @Test(arguments: NotPending.allCases)
    func anApprovalOfAnEntryThatIsNotPendingIsRefused(target: NotPending) throws {
        var ledger = try TestLedger.withMembers()
        let seq: Int
        switch target {
        case .effective:
            seq = try ledger.grant(10_000)
            try ledger.approve(seq, by: TestKeys.oversight2)
        case .rejected:
            seq = try ledger.grant(10_000)
            try ledger.append(.reject(Reject(target: seq, hash: ledger.entries[seq].hash, reason: "材料不全")), by: TestKeys.oversight2)
        case .nonExistent: seq = 999
        case .nextSeq: seq = ledger.state.count
        case .donation: seq = 3
        case .memberAdd: seq = 1
        case .approval:
            let grant = try ledger.grant(10_000)
            seq = try ledger.approve(grant, by: TestKeys.oversight2).seq
        case .genesis: seq = 0
        }
        let hash = seq < ledger.entries.count ? ledger.entries[seq].hash : EntryHash.zero
        ledger.expectRefusal(.notPending, .approve(Approve(target: seq, hash: hash)), by: TestKeys.oversight1)
        ledger.expectRefusal(.notPending, .reject(Reject(target: seq, hash: hash, reason: "不同意")), by: TestKeys.oversight1)
    }

    @Test func anApprovalMustNameTheTargetsExactHash() throws {
        var ledger = try TestLedger.withMembers()
        let first = try ledger.grant(10_000)
        let second = try ledger.grant(20_000, to: "H002")
        for wrong in [ledger.entries[second].hash, ledger.entries[first - 1].hash, EntryHash.zero] {
            ledger.expectRefusal(.hashMismatch, .approve(Approve(target: first, hash: wrong)), by: TestKeys.oversight1)
            ledger.expectRefusal(.hashMismatch, .reject(Reject(target: first, hash: wrong, reason: "x")), by: TestKeys.oversight1)
        }
        try ledger.approve(first, by: TestKeys.oversight1)
    }

    @Test func aMoneyEntryTakesEffectAtItsApprovalAndNotBefore() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        #expect(ledger.cash("general") == Opening.general)
        #expect(ledger.balance("H001") == 0)
        try ledger.approve(grant, by: TestKeys.oversight1)
        let general: Fen = Opening.general - 10_000
        let household: Fen = 10_000
        #expect(ledger.cash("general") == general)
        #expect(ledger.balance("H001") == household)
        #expect(ledger.state.pending.isEmpty)
        ledger.expectValid()
    }

    @Test func aRejectedEntryNeverTakesEffect() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        try ledger.append(.reject(Reject(target: grant, hash: ledger.entries[grant].hash, reason: "材料不全")), by: TestKeys.oversight1)
        #expect(ledger.cash("general") == Opening.general)
        #expect(ledger.balance("H001") == 0)
        #expect(ledger.state.pending.isEmpty)
        ledger.expectValid()
    }
}
