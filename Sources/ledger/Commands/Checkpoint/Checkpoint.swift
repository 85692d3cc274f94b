import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: t("Signed checkpoints (检查点) for the notice board: sign, cosign, check.", "用于公示的签名检查点：签署、联署、核验。"),
            discussion: t("Examples: ledger checkpoint --key zhang.pem > checkpoint.txt\n          ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt",
                "示例：ledger checkpoint --key zhang.pem > checkpoint.txt\n      ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"),
            subcommands: [Sign.self, Cosign.self, Check.self], defaultSubcommand: Sign.self)
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
