import LedgerCore
import LedgerStore

/// `verify --since NOTE`: checks a `.db` file's state snapshot and Merkle frontier at a checkpoint's size against the
/// signed notes, then verifies only the entries after it, with every check a full verify makes.
public enum SinceVerification {
    /// What the check found.
    public enum Outcome: Sendable {
        /// Every entry after the checkpoint verified; `resume` says what the earlier ones were checked through.
        case valid(VerificationSummary, resume: ResumePoint)
        /// The first failure: the checkpoint, the snapshot, or an entry after it.
        case invalid(LedgerError)
    }

    /// Checks `target` from the checkpoint `noteText` (read from `notePath`, named in messages).
    /// - Parameters:
    ///   - keys: the verifier keys to trust, or `nil` to trust the keys the file's own snapshot lists.
    ///   - progress: called with the number of entries after the checkpoint checked so far.
    /// - Throws: ``KitError/Code/badInput`` when `target` is not a `.db` file or keeps no snapshot at that size, so
    ///   the check cannot be made from there; `LedgerError` when the file cannot be read.
    public static func run(_ target: String, noteText text: String, notePath: String, keys: [NoteVerifierKey]?,
        pinnedGenesis: EntryHash?, total: (Int) -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws -> Outcome
    {
        guard try LedgerFile.isSQLite(target) else {
            throw KitError(.badInput,
                en: "--since needs a ledger .db file, which keeps the state snapshots audits record; verify \(target) in full instead",
                zh: "--since 需要 .db 账本文件（其中保存审计时记录的状态快照）；请改为完整核验 \(target)")
        }
        guard let point = (try? SignedNote(parsing: text)).flatMap({ CheckpointNote(text: $0.text) }), point.size > 0 else {
            return .invalid(LedgerError(.badCheckpointNote, seq: 0, kind: "checkpoint",
                en: "\(notePath): the note is not a signed ledger checkpoint (origin, size, root)",
                zh: "\(notePath)：该说明不是已签名的账本检查点（来源、大小、根哈希）"))
        }
        let size = point.size
        let ledger = try SQLiteLedger.open(at: target, readOnly: true)
        total(max(0, try ledger.count() - size))
        var resume: ResumePoint?
        var verifier = ChainVerifier()
        var refusal: LedgerError?
        var hasSnapshot = true
        var kept: LedgerState??
        try ledger.forEachBatch(since: size) { stored, count throws(LedgerError) in
            guard let stored else {
                hasSnapshot = false
                return false
            }
            guard count >= size else {
                refusal = LedgerError(.ledgerTruncated, seq: count, kind: "checkpoint",
                    en: "a checkpoint signed for \(size) entries exists, but the ledger has only \(count): entries were removed",
                    zh: "已有签名的检查点记录 \(size) 条，但账本只有 \(count) 条：有条目被删除")
                return false
            }
            do throws(LedgerError) {
                let checked = try ResumePoint.check(checkpoint: text, stateNote: stored.stateNote, snapshot: stored.snapshot,
                    trustedKeys: keys, frontier: stored.frontier, storedHead: stored.head)
                resume = checked
                verifier = checked.verifier()
                return true
            } catch {
                var placed = error
                placed.seq = placed.seq ?? size - 1
                placed.kind = "checkpoint"
                refusal = placed
                return false
            }
        } keptState: { kept = $0 } _: { batch, earlier, nodes throws(LedgerError) in
            let point = resume!
            // An entry before the checkpoint (a reversal's target) counts only with a proof that the checkpoint holds it.
            let proven: (Int) -> [UInt8]? = { seq in
                guard let bytes = earlier(seq) else { return nil }
                guard seq < size else { return bytes }
                guard let proof = try? nodes.auditPath(index: seq, size: size), point.includes(bytes, at: seq, proof: proof) else { return nil }
                return bytes
            }
            verifier.verify(batch: batch, earlierEntry: proven) { old throws(LedgerError) in
                let root = try nodes.root(ofSize: old)
                return try point.checkedEarlierRoot(size: old, root: root, proof: old > 0 ? try nodes.consistencyPath(old: old, new: size) : [])
            }
            progress(verifier.verifiedCount - size)
        }
        guard hasSnapshot else {
            let sizes = (try? ledger.stateSnapshotSizes()) ?? []
            throw KitError(.badInput,
                en: "\(target) keeps no state snapshot at size \(size), so it cannot be checked from that checkpoint; run a full `ledger verify`, or `ledger audit`, which keeps a snapshot with the checkpoint it records (sizes kept: \(sizes.isEmpty ? "none" : sizes.map(String.init).joined(separator: ", ")))",
                zh: "\(target) 没有保存大小为 \(size) 的状态快照，无法从该检查点开始核验；请运行完整的 `ledger verify`，或运行 `ledger audit`（它在记录检查点时保存快照）（已保存的大小：\(sizes.isEmpty ? "无" : sizes.map(String.init).joined(separator: ", "))）")
        }
        if let refusal { return .invalid(refusal) }
        guard let resume else { return .invalid(LedgerError(.badSnapshot, seq: size - 1, kind: "checkpoint",
            en: "no state snapshot could be checked at size \(size)", zh: "无法核对大小为 \(size) 的状态快照")) }
        if let pinnedGenesis, resume.snapshot.state.founding?.genesisHash != pinnedGenesis {
            return .invalid(LedgerError(.genesisMismatch, seq: 0, kind: Kind.genesis.rawValue,
                en: "the genesis hash is \(resume.snapshot.state.founding?.genesisHash.hex ?? "?"), not the pinned \(pinnedGenesis): this is a different ledger",
                zh: "创世哈希为 \(resume.snapshot.state.founding?.genesisHash.hex ?? "?")，而非指定的 \(pinnedGenesis)：这是另一个账本"))
        }
        LedgerFile.checkSummaryTables(kept, against: &verifier)
        switch verifier.finish() {
        case .invalid(let error): return .invalid(error)
        case .valid(let summary): return .valid(summary, resume: resume)
        }
    }
}
