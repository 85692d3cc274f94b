import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Oversight audit: verify the whole ledger, record a checkpoint entry, print the note to cosign.",
                "监督审计：核验整个账本，记录检查点条目，并输出可联署的检查点。"),
            discussion: t("Example: ledger audit --key zhang.pem > checkpoint.txt", "示例：ledger audit --key zhang.pem > checkpoint.txt"))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger()
            switch try LedgerKit.Audit.run(ledger, signer: try global.signingKey(), now: .now()) {
            case .invalid(let error):
                throw CLIFailure(.invalidLedger, Sentences.invalidEntry(error))
            case .recorded(let summary, let seq, let note):
                if !global.json {
                    printInfo(t("Verified \(summary.entries) entries; recorded checkpoint entry \(seq). Cosign the note below and post it:",
                        "已核验 \(summary.entries) 条；已记录检查点条目第 \(seq) 条。请联署并公示以下检查点："))
                }
                printNote(note, global: global)
            }
        }
    }
}
