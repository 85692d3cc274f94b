import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

extension Ledger.Verify {
    /// `verify --since NOTE`: checks the file's state snapshot and Merkle frontier at the checkpoint's size against
    /// the signed notes, then verifies only the entries after it, with every check a full verify makes.
    func verifySince(_ notePath: String, target: String) throws {
        guard try LedgerSource.isSQLite(target) else {
            throw CLIFailure(.usage, t("--since needs a ledger .db file, which keeps the state snapshots audits record; verify \(target) in full instead",
                "--since 需要 .db 账本文件（其中保存审计时记录的状态快照）；请改为完整核验 \(target)"))
        }
        let text = try readText(notePath)
        guard let point = (try? SignedNote(parsing: text)).flatMap({ CheckpointNote(text: $0.text) }), point.size > 0 else {
            printInvalid(LedgerError(.badCheckpointNote, seq: 0, kind: "checkpoint",
                en: "\(notePath): the note is not a signed ledger checkpoint (origin, size, root)",
                zh: "\(notePath)：该说明不是已签名的账本检查点（来源、大小、根哈希）"))
            throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
        }
        let size = point.size
        let keys = trusted.given ? try trusted.load() : nil
        let ledger = try SQLiteLedger.open(at: target, readOnly: true)
        let progress = Progress(label: t("verified", "已核验"), total: max(0, try ledger.count() - size))
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
            progress.update(verifier.verifiedCount - size)
        }
        progress.finish()
        guard hasSnapshot else {
            throw CLIFailure(.usage, t(
                "\(target) keeps no state snapshot at size \(size), so it cannot be checked from that checkpoint; run a full `ledger verify`, or `ledger audit`, which keeps a snapshot with the checkpoint it records (sizes kept: \(sizesKept(ledger)))",
                "\(target) 没有保存大小为 \(size) 的状态快照，无法从该检查点开始核验；请运行完整的 `ledger verify`，或运行 `ledger audit`（它在记录检查点时保存快照）（已保存的大小：\(sizesKept(ledger))）"))
        }
        if let refusal {
            printInvalid(refusal)
            throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
        }
        guard let resume else { return }
        if let genesis, let pinned = EntryHash(hex: genesis), resume.snapshot.state.founding?.genesisHash != pinned {
            printInvalid(LedgerError(.genesisMismatch, seq: 0, kind: Kind.genesis.rawValue,
                en: "the genesis hash is \(resume.snapshot.state.founding?.genesisHash.hex ?? "?"), not the pinned \(pinned): this is a different ledger",
                zh: "创世哈希为 \(resume.snapshot.state.founding?.genesisHash.hex ?? "?")，而非指定的 \(pinned)：这是另一个账本"))
            throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
        }
        LedgerSource.checkSummaryTables(kept, against: &verifier)
        switch verifier.finish() {
        case .invalid(let error):
            printInvalid(error)
            throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
        case .valid(let summary):
            let trust = resume.usedGivenKeys ? "given_keys" : "file_snapshot"
            printValid(summary, target: target,
                extra: ["since": size, "checked_from": size, "signers": resume.signers, "trust": trust])
            guard !global.json else { return }
            let last = summary.entries - 1
            print(t("Checked entries \(size)…\(last) since the checkpoint of size \(size) (signed by \(resume.signers.joined(separator: ", "))); entries 0…\(size - 1) were checked through its Merkle root and the signed state snapshot.",
                "已核验自大小为 \(size) 的检查点（签署人：\(resume.signers.joined(separator: ", "))）以来的第 \(size)…\(last) 条；第 0…\(size - 1) 条经其默克尔根和已签名的状态快照核对。"))
            if !resume.usedGivenKeys {
                print(t("Note: no --keys or --vkey was given, so trust rests on the keys the file's own snapshot lists; give the keys posted on the notice board to check against them.",
                    "注意：未提供 --keys 或 --vkey，因此信任依赖于文件自身快照所列的密钥；请提供公告栏上公示的密钥进行核对。"))
            }
        }
    }

    private func sizesKept(_ ledger: SQLiteLedger) -> String {
        let sizes = (try? ledger.stateSnapshotSizes()) ?? []
        return sizes.isEmpty ? t("none", "无") : sizes.map(String.init).joined(separator: ", ")
    }
}
