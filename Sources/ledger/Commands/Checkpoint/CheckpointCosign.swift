import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerStore

extension Ledger.CheckpointCommand {
    struct Cosign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Check a checkpoint against the ledger, then add your signature.", "对照账本核验检查点，然后加上您的签名。"),
            discussion: t("Example: ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt", "示例：ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"))
        @Argument(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var note: String
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let ledger = try await global.openLedger(readOnly: global.remote != nil)
            let kept = try cosign(in: ledger)
            try await global.remoteLedger()?.publish(kept)
            printNote(kept, global: global)
        }

        /// Checks the note against `ledger`, signs it and keeps it. Synchronous and never inlined: Swift 6.3's
        /// optimizer crashes (LLVM's coroutine splitting) when this body, with its typed-throws closure, is inlined
        /// into the async `run()`.
        @inline(never)
        private func cosign(in ledger: SQLiteLedger) throws -> SignedNote {
            let state = try ledger.state()
            let text = try TextFile.read(note)
            let tree = try CheckpointSigning.entryTree(ledger, count: state.count)
            let checked = try state.verifyCheckpoint(text) { size in tree.root(size: size) }
            var signed = try SignedNote(parsing: text)
            try signed.sign(with: try global.noteSigner(state: state, size: checked.checkpoint.size))
            return try ledger.saveCheckpointNote(signed, size: checked.checkpoint.size)
        }
    }
}
