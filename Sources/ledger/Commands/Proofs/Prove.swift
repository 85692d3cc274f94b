import ArgumentParser
import LedgerCore

extension Ledger {
    struct Prove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Print an inclusion proof for an entry, or a consistency proof between two sizes (JSON).",
                "输出某条目的包含证明，或两个大小之间的一致性证明（JSON）。"),
            discussion: t("Examples: ledger prove 42 --size 180 · ledger prove --from 150 --to 180", "示例：ledger prove 42 --size 180 · ledger prove --from 150 --to 180"))
        @Argument(help: ArgumentHelp(t("The entry's seq (for an inclusion proof).", "条目序号（包含证明）。"))) var seq: Int?
        @Option(help: ArgumentHelp(t("Tree size for the inclusion proof (default: the whole ledger).", "包含证明的树大小（默认为整个账本）。"))) var size: Int?
        @Option(help: ArgumentHelp(t("Old size, for a consistency proof.", "一致性证明的旧大小。"))) var from: Int?
        @Option(help: ArgumentHelp(t("New size, for a consistency proof.", "一致性证明的新大小。"))) var to: Int?
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard (seq != nil) != (from != nil || to != nil) else {
                throw ValidationError(t("Please give either SEQ, or --from and --to.", "请提供 SEQ，或同时提供 --from 和 --to。"))
            }
            if seq == nil, from == nil || to == nil {
                throw ValidationError(t("Please give both --from and --to.", "请同时提供 --from 和 --to。"))
            }
        }

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            let ledgerID = state.founding?.ledgerID ?? ""
            if let seq {
                // By default, prove against the latest kept checkpoint that covers the entry, which is what a member
                // holds; otherwise against the whole ledger.
                let kept = try ledger.latestCheckpointNote().flatMap { CheckpointNote(text: $0.text) }.map(\.size)
                let size = size ?? kept.flatMap { $0 > seq ? $0 : nil } ?? state.count
                if self.size == nil { printInfo(t("(proof for the tree of \(size) entries)", "（针对 \(size) 条的树的证明）")) }
                guard seq >= 0, seq < size, size <= state.count, let entry = try ledger.entry(seq) else {
                    throw CLIFailure(.usage, t("need 0 ≤ SEQ < size ≤ \(state.count)", "须满足 0 ≤ SEQ < 大小 ≤ \(state.count)"))
                }
                let proof = InclusionProof(ledger: ledgerID, index: seq, size: size, leaf: entry.hash,
                    path: try ledger.inclusionProof(index: seq, size: size), root: try ledger.merkleRoot(size: size))
                print(String(decoding: CanonicalJSON.encode(proof.json), as: UTF8.self))
            } else if let from, let to {
                guard from > 0, from <= to, to <= state.count else {
                    throw CLIFailure(.usage, t("need 0 < --from ≤ --to ≤ \(state.count)", "须满足 0 < --from ≤ --to ≤ \(state.count)"))
                }
                let proof = ConsistencyProof(ledger: ledgerID, old: from, new: to, oldRoot: try ledger.merkleRoot(size: from),
                    newRoot: try ledger.merkleRoot(size: to), path: try ledger.consistencyProof(old: from, new: to))
                print(String(decoding: CanonicalJSON.encode(proof.json), as: UTF8.self))
            }
        }
    }
}
