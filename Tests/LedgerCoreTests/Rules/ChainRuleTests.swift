import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 3 and section 7 step 2: seq, prev and time; one genesis, first; a pinned genesis.
@Suite struct ChainRuleTests {
    static let memberAdd = Payload.memberAdd(MemberAdd(member: "H009", name: "新成员"))

    @Test func timeMayNotGoBackwards() throws {
        var ledger = try TestLedger.withMembers()
        var body = ledger.nextBody(ChainRuleTests.memberAdd, by: TestKeys.committee1)
        body.time = Timestamp(secondsSinceEpoch: try #require(ledger.state.lastTime).secondsSinceEpoch - 1)
        ledger.expectRefusal(.timeBackwards, entry: try TestLedger.forge(body, with: TestKeys.committee1))
        // The same second as the entry before is fine.
        body.time = try #require(ledger.state.lastTime)
        try ledger.append(try TestLedger.forge(body, with: TestKeys.committee1))
    }

    @Test func aStoreRefusesATimeMoreThanFiveMinutesAhead() throws {
        var ledger = try TestLedger.withMembers()
        var body = ledger.nextBody(ChainRuleTests.memberAdd, by: TestKeys.committee1)
        body.time = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 301)
        let ahead = try TestLedger.forge(body, with: TestKeys.committee1)
        ledger.expectRefusal(.futureTime, entry: ahead)
        // A verifier has no clock to compare with: the same entry is valid in a ledger.
        #expect(TestLedger.verify(ledger.bytes + [ahead.bytes]).summary != nil)
        // Exactly five minutes ahead is accepted.
        body.time = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 300)
        try ledger.append(try TestLedger.forge(body, with: TestKeys.committee1))
    }

    @Test func seqAndPrevMustContinueTheChain() throws {
        var ledger = try TestLedger.withMembers()
        var body = ledger.nextBody(ChainRuleTests.memberAdd, by: TestKeys.committee1)
        body.seq += 1
        ledger.expectRefusal(.badSequence, entry: try TestLedger.forge(body, with: TestKeys.committee1))
        body.seq -= 2
        ledger.expectRefusal(.badSequence, entry: try TestLedger.forge(body, with: TestKeys.committee1))
        body = ledger.nextBody(ChainRuleTests.memberAdd, by: TestKeys.committee1)
        body.prev = ledger.entries[ledger.lastSeq - 1].hash
        ledger.expectRefusal(.badPrev, entry: try TestLedger.forge(body, with: TestKeys.committee1))
    }

    @Test func aSignatureByAnotherKeyThanTheAuthorIsBad() throws {
        var ledger = try TestLedger.withMembers()
        let body = ledger.nextBody(ChainRuleTests.memberAdd, by: TestKeys.committee1)
        ledger.expectRefusal(.badSignature, entry: try TestLedger.forge(body, with: TestKeys.committee2))
    }

    static func genesis(keys: [KeyDescriptor], society: String = "另一个互助社") -> Payload {
        .genesis(Genesis(society: society, ledger: "fedcba9876543210fedcba9876543210",
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")], keys: keys, policy: Policy()))
    }

    @Test func aSecondGenesisIsRefused() throws {
        var ledger = try TestLedger.withMembers()
        ledger.expectRefusal(.secondGenesis,
            ChainRuleTests.genesis(keys: [TestKeys.descriptor(TestKeys.committee1, .committee, "陈")]), by: TestKeys.committee1)
    }

    @Test func theFirstEntryMustBeAGenesis() throws {
        var ledger = TestLedger.empty()
        ledger.expectRefusal(.badGenesis, ChainRuleTests.memberAdd, by: TestKeys.committee1)
        #expect(TestLedger.verify([]).error?.code == .badGenesis)
    }

    @Test func aGenesisIsSignedByACommitteeKeyItLists() throws {
        var ledger = TestLedger.empty()
        let keys = [TestKeys.descriptor(TestKeys.committee1, .committee, "陈"), TestKeys.descriptor(TestKeys.oversight1, .oversight, "张")]
        ledger.expectRefusal(.wrongRole, ChainRuleTests.genesis(keys: keys), by: TestKeys.oversight1)
        ledger.expectRefusal(.wrongRole, ChainRuleTests.genesis(keys: keys), by: TestKeys.committee2)
        try ledger.append(ChainRuleTests.genesis(keys: keys), by: TestKeys.committee1)
        ledger.expectValid()
    }

    @Test func aPinnedGenesisMustMatch() throws {
        let ledger = try TestLedger.withMembers()
        let genesis = ledger.entries[0].hash
        #expect(TestLedger.verify(ledger.bytes, genesis: genesis).summary?.genesis == genesis)

        var other = TestLedger.empty()
        try other.append(ChainRuleTests.genesis(keys: [TestKeys.descriptor(TestKeys.committee1, .committee, "陈")]),
            by: TestKeys.committee1)
        let error = TestLedger.verify(other.bytes, genesis: genesis).error
        #expect(error?.code == .genesisMismatch)
        #expect(error?.seq == 0)

        var verifier = ChainVerifier(pinnedGenesis: other.entries[0].hash)
        verifier.verify(batch: ledger.bytes)
        #expect(verifier.failure?.code == .genesisMismatch)
    }
}
