import LedgerCore
import LedgerCrypto
import LedgerStore

/// A ``TestLedger`` history kept in a real SQLite store, for library tests of everything that reads one: the
/// pages, the notice, statements, receipts, exports, the mirror.
///
/// Every entry goes through both: the in-memory ledger (whose rules and clock tests control) and the store, which
/// runs every rule again as it writes.
public struct StoredLedger {
    public private(set) var fixture: TestLedger
    public let store: SQLiteLedger

    /// The fixture's clock: the time of the last entry.
    public var now: Timestamp { fixture.now }

    /// `fixture`'s entries in a new store: a file at `path`, or in memory when `path` is `nil`.
    public init(_ fixture: TestLedger, path: String? = nil) throws {
        self.fixture = fixture
        store = try path.map { try SQLiteLedger.create(at: $0, genesis: fixture.entries[0], now: fixture.now) }
            ?? SQLiteLedger.inMemory()
        for entry in fixture.entries.dropFirst(path == nil ? 0 : 1) { try store.append(entry, now: fixture.now) }
    }

    /// A small society: genesis (`TestLedger`), 1 H001 黄大伯 (note "private note", memo "private memo"), 2 H002 李阿婆,
    /// 3 a donation of ¥5,000 (receipt R-001), 4 a sale for H001 (黄皮 120 斤, ¥960, fee ¥48), 5 a grant of ¥300 to
    /// H002 (医疗救助, memo "grant memo"), 6 its approval by oversight1, 7 a grant of ¥200 to H001, left pending.
    public static func society(path: String? = nil) throws -> StoredLedger {
        var fixture = try TestLedger()
        try fixture.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯", note: "private note")), by: TestKeys.committee1,
            memo: "private memo")
        try fixture.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1)
        try fixture.append(.donation(Donation(donor: "爱心企业", amount: 500_000, receipt: "R-001")), by: TestKeys.committee2)
        try fixture.append(.sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: 96_000, fee: 4_800)),
            by: TestKeys.committee1)
        let grant = try fixture.append(.grant(Grant(member: "H002", amount: 30_000, purpose: "医疗救助")), by: TestKeys.committee1,
            memo: "grant memo")
        try fixture.approve(grant.seq, by: TestKeys.oversight1)
        try fixture.append(.grant(Grant(member: "H001", amount: 20_000, purpose: "助学")), by: TestKeys.committee1)
        return try StoredLedger(fixture, path: path)
    }

    /// Signs `payload` with `key` as the next entry and writes it to both ledgers.
    @discardableResult
    public mutating func append(_ payload: Payload, by key: Ed25519.PrivateKey, memo: String? = nil) throws -> Entry {
        let entry = try fixture.append(payload, by: key, memo: memo)
        try store.append(entry, now: fixture.now)
        return entry
    }
}
