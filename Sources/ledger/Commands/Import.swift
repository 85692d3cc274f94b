import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

extension Ledger {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Verify a .jsonl export, then load it into a new ledger file.", "核验 .jsonl 导出文件，然后载入为新的账本文件。"),
            discussion: t("All or nothing: if any entry fails, no ledger file is written. Example: ledger import backup.jsonl --ledger restored.db",
                "全部成功或完全不写：任何条目出错都不会生成账本文件。示例：ledger import backup.jsonl --ledger restored.db"))

        @Argument(help: ArgumentHelp(t("The .jsonl file.", ".jsonl 文件。"))) var file: String
        @OptionGroup var pin: GenesisPin
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try global.requireLocal()
            let destination = global.ledgerPath
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw CLIFailure(.storage, t("\(destination) already exists; import writes a new ledger (choose another --ledger)",
                    "\(destination) 已存在；导入会生成新账本（请用 --ledger 指定其他路径）"))
            }
            if try LedgerFile.isSQLite(file) {
                throw CLIFailure(.usage, t("\(file) is a ledger database; import takes a .jsonl export (make one with `ledger export`)",
                    "\(file) 是账本数据库；导入需要 .jsonl 导出文件（可用 `ledger export` 生成）"))
            }
            let progress = Progress(label: t("imported", "已导入"), total: Progress.estimatedLines(in: file))
            let result = try SQLiteLedger.importJSONLines(from: file, to: destination, pinnedGenesis: pin.hash) { progress.update($0) }
            progress.finish()
            let summary: VerificationSummary
            switch result {
            case .valid(let valid):
                summary = valid
            case .invalid(let error):
                throw CLIFailure(.invalidLedger, t("\(file) does not verify, so nothing was imported. ", "\(file) 核验未通过，未导入任何内容。")
                    + Sentences.invalidEntry(error))
            }
            let genesis = summary.genesis?.hex ?? ""
            if global.json {
                Format.printJSON(["ledger": destination, "entries": summary.entries, "head": summary.head.hex, "genesis": genesis,
                    "genesis_pinned": pin.hash != nil])
            } else {
                print(t("Imported \(summary.entries) entries into \(destination); head \(summary.head.hex).",
                    "已将 \(summary.entries) 条导入 \(destination)；最新哈希 \(summary.head.hex)。"))
                print(pin.sentence(accepted: genesis))
            }
        }
    }
}
