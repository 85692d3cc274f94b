import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger.CheckpointCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: t("Check a checkpoint's signatures and root against this ledger.", "对照本账本核验检查点的签名和根哈希。"),
            discussion: t("Exit 0 when it matches, 1 when it does not. Example: ledger checkpoint verify checkpoint.txt",
                "一致时退出码为 0，不一致为 1。示例：ledger checkpoint verify checkpoint.txt"))
        @Argument(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var note: String
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            let tree = try CheckpointSigning.entryTree(ledger, count: state.count)
            do {
                let checked = try state.verifyCheckpoint(try TextFile.read(note)) { size in tree.root(size: size) }
                if global.json {
                    Format.printJSON(["valid": true, "size": checked.checkpoint.size, "root": checked.checkpoint.root.hex,
                        "signers": checked.signers, "fingerprint": checked.checkpoint.fingerprint])
                    return
                }
                let holders = checked.signers.map { "\(state.keys[$0]?.holder ?? "?") (\($0))" }.joined(separator: ", ")
                print(t("✔ Checkpoint of \(checked.checkpoint.size) entries matches this ledger; signed by \(holders).",
                    "✔ \(checked.checkpoint.size) 条的检查点与本账本一致；签署人：\(holders)。"))
                print(t("  Fingerprint: \(checked.checkpoint.fingerprint)", "  指纹：\(checked.checkpoint.fingerprint)"))
            } catch let error as LedgerError {
                if global.json {
                    Format.printJSON(["valid": false, "code": error.code.rawValue, "message": error.message.text(chinese: Language.current.isChinese)])
                } else {
                    print("✘ [\(error.code)] " + error.message.text(chinese: Language.current.isChinese))
                }
                throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
            }
        }
    }
}
