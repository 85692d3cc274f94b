import LedgerCore
import LedgerCrypto
import LedgerStore

/// The oversight group's audit: verify the whole ledger from its bytes, record a checkpoint entry, sign the checkpoint
/// note, and keep the replayed state with a signed state note so a later `verify --since` can start there.
public enum Audit {
    /// What an audit did.
    public enum Outcome: Sendable {
        /// The ledger verified; `seq` is the checkpoint entry recorded and `note` the signed note as kept.
        case recorded(summary: VerificationSummary, seq: Int, note: SignedNote)
        /// The ledger does not verify: nothing was recorded.
        case invalid(LedgerError)
    }

    /// Audits `ledger` with `signer` (an oversight key), at `now` by the caller's clock.
    /// - Throws: `LedgerError` when the checkpoint entry or the notes cannot be written.
    public static func run(_ ledger: SQLiteLedger, signer: Ed25519.PrivateKey, now: Timestamp) throws -> Outcome {
        var verifier = ChainVerifier(keepsEarlierPayloads: false)
        try ledger.forEachBatchWithHistory { batch, earlier throws(LedgerError) in
            withoutActuallyEscaping(earlier) { verifier.verify(batch: batch, earlierEntry: $0) }
        }
        let summary: VerificationSummary
        switch verifier.finish() {
        case .invalid(let error): return .invalid(error)
        case .valid(let valid): summary = valid
        }
        let result = try ledger.append(.checkpoint(Checkpoint(size: summary.entries, root: summary.root)),
            memo: nil, signer: signer, now: now)
        var note = SignedNote(text: CheckpointNote(ledgerID: summary.ledgerID ?? "", size: summary.entries, root: summary.root).text)
        try note.sign(with: NoteSigner(name: result.entry.body.author, key: signer))
        let kept = try ledger.saveCheckpointNote(note, size: summary.entries)
        // The replayed state at the checkpoint's size, and a note signing its hash, for `verify --since`.
        let snapshot = StateSnapshot(state: verifier.state)
        var stateNote = SignedNote(text: StateNote(ledgerID: summary.ledgerID ?? "", size: summary.entries, stateHash: snapshot.hash).text)
        try stateNote.sign(with: NoteSigner(name: result.entry.body.author, key: signer))
        try ledger.saveStateSnapshot(snapshot, note: stateNote)
        return .recorded(summary: summary, seq: result.entry.seq, note: kept)
    }
}
