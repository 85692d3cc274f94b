import Foundation
import LedgerCore
import LedgerServer
import LedgerStore
import LedgerTesting
import Testing

@Suite struct StorageErrorTests {
    /// A store that cannot write answers 500 `storage` with a message that names no file.
    @Test func aStoreThatCannotWriteIsA500WithoutDetails() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-server-storage-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try TestLedger()
        let path = folder.appendingPathComponent("society.db").path
        _ = try SQLiteLedger.create(at: path, genesis: fixture.entries[0], now: fixture.now)
        let readOnly = try SQLiteLedger.open(at: path, readOnly: true)
        let now = Timestamp(secondsSinceEpoch: fixture.now.secondsSinceEpoch + 60)
        let api = LedgerAPI(ledger: readOnly, limits: ServerLimits(requestsPerSecond: 0), clock: { now })
        let entry = try readOnly.state().compose(.donation(Donation(donor: "王姐", amount: 500)), signer: TestKeys.committee1, now: now)
        let response = await api.respond(to: APIRequest(method: .post, path: "/api/v1/entries", body: entry.bytes))
        #expect(response.status == 500)
        #expect(ServedLedger.code(response) == "storage")
        let message = try #require(ServedLedger.message(response))
        #expect(!message.contains(folder.path) && !message.contains("society.db"))
        #expect(try readOnly.count() == 1)
    }
}
