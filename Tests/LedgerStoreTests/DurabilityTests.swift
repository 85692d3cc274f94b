import Foundation
import GRDB
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// An append is durable when it returns: WAL with `synchronous = FULL`, on a new file and on a reopened one.
@Suite struct DurabilityTests {
    @Test func aNewLedgerFileSyncsFullyInWALMode() throws {
        let folder = try TemporaryFolder()
        let ledger = try FileLedger.create(at: folder.path("ledger.db"))
        #expect(try ledger.synchronousSetting() == 2)
        #expect(try Self.journalMode(folder.path("ledger.db")) == "wal")
    }

    @Test func aReopenedLedgerFileSyncsFullyInWALMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        try FileLedger.createWithHistory(at: path)
        let ledger = try SQLiteLedger.open(at: path)
        #expect(try ledger.synchronousSetting() == 2)
        #expect(try Self.journalMode(path) == "wal")
    }

    @Test func anImportedLedgerFileIsInWALMode() throws {
        let folder = try TemporaryFolder()
        try FileLedger.createWithHistory(at: folder.path("source.db"))
        let lines = try FileLedger.lines(of: SQLiteLedger.open(at: folder.path("source.db"), readOnly: true))
        try FileLedger.jsonl(lines).write(to: URL(fileURLWithPath: folder.path("export.jsonl")))
        _ = try SQLiteLedger.importJSONLines(from: folder.path("export.jsonl"), to: folder.path("copy.db"))
        #expect(try Self.journalMode(folder.path("copy.db")) == "wal")
        #expect(try SQLiteLedger.open(at: folder.path("copy.db")).synchronousSetting() == 2)
    }

    /// The journal mode recorded in the file, read by a separate plain connection.
    static func journalMode(_ path: String) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? database.close() }
        return try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    }
}
