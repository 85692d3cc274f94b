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

    /// `merkleRoot(size:)` is "the Merkle root of the first `size` entries": a size beyond the end has no root.
    @Test func theRootBeyondTheEndIsRefused() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let beyond = ThreeHundredEntries.count + 1
        #expect(throws: LedgerError.self) { try ledger.merkleRoot(size: beyond) }
    }
}
