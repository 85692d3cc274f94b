import Foundation
import GRDB
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// An open ledger keeps the summary rows it decoded, by their bytes, so repeated appends skip the JSON decoding.
/// A row changed in the file behind its back must still count.
@Suite struct DecodedRowsTests {
    @Test func anAppendSeesAKeyRecordEditedAfterEarlierAppendsDecodedIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        let ledger = try FileLedger.create(at: path)
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1)

        // Another connection marks committee-1's key as revoked in the summary table.
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            let id = TestKeys.id(TestKeys.committee1)
            let record = try #require(try String.fetchOne(db, sql: "SELECT CAST(record AS TEXT) FROM state_keys WHERE id = ?", arguments: [id]))
            let edited = record.replacingOccurrences(of: #""status":"active""#, with: #""status":"revoked""#)
            #expect(edited != record)
            try db.execute(sql: "UPDATE state_keys SET record = ? WHERE id = ?", arguments: [Data(edited.utf8), id])
        }
        try other.close()

        let error = #expect(throws: LedgerError.self) {
            try ledger.append(.memberAdd(MemberAdd(member: "H003", name: "王叔")), by: TestKeys.committee1)
        }
        #expect(error?.code == .inactiveKey)
        // The unchanged key of committee-2 still signs: only the edited row was read again.
        try ledger.append(.memberAdd(MemberAdd(member: "H003", name: "王叔")), by: TestKeys.committee2)
    }

    /// The header an append wrote is remembered rather than decoded by the next append; a process that opens the file
    /// afresh must read exactly the same state from the bytes.
    @Test func aFreshOpenReadsTheStateTheWritingLedgerRemembers() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        let ledger = try FileLedger.create(at: path)
        var checked = 0
        try History.append(to: ledger) { ledger in
            let fresh = try SQLiteLedger.open(at: path, readOnly: true).state()
            #expect(fresh == (try ledger.state()))
            checked += 1
        }
        #expect(checked == History.count - 1)
    }
}
