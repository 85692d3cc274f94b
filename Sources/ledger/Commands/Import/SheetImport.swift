import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

/// What `import-sales` and `import-donations` share: their options, their help, and how they report.
struct SheetImport {
    struct Options: ParsableArguments {
        @Argument(help: ArgumentHelp(t("The .csv file (UTF-8 with or without BOM, or GB18030).", ".csv 文件（UTF-8，带或不带 BOM，或 GB18030）。")),
            completion: .file(extensions: ["csv"]))
        var file: String
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(t("Check every row and show what would be recorded; write nothing.",
            "检查每一行并显示将录入的内容，不写入任何内容。")))
        var dryRun = false
        @OptionGroup var global: GlobalOptions
    }

    static func discussion(columns: String, example: String) -> String {
        t("""
            The first row names the columns, in Chinese or English, in any order: \(columns). Every row is checked before anything is written: a single bad row refuses the whole file, naming its row (the header is row 1), its column and what is wrong. A good file is recorded in one transaction, all of it or nothing. Files saved by Excel on Chinese Windows (GB18030) are read as they are.
            \(privacyNote)
            Example: \(example)
            """,
            """
            第一行写明各列名称（中文或英文均可，顺序不限）：\(columns)。写入前逐行检查：只要有一行有误，整个文件都不录入，并指出行号（表头为第 1 行）、列和错误。检查通过的文件在一个事务中全部录入，要么全部成功，要么一条也不写。中文 Windows 上 Excel 保存的文件（GB18030）可直接读取。
            \(privacyNote)
            示例：\(example)
            """)
    }

    let kind: Sheet.Kind
    let options: Options

    func run() async throws {
        let ledger = try await options.global.openLedger()
        let outcome: LedgerKit.SheetImport.Outcome
        do {
            outcome = try LedgerKit.SheetImport.run(options.file, kind: kind, ledger: ledger, signer: try options.global.signingKey(),
                now: .now(), dryRun: options.dryRun)
        } catch let refused as LedgerKit.SheetImport.RowRefused {
            let refusal = CLIFailure(refused.error)
            throw CLIFailure(refusal.exit, t("row \(refused.row) of \(refused.file): ", "\(refused.file) 第 \(refused.row) 行：") + refusal.message)
        }
        report(outcome.results, lines: outcome.lines, encoding: outcome.encoding, state: outcome.state)
    }

    private func report(_ results: [AppendResult], lines: [Sheet.Line], encoding: TextEncoding, state: LedgerState) {
        let global = options.global
        if global.json {
            Format.printJSON([
                "file": options.file, "encoding": encoding.rawValue, "dry_run": options.dryRun,
                "entries": zip(lines, results).map { line, result in
                    ["row": line.row, "seq": result.entry.seq, "hash": result.entry.hash.hex, "kind": result.entry.kind.rawValue,
                     "status": result.status.rawValue, "summary": Describe.payload(result.entry.payload, state: state)]
                },
            ])
            return
        }
        let header = [t("Row", "行"), t("Seq", "序号"), t("What", "内容"), t("Memo", "备注"), t("Hash", "哈希")]
        let rows = zip(lines, results).map { line, result in
            ["\(line.row)", "\(result.entry.seq)", Describe.payload(result.entry.payload, state: state), line.item.memo ?? "",
             options.dryRun ? "" : Format.shortHash(result.entry.hash)]
        }
        let encodingName = encoding == .utf8 ? "UTF-8" : "GB18030"
        let first = results.first?.entry.seq ?? 0, last = results.last?.entry.seq ?? 0
        if options.dryRun {
            print(t("Dry run: \(options.file) (\(encodingName)) has \(results.count) rows that would be recorded as entries \(first)–\(last). Nothing was written.",
                "试运行：\(options.file)（\(encodingName)）共 \(results.count) 行，将录入为第 \(first)–\(last) 条。未写入任何内容。"))
        } else {
            print(t("Recorded \(results.count) entries from \(options.file) (\(encodingName)): entries \(first)–\(last), all effective.",
                "已从 \(options.file)（\(encodingName)）录入 \(results.count) 条：第 \(first)–\(last) 条，全部已生效。"))
        }
        print(Format.table(header, rows, rightAligned: [0, 1]))
    }
}
