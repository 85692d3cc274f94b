import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 4 `checkpoint` and section 7 step 6: `1 ≤ size ≤ seq`, and the root is the Merkle root at that size.
@Suite struct CheckpointRuleTests {
    @Test func aCheckpointWithTheRightRootIsAccepted() throws {
        var ledger = try TestLedger.withMembers()
        let size = ledger.state.count
        let first = try ledger.append(.checkpoint(Checkpoint(size: size, root: ledger.tree.root(size: size))), by: TestKeys.oversight1)
        #expect(first.seq == size)
        try ledger.append(.checkpoint(Checkpoint(size: 1, root: ledger.tree.root(size: 1))), by: TestKeys.committee2)
        ledger.expectValid()
    }

    @Test func aCheckpointWithAWrongRootIsRefused() throws {
        var ledger = try TestLedger.withMembers()
        let size = ledger.state.count
        for wrong in [ledger.tree.root(size: size - 1), ledger.entries[size - 1].hash, EntryHash.zero] {
            ledger.expectRefusal(.badCheckpoint, .checkpoint(Checkpoint(size: size, root: wrong)), by: TestKeys.oversight1)
        }
    }

    @Test func aCheckpointMayNotCoverItselfOrLaterEntries() throws {
        var ledger = try TestLedger.withMembers()
        let size = ledger.state.count
        // The root of size + 1 does not exist yet; any 32 bytes will do.
        for tooBig in [size + 1, size + 100] {
            ledger.expectRefusal(.badCheckpoint, .checkpoint(Checkpoint(size: tooBig, root: ledger.tree.root)), by: TestKeys.oversight1)
        }
    }

    @Test func aVerifierRecomputesTheRoot() throws {
        let ledger = try TestLedger.withMembers()
        let size = ledger.state.count
        var body = ledger.nextBody(.checkpoint(Checkpoint(size: size, root: ledger.tree.root(size: 2))), by: TestKeys.oversight1)
        let wrong = try TestLedger.forge(body, with: TestKeys.oversight1)
        let error = TestLedger.verify(ledger.bytes + [wrong.bytes]).error
        #expect(error?.code == .badCheckpoint)
        #expect(error?.seq == size)
        body.payload = .checkpoint(Checkpoint(size: size, root: ledger.tree.root(size: size)))
        let right = try TestLedger.forge(body, with: TestKeys.oversight1)
        #expect(TestLedger.verify(ledger.bytes + [right.bytes]).summary?.entries == size + 1)
    }
}
