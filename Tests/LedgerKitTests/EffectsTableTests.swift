import Foundation
import GRDB
import LedgerCore
import LedgerCrypto
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// The store's `effects` table — each money movement where it took effect, with the balances after it — must say
/// exactly what working it out from every entry says (``EffectRecord/all(entries:state:)``, built on ``Activity``),
/// however the file was written: entry by entry, by an import, or before the table existed.
@Suite struct EffectsTableTests {
    /// The demo's year: donations in cash and goods, sales with fees, grants, payouts, an expense, reversals, a
    /// rejection, entries still pending, keys added.
    static func demoYear(in folder: TemporaryFolder) throws -> SQLiteLedger { try demoYearWithKeys(in: folder).ledger }

    static func demoYearWithKeys(in folder: TemporaryFolder) throws -> (ledger: SQLiteLedger, keys: [String: Ed25519.PrivateKey]) {
        try FileManager.default.createDirectory(atPath: folder.path("keys"), withIntermediateDirectories: true)
        let keys = try DemoSociety.makeKeys(in: folder.path("keys"))
        let start = Timestamp(secondsSinceEpoch: 1_767_225_600) // 2026-01-01
        let genesis = try LedgerState().compose(.genesis(try DemoSociety.charter(keys)), signer: keys["chen"]!, now: start)
        let ledger = try SQLiteLedger.create(at: folder.path("demo.db"), genesis: genesis, now: start)
        var year = DemoYear(ledger: ledger, keys: keys, start: start)
        try year.run()
        return (ledger, keys)
    }

    static func worked(_ ledger: SQLiteLedger) throws -> [(record: EffectRecord, totals: EffectTotals)] {
        EffectRecord.all(entries: try ledger.allEntries(), state: try ledger.state())
    }

    /// The balances the store gives right after each effect, as the store reads them one at a time.
    static func storedTotals(_ ledger: SQLiteLedger, _ records: [EffectRecord]) throws -> [EffectTotals] {
        try records.map { record in
            try ledger.effectTotals(before: Timestamp(secondsSinceEpoch: record.time.secondsSinceEpoch + 1))
        }
    }

    @Test func appendsKeepTheTableAsTheEntriesSayAndTheBalancesAsTheState() throws {
        let folder = try TemporaryFolder()
        let ledger = try Self.demoYear(in: folder)
        let worked = try Self.worked(ledger)
        let stored = try ledger.effects(from: nil, to: nil)
        #expect(stored.count > 100)
        #expect(stored == worked.map(\.record))
        // The balances after the last movement of each second are the ones worked out from the entries.
        let lastOfEachSecond = worked.indices.filter { $0 == worked.count - 1 || worked[$0 + 1].record.time != worked[$0].record.time }
        #expect(try Self.storedTotals(ledger, lastOfEachSecond.map { worked[$0].record }) == lastOfEachSecond.map { worked[$0].totals })
        // The kinds it must have met for the test to mean something.
        let kinds = Set(try stored.map { try #require(try ledger.entry($0.seq)).kind })
        #expect(kinds.isSuperset(of: [.donation, .sale, .grant, .payout, .reversal]), "\(kinds)")
        // After the last movement the balances are the state's.
        let state = try ledger.state()
        let totals = try ledger.effectTotals(before: nil)
        for fund in state.funds.values {
            #expect(totals.cash[fund.id, default: 0] == fund.cash && totals.inKind[fund.id, default: 0] == fund.inKind, "\(fund.id)")
        }
        #expect(totals.heldForMembers == state.members.values.reduce(0) { $0 + $1.balance })
        #expect(try ledger.latestEffect() == worked.last?.record)
    }

    @Test func aPeriodReadsItsOwnMovementsAndTheBalancesBeforeIt() throws {
        let folder = try TemporaryFolder()
        let ledger = try Self.demoYear(in: folder)
        let worked = try Self.worked(ledger)
        let start = worked[worked.count / 3].record.time, end = worked[2 * worked.count / 3].record.time
        #expect(try ledger.effects(from: start, to: end) == worked.map(\.record).filter { $0.time >= start && $0.time < end })
        #expect(try ledger.effectTotals(before: start) == (worked.last { $0.record.time < start }?.totals ?? EffectTotals()))
        #expect(try ledger.effectTotals(before: worked[0].record.time) == EffectTotals())
    }

    @Test func anImportFillsTheTableAsAppendsWould() throws {
        let folder = try TemporaryFolder()
        let ledger = try Self.demoYear(in: folder)
        try FileManager.default.createDirectory(atPath: folder.path("exports"), withIntermediateDirectories: true)
        _ = try DemoSociety.writeExports(of: ledger, to: folder.path("exports"))
        _ = try SQLiteLedger.importJSONLines(from: folder.path("exports/ledger.jsonl"), to: folder.path("copy.db"))
        let copy = try SQLiteLedger.open(at: folder.path("copy.db"))
        let records = try ledger.effects(from: nil, to: nil)
        #expect(try copy.effects(from: nil, to: nil) == records)
        #expect(try Self.storedTotals(copy, records) == (try Self.storedTotals(ledger, records)))
    }

    @Test func aFileFromBeforeTheTableGetsItFilledWhenOpenedAndIsWorkedOutWhenOnlyRead() throws {
        let folder = try TemporaryFolder()
        let original = try Self.demoYear(in: folder)
        let wanted = try original.effects(from: nil, to: nil)
        let wantedTotals = try Self.storedTotals(original, wanted)
        // Made as an older version left it: no table, and no record of its migration.
        let older = try DatabaseQueue(path: folder.path("demo.db"))
        try older.write { db in
            try db.execute(sql: "DROP TABLE effects")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-effects'")
        }
        try older.close()
        let readOnly = try SQLiteLedger.open(at: folder.path("demo.db"), readOnly: true)
        #expect(try readOnly.effects(from: nil, to: nil) == wanted)
        #expect(try Self.storedTotals(readOnly, wanted) == wantedTotals)
        let reopened = try SQLiteLedger.open(at: folder.path("demo.db"))
        #expect(try reopened.effects(from: nil, to: nil) == wanted)
        #expect(try Self.storedTotals(reopened, wanted) == wantedTotals)
    }
}
