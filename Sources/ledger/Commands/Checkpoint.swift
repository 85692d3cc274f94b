import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerCrypto
import LedgerStore

extension Ledger {
    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: t("Signed checkpoints (检查点) for the notice board: sign, cosign, check.", "用于公示的签名检查点：签署、联署、核验。"),
            discussion: t("Examples: ledger checkpoint --key zhang.pem > checkpoint.txt\n          ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt",
                "示例：ledger checkpoint --key zhang.pem > checkpoint.txt\n      ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"),
            subcommands: [Sign.self, Cosign.self, Check.self], defaultSubcommand: Sign.self)

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

        struct Cosign: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: t("Check a checkpoint against the ledger, then add your signature.", "对照账本核验检查点，然后加上您的签名。"),
                discussion: t("Example: ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt", "示例：ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"))
            @Argument(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var note: String
            @OptionGroup var global: GlobalOptions
            func run() async throws {
                let ledger = try await global.openLedger(readOnly: global.remote != nil)
                let state = try ledger.state()
                let text = try TextFile.read(note)
                let tree = try CheckpointSigning.entryTree(ledger, count: state.count)
                let checked = try state.verifyCheckpoint(text) { size in tree.root(size: size) }
                var signed = try SignedNote(parsing: text)
                try signed.sign(with: try global.noteSigner(state: state, size: checked.checkpoint.size))
                let kept = try ledger.saveCheckpointNote(signed, size: checked.checkpoint.size)
                try await global.remoteLedger()?.publish(kept)
                printNote(kept, global: global)
            }
        }

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
}

/// Prints a signed note, or its JSON form.
func printNote(_ note: SignedNote, global: GlobalOptions) {
    if global.json {
        let point = CheckpointNote(text: note.text)
        Format.printJSON(["note": note.formatted, "size": point?.size ?? 0, "root": point?.root.hex ?? "",
            "fingerprint": point?.fingerprint ?? "", "signers": note.signatures.map(\.name)])
    } else {
        print(note.formatted, terminator: "")
    }
}
