import LedgerCore
import LedgerKit
import LedgerTesting
import LedgerViews
import Testing

/// The journal and spreadsheet exports worked out in the library: every transaction balances, and the sums equal
/// the store's own balances.
@Suite struct ExportTests {
    @Test func everyJournalTransactionBalancesAndTheAccountsEqualTheStore() throws {
        let ledger = try StoredLedger.society()
        let state = try ledger.store.state()
        let journal = Journal(entries: try ledger.store.allEntries(), state: state)
        #expect(!journal.transactions.isEmpty)
        var accounts: [String: Fen] = [:]
        for transaction in journal.transactions {
            #expect(transaction.postings.reduce(Fen(0)) { $0 + $1.amount } == 0, "transaction \(transaction.seq) does not balance")
            for posting in transaction.postings { accounts[posting.account, default: 0] += posting.amount }
        }
        for fund in state.funds.values { #expect(accounts[Journal.fundCash(fund.id), default: 0] == fund.cash, "\(fund.id)") }
        for member in state.members.values { #expect(accounts[Journal.member(member.id), default: 0] == -member.balance, "\(member.id)") }
        // The pending grant (seq 7) is not in the books yet.
        #expect(!journal.transactions.contains { $0.seq == 7 })
        #expect(journal.text.contains("; seq:5") || journal.text.contains("seq:5"))
    }

    @Test func theSpreadsheetHasOneRowPerMovementThatTookEffect() throws {
        let ledger = try StoredLedger.society()
        let state = try ledger.store.state()
        let rows = SpreadsheetExport.rows(entries: try ledger.store.allEntries(), state: state)
        // The donation, the sale and the approved grant; the pending grant has not moved money.
        #expect(rows.count == 3)
        let header = Language.$current.withValue(.zh) { SpreadsheetExport.header }
        #expect(header.count == rows[0].count && header.contains("日期"))
        #expect(Language.$current.withValue(.en) { SpreadsheetExport.header }.contains("Date"))
    }
}
