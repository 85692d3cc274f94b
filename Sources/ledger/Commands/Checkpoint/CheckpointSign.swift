import ArgumentParser
import LedgerCore
import LedgerKit

extension Ledger.CheckpointCommand {
    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: t("Print the current checkpoint, signed with --key.", "输出当前检查点，并用 --key 签名。"),
            discussion: t("Example: ledger checkpoint --key zhang.pem > checkpoint.txt", "示例：ledger checkpoint --key zhang.pem > checkpoint.txt"))
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let ledger = try await global.openLedger(readOnly: global.remote != nil)
            let state = try ledger.state()
            let signer = try global.noteSigner(state: state, size: state.count)
            let tree = try CheckpointSigning.entryTree(ledger, count: state.count)
            var note = SignedNote(text: CheckpointNote(ledgerID: state.founding!.ledgerID, size: state.count, root: tree.root).text)
            try note.sign(with: signer)
            let kept = try ledger.saveCheckpointNote(note, size: state.count)
            try await global.remoteLedger()?.publish(kept)
            printNote(kept, global: global)
        }
    }
}
