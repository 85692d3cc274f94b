import LedgerCore
import LedgerCrypto

/// An in-memory ledger for tests: appends entries through the same rules a store applies, keeps their bytes,
/// and verifies them from scratch on demand.
public struct TestLedger {
    public private(set) var state = LedgerState()
    public private(set) var entries: [Entry] = []
    public private(set) var tree = MerkleTree()
    /// The clock: each append advances it by a minute unless a test sets it.
    public var now = Timestamp("2026-01-01T08:00:00Z")!

    /// A ledger founded by committee1 with committee keys 1–3 (holders 陈, 李, 王) and oversight keys 1–2
    /// (holders 张, 何), funds `general` and `medical`, and the default policy unless one is given.
    public init(policy: Policy = Policy()) throws {
        let genesis = Genesis(
            society: "测试互助社", ledger: "0123456789abcdef0123456789abcdef",
            funds: [FundDescriptor(id: "general", name: "社区慈善基金"), FundDescriptor(id: "medical", name: "医疗救助金")],
            keys: [
                TestKeys.descriptor(TestKeys.committee1, .committee, "陈"),
                TestKeys.descriptor(TestKeys.committee2, .committee, "李"),
                TestKeys.descriptor(TestKeys.committee3, .committee, "王"),
                TestKeys.descriptor(TestKeys.oversight1, .oversight, "张"),
                TestKeys.descriptor(TestKeys.oversight2, .oversight, "何"),
            ],
            policy: policy)
        try append(.genesis(genesis), by: TestKeys.committee1)
    }

    /// An empty ledger, for tests of genesis itself.
    public static func empty() -> TestLedger { TestLedger(empty: ()) }
    private init(empty: Void) {}

    /// Signs `payload` with `key` as the next entry and appends it under the store's rules.
    @discardableResult
    public mutating func append(_ payload: Payload, by key: Ed25519.PrivateKey, memo: String? = nil) throws(LedgerError)
        -> Entry
    {
        now = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + 60)
        let entry = try state.compose(payload, memo: memo, signer: key, now: now)
        try append(entry)
        return entry
    }

    /// Appends an already-signed entry under the store's rules.
    public mutating func append(_ entry: Entry) throws(LedgerError) {
        try state.apply(entry, context: context(mode: .append(now: now)))
        entries.append(entry)
        tree.append(entry.hash)
    }

    /// Approves entry `seq` with `key`.
    @discardableResult
    public mutating func approve(_ seq: Int, by key: Ed25519.PrivateKey) throws(LedgerError) -> Entry {
        try append(.approve(Approve(target: seq, hash: entries[seq].hash)), by: key)
    }

    /// The context a store would give: earlier payloads and roots from the entries kept here.
    public func context(mode: ApplyContext.Mode) -> ApplyContext {
        let entries = self.entries
        let tree = self.tree
        return ApplyContext(
            mode: mode, earlierPayload: { seq in seq < entries.count ? entries[seq].payload : nil },
            merkleRoot: { size in tree.root(size: size) })
    }

    /// The exact bytes of every entry, in order.
    public var bytes: [[UInt8]] { entries.map(\.bytes) }

    /// Verifies `lines` from scratch, as `ledger verify` would.
    public static func verify(_ lines: [[UInt8]], genesis: EntryHash? = nil, batchSize: Int = 7) -> VerificationResult {
        var verifier = ChainVerifier(pinnedGenesis: genesis)
        var start = 0
        while start < lines.count {
            verifier.verify(batch: Array(lines[start..<min(start + batchSize, lines.count)]))
            start += batchSize
        }
        return verifier.finish()
    }

    /// Verifies this ledger's own bytes.
    public func verify() -> VerificationResult { TestLedger.verify(bytes) }

    /// Signs an arbitrary body with `key` — for forging tests that need an entry the rules would refuse.
    public static func forge(_ body: Body, with key: Ed25519.PrivateKey) throws -> Entry {
        try Entry.sign(body, with: key)
    }
}
