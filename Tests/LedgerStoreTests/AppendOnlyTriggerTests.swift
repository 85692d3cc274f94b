import Foundation
import GRDB
import LedgerStore
import LedgerTesting
import Testing

/// The `entries` table refuses UPDATE and DELETE at the SQLite level, whoever opens the file.
@Suite struct AppendOnlyTriggerTests {
    static let statements = [
        "UPDATE entries SET bytes = x'00' WHERE seq = 1",
        "UPDATE entries SET seq = 99 WHERE seq = 2",
        "DELETE FROM entries WHERE seq = 3",
        "DELETE FROM entries",
    ]

    @Test(arguments: statements)
    func editingEntriesDirectlyIsRefused(_ sql: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        try FileLedger.createWithHistory(at: path)
        let database = try DatabaseQueue(path: path)
        let before = try database.read { try Data.fetchAll($0, sql: "SELECT bytes FROM entries ORDER BY seq") }

        let error = #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: sql) } }

        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        #expect(error?.message?.contains("append-only") == true)
        let after = try database.read { try Data.fetchAll($0, sql: "SELECT bytes FROM entries ORDER BY seq") }
        #expect(after == before)
        #expect(after.count == History.count)
        try database.close()
        #expect(try SQLiteLedger.open(at: path).count() == History.count)
    }
}
