import Foundation
import LedgerTesting
import GRDB
import LedgerCore
import LedgerStore
import Testing

/// Opening something that is not a ledger fails with a `storage` error a person can act on, and creates nothing.
@Suite struct OpenFailureTests {
    @Test(arguments: [false, true])
    func aMissingPathIsRefusedWithoutCreatingIt(readOnly: Bool) throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: LedgerError.self) { try SQLiteLedger.open(at: folder.path("nothing.db"), readOnly: readOnly) }
        #expect(error?.code == .storage)
        #expect(error?.message.english.contains("there is no ledger at") == true)
        #expect(error?.message.english.contains("ledger init") == true)
        #expect(error?.message.chinese.contains("没有账本") == true)
        #expect(try folder.listing().isEmpty)
    }

    @Test(arguments: [false, true])
    func aFileThatIsNotSQLiteIsRefusedAndLeftAlone(readOnly: Bool) throws {
        let folder = try TemporaryFolder()
        let contents = Data(String(repeating: "{\"body\":{},\"sig\":\"\"}\n", count: 300).utf8)
        try contents.write(to: URL(fileURLWithPath: folder.path("export.db")))

        let error = #expect(throws: LedgerError.self) { try SQLiteLedger.open(at: folder.path("export.db"), readOnly: readOnly) }

        #expect(error?.code == .storage)
        #expect(error?.message.english.contains("not a ledger database") == true)
        #expect(firstDifference(folder.bytes("export.db"), contents) == nil)
        #expect(try folder.listing() == ["export.db"])
    }

    @Test(arguments: [false, true])
    func aTruncatedLedgerFileIsRefusedAndLeftAlone(readOnly: Bool) throws {
        let folder = try TemporaryFolder()
        try FileLedger.createWithHistory(at: folder.path("full.db"))
        let full = try #require(folder.bytes("full.db"))
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: URL(fileURLWithPath: folder.path("truncated.db")))
        try FileManager.default.removeItem(atPath: folder.path("full.db"))
        let listing = try folder.listing()

        let error = #expect(throws: LedgerError.self) {
            let ledger = try SQLiteLedger.open(at: folder.path("truncated.db"), readOnly: readOnly)
            _ = try ledger.state()
            _ = try FileLedger.lines(of: ledger)
        }

        #expect(error?.code == .storage)
        let message = error?.message.english ?? ""
        #expect(message.contains("truncated.db"))
        #expect(message.contains("damaged") || message.contains("not a ledger"))
        #expect(firstDifference(folder.bytes("truncated.db"), Data(truncated)) == nil)
        #expect(try folder.listing() == listing)
    }

    @Test(arguments: [false, true])
    func anSQLiteFileThatIsNotALedgerIsRefused(readOnly: Bool) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite")
        do {
            let database = try DatabaseQueue(path: path)
            try database.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi')") }
            try database.close()
        }
        let before = try #require(folder.bytes("notes.sqlite"))

        let error = #expect(throws: LedgerError.self) { try SQLiteLedger.open(at: path, readOnly: readOnly) }

        #expect(error?.code == .storage)
        #expect(error?.message.english.contains("is an SQLite file but not a ledger") == true)
        #expect(firstDifference(folder.bytes("notes.sqlite"), before) == nil)
    }
}
