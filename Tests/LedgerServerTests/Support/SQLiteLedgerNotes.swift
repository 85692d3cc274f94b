import LedgerCore
import LedgerStore

/// Reads what a ledger file keeps besides its entries.
enum SQLiteLedgerNotes {
    static func latest(_ path: String) throws -> SignedNote? {
        try SQLiteLedger.open(at: path, readOnly: true).latestCheckpointNote()
    }
}
