/// What the pages, the notice board, receipts, proofs and the mirror read from a ledger, whatever keeps it.
///
/// One small protocol above the store, as `sumdb/tlog` keeps its storage behind `HashReader`: the SQLite file
/// conforms today, and so does any copy of a served ledger (`RemoteLedger.replica()` checks a server's entries into
/// one), so a second store is a drop-in. Reads are synchronous: a store that is asynchronous underneath answers them
/// on a thread of its own, never on an event loop.
///
/// Every answer must come from one state of the ledger when the reader is used inside one read transaction (the
/// server runs each request's reads together).
public protocol LedgerReader {
    /// The rules' state after every entry.
    func state() throws(LedgerError) -> LedgerState
    /// The number of entries.
    func count() throws(LedgerError) -> Int
    /// Entry `seq`, or `nil` past the end.
    func entry(_ seq: Int) throws(LedgerError) -> Entry?
    /// Entries from `from`, at most `limit`, of one kind or naming one member when asked.
    func entries(from: Int, limit: Int?, kind: Kind?, member: MemberID?) throws(LedgerError) -> [Entry]
    /// The approvals, rejections and reversals that name entry `target`.
    func entries(referringTo target: Int) throws(LedgerError) -> [Entry]
    /// The Merkle root of the first `size` entries (all of them when `nil`).
    func merkleRoot(size: Int?) throws(LedgerError) -> EntryHash
    /// The RFC 9162 inclusion proof of entry `index` in the tree of `size` entries.
    func inclusionProof(index: Int, size: Int) throws(LedgerError) -> [EntryHash]
    /// The RFC 9162 consistency proof between the trees of `old` and `new` entries.
    func consistencyProof(old: Int, new: Int) throws(LedgerError) -> [EntryHash]
    /// The kept signed checkpoint of the largest size, at most `size` when given, with every signature it gathered.
    func latestCheckpointNote(atMost size: Int?) throws(LedgerError) -> SignedNote?
    /// The money movements that took effect from `start` up to but not including `end` (either open), in order,
    /// with the balances right after each: what a month's notice reads, without the rest of the ledger.
    func effects(from start: Timestamp?, to end: Timestamp?) throws(LedgerError) -> [EffectRecord]
    /// The balances right after the last movement before `time` (after every movement when `nil`).
    func effectTotals(before time: Timestamp?) throws(LedgerError) -> EffectTotals
    /// The last money movement to take effect, if any.
    func latestEffect() throws(LedgerError) -> EffectRecord?
}

extension LedgerReader {
    /// Every entry, in order.
    public func allEntries() throws(LedgerError) -> [Entry] { try entries(from: 0, limit: nil, kind: nil, member: nil) }

    /// Every entry naming `member`, in order.
    public func entries(of member: MemberID) throws(LedgerError) -> [Entry] {
        try entries(from: 0, limit: nil, kind: nil, member: member)
    }

    /// The kept signed checkpoint of the largest size.
    public func latestCheckpoint() throws(LedgerError) -> SignedNote? { try latestCheckpointNote(atMost: nil) }

    /// The Merkle root of every entry.
    public func currentRoot() throws(LedgerError) -> EntryHash { try merkleRoot(size: nil) }
}
