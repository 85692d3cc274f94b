import LedgerCrypto

/// Where `verify --since` starts: a published checkpoint of size m, and the state snapshot and Merkle frontier at m,
/// each checked against what was signed.
///
/// ``check(checkpoint:stateNote:snapshot:trustedKeys:frontier:storedHead:)`` accepts them only if the state note and
/// the checkpoint are signed by one trusted key, the snapshot is the one the state note names, the frontier gives
/// the checkpoint's root (so the first m entries are the ones it signed), and the stored entry m − 1 is the head the
/// snapshot names. Nothing here reads a file: the caller hands over what the file holds.
public struct ResumePoint: Sendable {
    public let checkpoint: CheckpointNote
    public let snapshot: StateSnapshot
    /// The Merkle tree resumed at the checkpoint's size.
    public let tree: MerkleTree
    /// Key ids whose signatures on both the checkpoint and the state note verified.
    public let signers: [String]
    /// Whether the keys were the caller's (`--keys`, `--vkey`) rather than those the snapshot itself lists.
    public let usedGivenKeys: Bool

    /// The size the check resumes at.
    public var size: Int { checkpoint.size }

    /// A verifier that goes on from entry `size`.
    public func verifier() -> ChainVerifier { ChainVerifier(resumingFrom: snapshot.state, tree: tree) }

    /// Checks what a file holds at a published checkpoint.
    /// - Parameters:
    ///   - checkpoint: the published checkpoint, a signed note.
    ///   - stateNote: the signed state note kept for that size.
    ///   - snapshot: the kept snapshot's bytes.
    ///   - trustedKeys: the verifier keys to trust; `nil` to trust the keys the snapshot lists as active at its size.
    ///   - frontier: the stored Merkle frontier at the checkpoint's size.
    ///   - storedHead: the hash of the stored entry `size − 1`, recomputed from its bytes (`nil` if there is none).
    /// - Throws: `bad_checkpoint_note`, `bad_snapshot` or `checkpoint_mismatch`, saying what does not match.
    public static func check(checkpoint text: String, stateNote: String, snapshot bytes: [UInt8], trustedKeys: [NoteVerifierKey]?,
        frontier: [EntryHash], storedHead: EntryHash?) throws(LedgerError) -> ResumePoint
    {
        let checkpointNote = try parse(text, code: .badCheckpointNote, what: ("checkpoint", "检查点"))
        guard let checkpoint = CheckpointNote(text: checkpointNote.text), checkpoint.size > 0 else {
            throw LedgerError(.badCheckpointNote, en: "the note is not a ledger checkpoint (origin, size, root)",
                zh: "该说明不是账本检查点（来源、大小、根哈希）")
        }
        let signedState = try parse(stateNote, code: .badSnapshot, what: ("state note", "状态说明"))
        guard let state = StateNote(text: signedState.text), state.ledgerID == checkpoint.ledgerID, state.size == checkpoint.size else {
            throw LedgerError(.badSnapshot, en: "the kept state note is not for this checkpoint's ledger and size",
                zh: "保存的状态说明与此检查点的账本或大小不符")
        }
        guard SHA256.hash(bytes) == state.stateHash else {
            throw LedgerError(.badSnapshot,
                en: "the kept state snapshot at size \(checkpoint.size) is not the one the signed state note names (its hash differs): it was forged or damaged; run a full `ledger verify`",
                zh: "大小为 \(checkpoint.size) 的状态快照与已签名的状态说明不符（哈希不同）：快照被伪造或损坏；请运行完整的 `ledger verify`")
        }
        let snapshot = try StateSnapshot(bytes: bytes)
        guard snapshot.state.count == checkpoint.size, snapshot.state.founding?.ledgerID == checkpoint.ledgerID else {
            throw LedgerError(.badSnapshot, en: "the state snapshot does not describe the first \(checkpoint.size) entries of this ledger",
                zh: "状态快照描述的不是本账本的前 \(checkpoint.size) 条")
        }
        let keys = trustedKeys ?? snapshot.state.noteVerifierKeys(activeAtSize: checkpoint.size)
        let checkpointSigners = try verified(checkpointNote, keys: keys, code: .badCheckpointNote, what: ("checkpoint", "检查点"))
        let stateSigners = try verified(signedState, keys: keys, code: .badSnapshot, what: ("state note", "状态说明"))
        let signers = checkpointSigners.filter(stateSigners.contains)
        guard !signers.isEmpty else {
            throw LedgerError(.badSnapshot, en: "no trusted key signed both the checkpoint and the state note",
                zh: "没有同一个可信密钥同时签署检查点和状态说明")
        }
        guard storedHead == snapshot.state.head else {
            throw LedgerError(.checkpointMismatch, seq: checkpoint.size - 1,
                en: "the stored entry \(checkpoint.size - 1) is not the last entry of the signed checkpoint: history was rewritten",
                zh: "保存的第 \(checkpoint.size - 1) 条不是已签名检查点的最后一条：历史已被改写")
        }
        guard let tree = MerkleTree(size: checkpoint.size, frontier: frontier), tree.root == checkpoint.root else {
            throw LedgerError(.checkpointMismatch, seq: checkpoint.size - 1,
                en: "the ledger's first \(checkpoint.size) entries (as its stored Merkle tree records them) do not match the signed checkpoint: history was rewritten",
                zh: "账本前 \(checkpoint.size) 条（按其保存的默克尔树）与已签名的检查点不符：历史已被改写")
        }
        return ResumePoint(checkpoint: checkpoint, snapshot: snapshot, tree: tree, signers: signers, usedGivenKeys: trustedKeys != nil)
    }

    /// The root at an earlier `size`, for a checkpoint entry after the resume point that names it: accepted only if
    /// `proof` is an RFC 9162 consistency proof from (`size`, `root`) to the checkpoint.
    /// - Throws: `bad_checkpoint` when it is not.
    public func checkedEarlierRoot(size: Int, root: EntryHash, proof: [EntryHash]) throws(LedgerError) -> EntryHash {
        if size == 0 { return SHA256.hash([]) }
        guard MerkleProof.verifyConsistency(oldSize: size, newSize: checkpoint.size, oldRoot: root, newRoot: checkpoint.root, proof: proof)
        else {
            throw LedgerError(.badCheckpoint,
                en: "the root at size \(size) it names cannot be proved consistent with the checkpoint of size \(checkpoint.size); run a full `ledger verify`",
                zh: "它所指大小 \(size) 的根哈希无法证明与大小为 \(checkpoint.size) 的检查点一致；请运行完整的 `ledger verify`")
        }
        return root
    }

    /// Whether `bytes` are entry `seq` (< ``size``) of the checkpoint: `proof` must be an RFC 9162 inclusion proof
    /// of their hash in the tree of ``size`` leaves with the checkpoint's root. Entries before the resume point are
    /// not verified again, so one that a later entry needs (the target of a reversal) is accepted only this way.
    public func includes(_ bytes: [UInt8], at seq: Int, proof: [EntryHash]) -> Bool {
        seq >= 0 && seq < size
            && MerkleProof.verifyInclusion(leaf: Entry.hash(of: bytes), index: seq, size: size, proof: proof, root: checkpoint.root)
    }

    private static func parse(_ text: String, code: LedgerError.Code, what: (en: String, zh: String)) throws(LedgerError) -> SignedNote {
        do { return try SignedNote(parsing: text) } catch {
            throw LedgerError(code, en: "the \(what.en) is not a signed note (\(error))", zh: "\(what.zh)不是有效的签名说明（\(error)）")
        }
    }

    private static func verified(_ note: SignedNote, keys: [NoteVerifierKey], code: LedgerError.Code, what: (en: String, zh: String))
        throws(LedgerError) -> [String]
    {
        do { return try note.verify(with: keys) } catch {
            if case .invalidSignature(let name) = error {
                throw LedgerError(code, en: "the signature of key \(name) on the \(what.en) does not verify: the note was altered",
                    zh: "\(what.zh)上密钥 \(name) 的签名无法验证：说明已被改动")
            }
            throw LedgerError(code, en: "no trusted key signed the \(what.en)", zh: "没有可信密钥签署\(what.zh)")
        }
    }
}
