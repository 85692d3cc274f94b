import Foundation
import GRDB
import LedgerCore

extension SQLiteLedger {
    /// Keeps a signed checkpoint, merging its signatures with any already kept for the same text.
    /// - Returns: the note with every signature known for that text.
    @discardableResult
    public func saveCheckpointNote(_ note: SignedNote, size: Int) throws(LedgerError) -> SignedNote {
        try write { db throws(LedgerError) in
            var merged = note
            let existing = try StorageFailure.map(self.path) {
                try String.fetchOne(db, sql: "SELECT note FROM checkpoint_notes WHERE text = ?", arguments: [note.text])
            }
            if let existing, let kept = try? SignedNote(parsing: existing) { merged.merge(signaturesOf: kept) }
            try StorageFailure.map(self.path) {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO checkpoint_notes (size, text, note, signed) VALUES (?, ?, ?, ?)",
                    arguments: [size, merged.text, merged.formatted, merged.signatures.count])
            }
            return merged
        }
    }

    /// The kept checkpoint of the largest size, with the most signatures at that size.
    public func latestCheckpointNote(atMost size: Int? = nil) throws(LedgerError) -> SignedNote? {
        try read { db throws(LedgerError) in
            let text = try StorageFailure.map(self.path) {
                try String.fetchOne(
                    db, sql: "SELECT note FROM checkpoint_notes WHERE size <= ? ORDER BY size DESC, signed DESC LIMIT 1",
                    arguments: [size ?? Int.max])
            }
            return text.flatMap { try? SignedNote(parsing: $0) }
        }
    }
}
