import Foundation
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

extension Ledger.Export {
    /// `--format journal`: an hledger journal, one balanced transaction per money movement that took effect.
    func exportJournal(_ ledger: SQLiteLedger) throws {
        let state = try ledger.state()
        let journal = Journal(entries: try ledger.entries(), state: state)
        let text = journal.text
        try AtomicOutput.write(to: out) { $0(Data(text.utf8)) }
        if let out {
            if global.json { Format.printJSON(["transactions": journal.transactions.count, "out": out]) } else {
                print(t("Wrote \(journal.transactions.count) transactions to \(out). Check it with: hledger -f \(out) balance",
                    "已将 \(journal.transactions.count) 笔交易写入 \(out)。可用以下命令核对：hledger -f \(out) balance"))
            }
        }
    }
}
