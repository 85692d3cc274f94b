import Foundation
import GRDB
import LedgerCore
import LedgerCrypto

/// The outcome of an append, for the line every appending command prints.
public struct AppendResult: Sendable {
    public enum Status: String, Sendable { case effective, pending }
    public var entry: Entry
    /// Whether the new entry is in force or waits for approval.
    public var status: Status
    /// For an approval: whether its target took effect with it.
    public var targetTookEffect: Bool

    /// A result reported by someone else's store, such as a server that accepted the entry.
    public init(entry: Entry, status: Status, targetTookEffect: Bool) {
        self.entry = entry
        self.status = status
        self.targetTookEffect = targetTookEffect
    }
}

extension SQLiteLedger {
    /// Composes, signs, checks and writes the next entry in one transaction; on refusal writes nothing.
    @discardableResult
    public func append(_ payload: Payload, memo: String? = nil, signer: Ed25519.PrivateKey, now: Timestamp)
        throws(LedgerError) -> AppendResult
    {
        try write { db throws(LedgerError) in
            let entry = try self.loadHeaderState(db).compose(payload, memo: memo, signer: signer, now: now)
            return try self.insert(entry, now: now, db)
        }
    }

    /// Like ``append(_:memo:signer:now:)``, optionally without keeping the Merkle tree: for the benchmark only,
    /// which appends to two copies of a ledger, one each way, to measure what the tree's upkeep adds to an append.
    /// A ledger appended to without its tree is unfit for anything else.
    @_spi(Benchmark) @discardableResult
    public func append(_ payload: Payload, memo: String? = nil, signer: Ed25519.PrivateKey, now: Timestamp, keepingMerkleTree: Bool)
        throws(LedgerError) -> AppendResult
    {
        try write { db throws(LedgerError) in
            let entry = try self.loadHeaderState(db).compose(payload, memo: memo, signer: signer, now: now)
            return try self.insert(entry, now: now, keepingMerkleTree: keepingMerkleTree, db)
        }
    }

    /// Checks and writes an entry signed elsewhere (genesis, an import, a remote author).
    @discardableResult
    public func append(_ entry: Entry, now: Timestamp) throws(LedgerError) -> AppendResult {
        try write { db throws(LedgerError) in
            try self.insert(entry, now: now, db)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, committed only if it returns.
    func write<T>(_ body: (Database) throws(LedgerError) -> T) throws(LedgerError) -> T {
        guard !isReadOnly else {
            throw LedgerError(.storage, en: "the ledger was opened for reading only; nothing was written",
                zh: "账本以只读方式打开，未写入任何内容")
        }
        var result: T?
        do {
            try StorageFailure.map(path) {
                try database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                    stateCache.commit()
                }
            }
        } catch {
            stateCache.discard()
            throw error
        }
        return result!
    }

    func insert(_ entry: Entry, now: Timestamp, keepingMerkleTree: Bool = true, _ db: Database) throws(LedgerError) -> AppendResult {
        let (state, context) = try loadState(for: entry, mode: .append(now: now), db)
        var next = state
        try next.apply(entry, context: context)
        if keepingMerkleTree {
            try writeRows(of: entry, db)
        } else {
            try writeRows(of: entry, nodes: [], db)
        }
        try writeChanges(from: state, to: next, db)
        try writeEffect(of: entry, before: state, after: next, db)
        stateCache.stage(from: state, to: next)
        let status: AppendResult.Status = next.pending[entry.seq] != nil ? .pending : .effective
        var tookEffect = false
        if case .approve(let approve) = entry.payload { tookEffect = next.pending[approve.target] == nil }
        return AppendResult(entry: entry, status: status, targetTookEffect: tookEffect)
    }

    /// The entry row and its derived index and Merkle rows.
    func writeRows(of entry: Entry, _ db: Database) throws(LedgerError) {
        let nodes = MerkleNodeTable(db: db, path: path)
        let completed = try MerkleNodeTable.nodesCompleted(byLeaf: entry.hash, at: entry.seq) { level, index throws(LedgerError) in
            try nodes.node(level: level, index: index)
        }
        try writeRows(of: entry, nodes: completed, db)
    }

    /// The entry row, its index row, and the Merkle nodes it completes. The statements are prepared once per
    /// connection and reused: an import writes millions of these rows.
    func writeRows(of entry: Entry, nodes completed: [(level: Int, index: Int, hash: EntryHash)], _ db: Database) throws(LedgerError) {
        try StorageFailure.map(path) {
            try db.cachedStatement(sql: "INSERT INTO entries (seq, hash, bytes) VALUES (?, ?, ?)")
                .execute(arguments: [entry.seq, Data(entry.hash.bytes), Data(entry.bytes)])
            var member = entry.payload.member
            if member == nil, let target = entry.payload.target {
                member = try String.fetchOne(db.cachedStatement(sql: "SELECT member FROM entry_index WHERE seq = ?"), arguments: [target])
            }
            try db.cachedStatement(sql: "INSERT INTO entry_index (seq, kind, member, target) VALUES (?, ?, ?, ?)")
                .execute(arguments: [entry.seq, entry.kind.rawValue, member, entry.payload.target])
            let insertNode = try db.cachedStatement(sql: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)")
            for node in completed {
                try insertNode.execute(arguments: [node.level, node.index, Data(node.hash.bytes)])
            }
        }
    }

    /// What the rules may ask of the past, fetched up front: the entry a reversal undoes, and a checkpoint's root.
    func context(for entry: Entry, state: LedgerState, mode: ApplyContext.Mode, _ db: Database) throws(LedgerError)
        -> ApplyContext
    {
        var earlier: [Int: Payload] = [:]
        var roots: [Int: EntryHash] = [:]
        if case .reversal(let reversal) = entry.payload, reversal.target < state.count,
            let target = try self.entry(reversal.target, db)
        {
            earlier[reversal.target] = target.payload
        }
        if case .checkpoint(let checkpoint) = entry.payload, checkpoint.size <= state.count {
            roots[checkpoint.size] = try merkleRoot(size: checkpoint.size, db)
        }
        let fetched = earlier
        let fetchedRoots = roots
        return ApplyContext(
            mode: mode,
            earlierPayload: { seq in fetched[seq] },
            merkleRoot: { size throws(LedgerError) in
                guard let root = fetchedRoots[size] else {
                    throw LedgerError(.badCheckpoint, en: "no tree of size \(size)", zh: "没有大小为 \(size) 的树")
                }
                return root
            })
    }

    /// The refusal every append and checkpoint gives once the summary tables no longer match the entries.
    public static func derivedDamage(_ path: String?) -> LedgerError {
        LedgerError(.storage,
            en: "the ledger's summary tables do not match its entries (the file was edited outside this program); "
                + "run `ledger verify`, then rebuild with `ledger export` and `ledger import`",
            zh: "账本的汇总表与条目不一致（文件曾被本程序以外的方式修改）；请运行 `ledger verify`，再用 `ledger export` 和 `ledger import` 重建")
    }
}
