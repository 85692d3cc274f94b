import LedgerCore
import LedgerStore
import Testing

/// What the store's Merkle API does when asked about sizes the ledger does not have.
@Suite struct StoreProofBoundsTests {
    @Test func proofsBeyondTheEndAreRefused() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let beyond = ThreeHundredEntries.count + 1
        #expect(throws: LedgerError.self) { try ledger.inclusionProof(index: 0, size: beyond) }
        #expect(throws: LedgerError.self) { try ledger.consistencyProof(old: 1, new: beyond) }
    }

    /// `merkleRoot(size:)` promises "the Merkle root of the first `size` entries", but clamps a size beyond the
    /// end to the ledger's count: asked for 301 entries of a 300-entry ledger it returns the root of 300, a root
    /// of a tree that does not exist, without an error. (Today's callers check the size first.)
    @Test func theRootBeyondTheEndIsRefused() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let beyond = ThreeHundredEntries.count + 1
        withKnownIssue("SQLiteLedger.merkleRoot(size:) clamps a size beyond the end instead of refusing it") {
            #expect(throws: LedgerError.self) { try ledger.merkleRoot(size: beyond) }
        }
        // What it returns instead.
        #expect(try ledger.merkleRoot(size: beyond) == ledger.merkleRoot(size: ThreeHundredEntries.count))
    }
}
