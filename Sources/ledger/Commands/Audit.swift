import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

extension Ledger {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Oversight audit: verify the whole ledger, record a checkpoint entry, print the note to cosign.",
                "监督审计：核验整个账本，记录检查点条目，并输出可联署的检查点。"),
            discussion: t("Example: ledger audit --key zhang.pem > checkpoint.txt", "示例：ledger audit --key zhang.pem > checkpoint.txt"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.openLedger()
            let signer = try global.signingKey()
            var verifier = ChainVerifier(keepsEarlierPayloads: false)
            try ledger.forEachBatchWithHistory { batch, earlier throws(LedgerError) in withoutActuallyEscaping(earlier) { verifier.verify(batch: batch, earlierEntry: $0) } }
            guard case .valid(let summary) = verifier.finish() else {
                if case .invalid(let error) = verifier.finish() { throw CLIFailure(.invalidLedger, invalidEntrySentence(error)) }
                return
            }
            let result = try ledger.append(.checkpoint(LedgerCore.Checkpoint(size: summary.entries, root: summary.root)),
                memo: nil, signer: signer, now: currentTime())
            var note = SignedNote(text: CheckpointNote(ledgerID: summary.ledgerID ?? "", size: summary.entries, root: summary.root).text)
            try note.sign(with: NoteSigner(name: result.entry.body.author, key: signer))
            let kept = try ledger.saveCheckpointNote(note, size: summary.entries)
            // The replayed state at the checkpoint's size, and a note signing its hash, for `verify --since`.
            let snapshot = StateSnapshot(state: verifier.state)
            var stateNote = SignedNote(text: StateNote(ledgerID: summary.ledgerID ?? "", size: summary.entries, stateHash: snapshot.hash).text)
            try stateNote.sign(with: NoteSigner(name: result.entry.body.author, key: signer))
            try ledger.saveStateSnapshot(snapshot, note: stateNote)
            if !global.json {
                printInfo(t("Verified \(summary.entries) entries; recorded checkpoint entry \(result.entry.seq). Cosign the note below and post it:",
                    "已核验 \(summary.entries) 条；已记录检查点条目第 \(result.entry.seq) 条。请联署并公示以下检查点："))
            }
            printNote(kept, global: global)
        }
    }
}
