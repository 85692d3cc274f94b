import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// What `import-sales` and `import-donations` do: read the file, check every row, record them all in one transaction.
public enum SheetImport {
    /// What was recorded (or, in a dry run, would have been).
    public struct Outcome {
        public var results: [AppendResult]
        public var lines: [Sheet.Line]
        /// The text encoding the file was read in.
        public var encoding: TextEncoding
        /// The ledger's state before the import, for describing the rows.
        public var state: LedgerState
    }

    /// How many problems a refusal lists before it only counts the rest.
    public static let problemsShown = 20

    /// Reads `file` as a sheet of `kind` and records its rows in `ledger`, signed by `signer` at `now`.
    /// - Throws: ``KitError/Code/file`` when the file cannot be read; ``KitError/Code/refused`` (`[bad_sheet]`,
    ///   `[bad_row]`) naming every problem when the file is not a good sheet, with nothing written; `LedgerError`
    ///   ``RowRefused`` when the rules refuse a row.
    public static func run(_ file: String, kind: Sheet.Kind, ledger: SQLiteLedger, signer: Ed25519.PrivateKey, now: Timestamp,
        dryRun: Bool) throws -> Outcome
    {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw KitError(.file, en: "cannot read \(file)", zh: "无法读取 \(file)")
        }
        guard let (text, encoding) = TextEncoding.decode(data) else {
            throw KitError(.refused,
                en: "[bad_sheet] \(file) is neither UTF-8 nor GB18030 text; save it from the spreadsheet as CSV — nothing was written.",
                zh: "[bad_sheet] \(file) 既不是 UTF-8 也不是 GB18030 文本；请在电子表格中另存为 CSV——未写入任何内容。")
        }
        let rows: [CSV.Row]
        do {
            rows = try CSV.parse(text)
        } catch {
            throw KitError(.refused, en: "[bad_row] \(file): row \(error.row): \(error.problem.english) — nothing was written.",
                zh: "[bad_row] \(file)：第 \(error.row) 行：\(error.problem.chinese)——未写入任何内容。")
        }
        let state = try ledger.state()
        let lines: [Sheet.Line]
        do {
            lines = try Sheet(kind: kind).check(rows, state: state)
        } catch {
            let shown = error.sentences.prefix(problemsShown)
            let more = error.sentences.count - shown.count
            let en = shown.map { "  " + $0.english } + (more > 0 ? ["  … and \(more) more"] : [])
            let zh = shown.map { "  " + $0.chinese } + (more > 0 ? ["  ……另有 \(more) 处"] : [])
            throw KitError(.refused,
                en: "[bad_row] \(file) was not recorded — nothing was written. Fix these and try again:\n" + en.joined(separator: "\n"),
                zh: "[bad_row] \(file) 未录入——未写入任何内容。请修改以下问题后重试：\n" + zh.joined(separator: "\n"))
        }
        do {
            let results = try ledger.append(batch: lines.map(\.item), signer: signer, now: now, dryRun: dryRun)
            return Outcome(results: results, lines: lines, encoding: encoding, state: state)
        } catch {
            guard let index = error.index else { throw error.error }
            throw RowRefused(file: file, row: lines[index].row, error: error.error)
        }
    }

    /// The rules refused one row of a sheet that was otherwise good; nothing was written.
    public struct RowRefused: Error, Sendable {
        public var file: String
        /// The row's number in the spreadsheet (the header is row 1).
        public var row: Int
        public var error: LedgerError
    }
}
