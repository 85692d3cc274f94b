import Foundation
import GRDB
import LedgerCore

extension SQLiteLedger {
    /// The rules' state after the last entry.
    public func state() throws(LedgerError) -> LedgerState {
        try read { db throws(LedgerError) in
            if let kept = self.stateCache.state(count: try self.storedCount(db)) { return kept }
            let state = try self.loadState(db)
            self.stateCache.keep(state)
            return state
        }
    }

    /// The count the summary row gives, when the entries agree (else -1, which no kept state has).
    private func storedCount(_ db: Database) throws(LedgerError) -> Int {
        try StorageFailure.map(path) {
            let stored = try Int.fetchOne(db.cachedStatement(sql: "SELECT count FROM state_header WHERE id = 1"))
            let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM entries"))
            return stored == (last ?? -1) + 1 ? stored ?? -1 : -1
        }
    }

    /// The number of entries.
    public func count() throws(LedgerError) -> Int {
        try read { db throws(LedgerError) in try self.count(db) }
    }

    /// One entry by seq, or `nil` if there is none.
    public func entry(_ seq: Int) throws(LedgerError) -> Entry? {
        try read { db throws(LedgerError) in try self.entry(seq, db) }
    }

    /// Entries in seq order from `from`, optionally only of one kind or touching one member.
    public func entries(from: Int = 0, limit: Int? = nil, kind: Kind? = nil, member: MemberID? = nil) throws(LedgerError)
        -> [Entry]
    {
        try read { db throws(LedgerError) in
            var conditions = ["e.seq >= ?"]
            var arguments: [any DatabaseValueConvertible] = [from]
            if let kind {
                conditions.append("i.kind = ?")
                arguments.append(kind.rawValue)
            }
            if let member {
                conditions.append("i.member = ?")
                arguments.append(member)
            }
            arguments.append(limit ?? -1)
            let sql = """
                SELECT e.bytes FROM entries e JOIN entry_index i ON i.seq = e.seq
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY e.seq LIMIT ?
                """
            let rows = try StorageFailure.map(self.path) {
                try Data.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            }
            var entries: [Entry] = []
            for data in rows { entries.append(try SQLiteLedger.decode(data)) }
            return entries
        }
    }

    /// The entries that refer to `target` (its approvals, rejection, reversal), in seq order.
    public func entries(referringTo target: Int) throws(LedgerError) -> [Entry] {
        try read { db throws(LedgerError) in
            let rows = try StorageFailure.map(self.path) {
                try Data.fetchAll(
                    db, sql: "SELECT e.bytes FROM entries e JOIN entry_index i ON i.seq = e.seq WHERE i.target = ? ORDER BY e.seq",
                    arguments: [target])
            }
            var entries: [Entry] = []
            for data in rows { entries.append(try SQLiteLedger.decode(data)) }
            return entries
        }
    }

    /// Calls `body` with the exact bytes of every entry in seq order, `batchSize` at a time, reading
    /// in one transaction so the batches form one consistent snapshot even while another process appends.
    public func forEachBatch(of batchSize: Int = 4096, _ body: ([[UInt8]]) throws(LedgerError) -> Void) throws(LedgerError) {
        try forEachBatchWithHistory(of: batchSize) { batch, _ throws(LedgerError) in try body(batch) }
    }

    /// Like ``forEachBatch(of:_:)``, also handing over a lookup of any stored entry's bytes by seq, in the same
    /// snapshot: what a verifier needs for the entry a reversal undoes, without keeping old entries in memory.
    ///
    /// `keptState`, when given, receives the state the summary tables hold, read in the same snapshot after the last
    /// batch (`nil` when they cannot be read): a verifier compares it with its own replay of the entries, which
    /// only means something when both describe the same entries, even while another process appends.
    public func forEachBatchWithHistory(of batchSize: Int = 4096, keptState: ((LedgerState?) -> Void)? = nil,
        _ body: ([[UInt8]], _ earlierEntry: (Int) -> [UInt8]?) throws(LedgerError) -> Void) throws(LedgerError)
    {
        try read { db throws(LedgerError) in
            try self.forEachBatch(from: 0, of: batchSize, db, body)
            if let keptState { keptState(try? self.loadState(db)) }
        }
    }

    /// The batches of entries from seq `start` on, with a lookup of any stored entry's bytes, within `db`'s transaction.
    func forEachBatch(from start: Int, of batchSize: Int, _ db: Database,
        _ body: ([[UInt8]], _ earlierEntry: @escaping (Int) -> [UInt8]?) throws(LedgerError) -> Void) throws(LedgerError)
    {
        let lookup: (Int) -> [UInt8]? = { seq in
            (try? Data.fetchOne(db, sql: "SELECT bytes FROM entries WHERE seq = ?", arguments: [seq])).flatMap { $0 }.map { [UInt8]($0) }
        }
        var next = start
        while true {
            // Reading is the one step the verifier's helper threads cannot overlap, so rows are read through one
            // compiled statement and a cursor, and each entry's bytes are copied once, straight from SQLite's buffer.
            let batch = try StorageFailure.map(path) {
                let statement = try db.cachedStatement(sql: "SELECT seq, bytes FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")
                let rows = try Row.fetchCursor(statement, arguments: [next, batchSize])
                var batch: [[UInt8]] = []
                batch.reserveCapacity(batchSize)
                while let row = try rows.next() {
                    // A gap in seq is reported by the verifier as the entry at the wrong place.
                    next = (row[0] as Int) + 1
                    batch.append(try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } ?? [] })
                }
                return batch
            }
            if batch.isEmpty { break }
            try body(batch, lookup)
            if batch.count < batchSize { break }
        }
    }

    func read<T>(_ body: (Database) throws(LedgerError) -> T) throws(LedgerError) -> T {
        var result: T?
        try StorageFailure.map(path) {
            try database.read { db in result = try body(db) }
        }
        return result!
    }

    func entry(_ seq: Int, _ db: Database) throws(LedgerError) -> Entry? {
        let data = try StorageFailure.map(path) { try Data.fetchOne(db, sql: "SELECT bytes FROM entries WHERE seq = ?", arguments: [seq]) }
        guard let data else { return nil }
        return try SQLiteLedger.decode(data)
    }

    func merkleRoot(size: Int, _ db: Database) throws(LedgerError) -> EntryHash {
        try MerkleNodeTable(db: db, path: path).root(ofSize: size)
    }

    static func decode(_ data: Data) throws(LedgerError) -> Entry {
        try Entry(bytes: [UInt8](data))
    }
}

extension SQLiteLedger {
    /// The Merkle root of the first `size` entries (all of them when `nil`), from the stored subtree hashes.
    /// - Throws: `bad_proof` for a size beyond the ledger.
    public func merkleRoot(size: Int? = nil) throws(LedgerError) -> EntryHash {
        try read { db throws(LedgerError) in
            let count = try self.count(db)
            let size = size ?? count
            try SQLiteLedger.checkTreeSize(size, within: count)
            return try self.merkleRoot(size: size, db)
        }
    }

    /// The inclusion proof of entry `index` in the tree of the first `size` entries (0 ≤ index < size ≤ count).
    public func inclusionProof(index: Int, size: Int) throws(LedgerError) -> [EntryHash] {
        try read { db throws(LedgerError) in
            try SQLiteLedger.checkTreeSize(size, within: try self.count(db))
            guard index >= 0, index < size else {
                throw LedgerError(.badProof, en: "entry \(index) is not among the first \(size) entries", zh: "第 \(index) 条不在前 \(size) 条之中")
            }
            return try MerkleNodeTable(db: db, path: self.path).auditPath(index: index, size: size)
        }
    }

    /// The consistency proof from the first `old` entries to the first `new` entries (0 < old ≤ new ≤ count).
    public func consistencyProof(old: Int, new: Int) throws(LedgerError) -> [EntryHash] {
        try read { db throws(LedgerError) in
            try SQLiteLedger.checkTreeSize(new, within: try self.count(db))
            guard old > 0, old <= new else {
                throw LedgerError(.badProof, en: "a consistency proof needs 0 < old ≤ new", zh: "一致性证明要求 0 < 旧大小 ≤ 新大小")
            }
            return try MerkleNodeTable(db: db, path: self.path).consistencyPath(old: old, new: new)
        }
    }

    private func count(_ db: Database) throws(LedgerError) -> Int {
        try StorageFailure.map(path) { (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM entries") ?? -1) + 1 }
    }

    private static func checkTreeSize(_ size: Int, within count: Int) throws(LedgerError) {
        guard size >= 0, size <= count else {
            throw LedgerError(.badProof, en: "the ledger has \(count) entries, so there is no tree of \(size)",
                zh: "账本只有 \(count) 条，没有大小为 \(size) 的树")
        }
    }
}
