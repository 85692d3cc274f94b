import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

extension Ledger.Export {
    /// `--format csv`: one row per money movement that took effect, for Excel on Chinese Windows.
    ///
    /// A row is one entry's effect where it took effect (a grant at its approval); a reversal is a row of its own
    /// with the opposite amounts. The three change columns add up to the funds' cash, their in-kind value and
    /// what is held for members.
    func exportSpreadsheet(_ ledger: SQLiteLedger) throws {
        let state = try ledger.state()
        let entries = try ledger.entries()
        let rows = SpreadsheetExport.rows(entries: entries, state: state)
        var text = CSV.record(SpreadsheetExport.header)
        for row in rows { text += CSV.record(row, numeric: SpreadsheetExport.numericColumns) }
        let data = try encoding.encode(text)
        try AtomicOutput.write(to: out) { $0(data) }
        if let out {
            if global.json { Format.printJSON(["rows": rows.count, "out": out, "encoding": encoding.rawValue]) } else {
                print(t("Wrote \(rows.count) money movements to \(out) (\(encoding == .utf8 ? "UTF-8" : "GB18030")).",
                    "已将 \(rows.count) 笔收支写入 \(out)（\(encoding == .utf8 ? "UTF-8" : "GB18030")）。"))
            }
        }
    }
}
