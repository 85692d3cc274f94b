import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// `SQLiteLedger.append(batch:)`: several payloads, one key, one transaction — all of them or none.
@Suite struct BatchAppendTests {
    static let now = Timestamp("2026-01-01T09:00:00Z")!

    /// A store holding TestLedger's genesis.
    static func store() throws -> SQLiteLedger {
        let ledger = try SQLiteLedger.inMemory()
        try ledger.append(try TestLedger().entries[0], now: now)
        return ledger
    }

    static let members: [BatchItem] = [
        BatchItem(.memberAdd(MemberAdd(member: "H01", name: "黄大伯"))),
        BatchItem(.memberAdd(MemberAdd(member: "H02", name: "刘阿姨"))),
        BatchItem(.sale(Sale(member: "H01", product: "鸡心黄皮", quantity: "120", unit: "斤", amount: 96_000, fee: 4_800)), memo: "2026-01-01"),
    ]

    static func bytes(_ ledger: SQLiteLedger) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try ledger.forEachBatch { batch throws(LedgerError) in lines += batch }
        return lines
    }

    @Test func aBatchIsRecordedInOrderAndVerifies() throws {
        let ledger = try Self.store()
        let results = try ledger.append(batch: Self.members, signer: TestKeys.committee1, now: Self.now)
        #expect(results.map(\.entry.seq) == [1, 2, 3])
        #expect(results.map(\.status) == [.effective, .effective, .effective])
        #expect(results[2].entry.body.memo == "2026-01-01")
        #expect(results[1].entry.body.prev == results[0].entry.hash)
        let state = try ledger.state()
        #expect(state.members["H01"]?.balance == 91_200)
        #expect(state.funds["general"]?.cash == 4_800)
        guard case .valid(let summary) = TestLedger.verify(try Self.bytes(ledger)) else {
            Issue.record("the batch's entries do not verify")
            return
        }
        #expect(summary.entries == 4)
    }

    @Test func aRefusedItemUndoesTheWholeBatch() throws {
        let ledger = try Self.store()
        let before = try Self.bytes(ledger)
        // The third item names a member nobody added: the first two must not stay either.
        var items = Self.members
        items[2] = BatchItem(.sale(Sale(member: "H09", product: "番薯", quantity: "5", unit: "斤", amount: 1_000)))
        do {
            try ledger.append(batch: items, signer: TestKeys.committee1, now: Self.now)
            Issue.record("the batch was recorded")
        } catch {
            #expect(error.index == 2)
            #expect(error.error.code == .unknownMember)
        }
        #expect(try Self.bytes(ledger) == before)
        #expect(try ledger.state().members.isEmpty)
        // An oversight key may not record sales: refused at the first item.
        do {
            try ledger.append(batch: Self.members, signer: TestKeys.oversight1, now: Self.now)
            Issue.record("an oversight key recorded members")
        } catch {
            #expect(error.index == 0)
            #expect(error.error.code == .wrongRole)
        }
        #expect(try Self.bytes(ledger) == before)
    }

    @Test func aDryRunWritesNothing() throws {
        let ledger = try Self.store()
        let before = try Self.bytes(ledger)
        let results = try ledger.append(batch: Self.members, signer: TestKeys.committee1, now: Self.now, dryRun: true)
        #expect(results.map(\.entry.seq) == [1, 2, 3])
        #expect(try Self.bytes(ledger) == before)
        #expect(try ledger.count() == 1)
        // …and the real run afterwards gets the same seqs.
        #expect(try ledger.append(batch: Self.members, signer: TestKeys.committee1, now: Self.now).map(\.entry.seq) == [1, 2, 3])
    }

    @Test func anEmptyBatchRecordsNothing() throws {
        let ledger = try Self.store()
        #expect(try ledger.append(batch: [], signer: TestKeys.committee1, now: Self.now).isEmpty)
        #expect(try ledger.count() == 1)
    }
}
