import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Export: AsyncParsableCommand {
        enum Form: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, journal }

        static let configuration = CommandConfiguration(
            abstract: t("Write the ledger as JSON Lines (each entry's exact bytes), a spreadsheet (csv) or an hledger journal.",
                "导出账本：JSON Lines（每行一条条目的原始字节）、电子表格（csv）或 hledger 账簿（journal）。"),
            discussion: t(
                """
                jsonl (the default) can be checked with `ledger verify FILE.jsonl` and loaded with `ledger import`. csv has one row per money movement that took effect, in yuan, for Excel (UTF-8 with a byte order mark, or --encoding gb18030). journal is a plain-text accounting journal whose `hledger balance` equals `ledger funds` and `ledger balance`.
                Examples: ledger export --out backup.jsonl
                          ledger export --format csv --out 账目.csv
                          ledger export --format journal --out society.journal && hledger -f society.journal balance
                """,
                """
                jsonl（默认）可用 `ledger verify FILE.jsonl` 核验，用 `ledger import` 载入。csv 每行一笔已生效的收支，金额以元计，可直接用 Excel 打开（UTF-8 带 BOM，或 --encoding gb18030）。journal 是纯文本复式账簿，其 `hledger balance` 与 `ledger funds`、`ledger balance` 完全一致。
                示例：ledger export --out backup.jsonl
                      ledger export --format csv --out 账目.csv
                      ledger export --format journal --out society.journal && hledger -f society.journal balance
                """))

        @Option(help: ArgumentHelp(t("Format: jsonl, csv or journal.", "格式：jsonl、csv 或 journal。"))) var format: Form = .jsonl
        @Option(help: ArgumentHelp(t("Text encoding of a csv export: utf8 (with a byte order mark) or gb18030.",
            "csv 的文本编码：utf8（带 BOM）或 gb18030。"))) var encoding: TextEncoding = .utf8
        @Option(help: ArgumentHelp(t("Output file (default: standard output).", "输出文件（默认为标准输出）。"), valueName: "file"),
            completion: .file()) var out: String?
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if encoding != .utf8, format != .csv {
                throw ValidationError(t("Please use --encoding only with --format csv.", "--encoding 只能与 --format csv 一起使用。"))
            }
        }

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            switch format {
            case .jsonl: break
            case .csv: return try exportSpreadsheet(ledger)
            case .journal: return try exportJournal(ledger)
            }
            var count = 0
            let progress = Progress(label: t("exported", "已导出"), total: try ledger.count())
            try AtomicOutput.write(to: out) { handle in
                try ledger.forEachBatch { batch throws(LedgerError) in
                    var chunk = Data()
                    for bytes in batch {
                        chunk.append(contentsOf: bytes)
                        chunk.append(0x0a)
                    }
                    handle(chunk)
                    count += batch.count
                    progress.update(count)
                }
            }
            progress.finish()
            if let out {
                if global.json { Format.printJSON(["entries": count, "out": out]) } else {
                    print(t("Wrote \(count) entries to \(out).", "已将 \(count) 条写入 \(out)。"))
                }
            }
        }
    }
}
