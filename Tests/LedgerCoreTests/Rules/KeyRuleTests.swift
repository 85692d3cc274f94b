import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Sections 3–5: a key signs only while active; `key.add` and `key.revoke` take effect by governance approval; a key
/// id is never reused; revocation is not retroactive.
@Suite struct KeyRuleTests {
    static let memberAdd = Payload.memberAdd(MemberAdd(member: "H009", name: "新成员"))

    @Test func aRevokedKeyMayNoLongerSign() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.revoke(TestKeys.committee3)
        #expect(ledger.status(of: TestKeys.committee3) == .revoked)
        ledger.expectRefusal(.inactiveKey, KeyRuleTests.memberAdd, by: TestKeys.committee3)
    }

    @Test func aRevokedOversightKeyMayNoLongerApprove() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(10_000)
        try ledger.revoke(TestKeys.oversight2)
        ledger.expectRefusal(.inactiveKey, .approve(Approve(target: grant, hash: ledger.entries[grant].hash)), by: TestKeys.oversight2)
    }

    @Test func aKeyWaitingForApprovalMayNotSignYet() throws {
        var ledger = try TestLedger.withMembers()
        let add = try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee1).seq
        ledger.expectRefusal(.inactiveKey, KeyRuleTests.memberAdd, by: ExtraKeys.committee4)
        // Half approved (committee only) is still not approved under the default policy.
        try ledger.approve(add, by: TestKeys.committee2)
        ledger.expectRefusal(.inactiveKey, KeyRuleTests.memberAdd, by: ExtraKeys.committee4)
        #expect(ledger.status(of: ExtraKeys.committee4) == .proposed)
    }

    @Test func aKeyOnceApprovedMaySign() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.addKey(ExtraKeys.committee4, .committee, holder: "赵")
        #expect(ledger.status(of: ExtraKeys.committee4) == .active)
        try ledger.append(KeyRuleTests.memberAdd, by: ExtraKeys.committee4)
        #expect(ledger.state.members["H009"] != nil)
        ledger.expectValid()
    }

    @Test func aKeyWhoseAdditionWasRejectedNeverSignsAndItsIdStaysUsed() throws {
        var ledger = try TestLedger.withMembers()
        let descriptor = TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵")
        let add = try ledger.append(.keyAdd(KeyAdd(key: descriptor)), by: TestKeys.committee1).seq
        try ledger.append(.reject(Reject(target: add, hash: ledger.entries[add].hash, reason: "身份未核实")), by: TestKeys.oversight1)
        #expect(ledger.status(of: ExtraKeys.committee4) == .refused)
        ledger.expectRefusal(.inactiveKey, KeyRuleTests.memberAdd, by: ExtraKeys.committee4)
        ledger.expectRefusal(.keyReused, .keyAdd(KeyAdd(key: descriptor)), by: TestKeys.committee2)
    }

    @Test func aKeyIdIsNeverReusedEvenAfterRevocation() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.revoke(TestKeys.committee3)
        ledger.expectRefusal(.keyReused, .keyAdd(KeyAdd(key: TestKeys.descriptor(TestKeys.committee3, .committee, "王"))),
            by: TestKeys.committee1)
        // Nor under another role or holder: the id is what is used up.
        ledger.expectRefusal(.keyReused, .keyAdd(KeyAdd(key: TestKeys.descriptor(TestKeys.committee3, .oversight, "新"))),
            by: TestKeys.committee1)
    }

    @Test func aKeyAlreadyActiveOrProposedCannotBeAddedAgain() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.keyReused, .keyAdd(KeyAdd(key: TestKeys.descriptor(TestKeys.oversight1, .oversight, "张"))),
            by: TestKeys.committee1)
        try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))), by: TestKeys.committee1)
        ledger.expectRefusal(.keyReused, .keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))),
            by: TestKeys.committee2)
    }

    @Test func anUnknownKeyMayNotSign() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.unknownKey, KeyRuleTests.memberAdd, by: ExtraKeys.stranger)
    }

    @Test func revokingAnUnknownOrInactiveKeyIsRefused() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.unknownKey, .keyRevoke(KeyRevoke(key: TestKeys.id(ExtraKeys.stranger), reason: "x")), by: TestKeys.committee1)
        try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.committee3), reason: "离任")), by: TestKeys.committee1)
        // A second revocation while the first waits.
        ledger.expectRefusal(.inactiveKey, .keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.committee3), reason: "离任")),
            by: TestKeys.committee2)
    }

    @Test func revocationIsNotRetroactive() throws {
        var ledger = try TestLedger.withMembers()
        let signedBefore = try ledger.append(KeyRuleTests.memberAdd, by: TestKeys.committee3)
        let grant = try ledger.grant(10_000)
        try ledger.approve(grant, by: TestKeys.oversight2)
        try ledger.revoke(TestKeys.committee3)
        try ledger.revoke(TestKeys.oversight2)
        let summary = try #require(ledger.verify().summary)
        #expect(summary.members["H009"] == 0)
        let granted: Fen = 10_000
        #expect(summary.members["H001"] == granted)
        #expect(ledger.state.keys[signedBefore.body.author]?.status == .revoked)
    }
}
