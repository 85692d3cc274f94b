import Foundation
import GRDB
import LedgerCore

/// What a file holds at a checkpoint's size, for `verify --since`: nothing here is trusted until
/// ``ResumePoint/check(checkpoint:stateNote:snapshot:trustedKeys:frontier:storedHead:)`` has compared it with what
/// was signed.
public struct KeptCheckpointState: Sendable {
    public var size: Int
    /// The state snapshot's bytes.
    public var snapshot: [UInt8]
    /// The signed state note naming the snapshot's hash.
    public var stateNote: String
    /// The Merkle frontier at `size`, from the stored nodes.
    public var frontier: [EntryHash]
    /// The hash of the stored entry `size − 1`, computed again from its bytes.
    public var head: EntryHash?
}

extension SQLiteLedger {
    /// Keeps the state snapshot taken at a checkpoint and its signed state note, merging the note's signatures
    /// with any already kept for the same size and hash.
    /// - Returns: the note with every signature known for it.
    @discardableResult
    public func saveStateSnapshot(_ snapshot: StateSnapshot, note: SignedNote) throws(LedgerError) -> SignedNote {
        try write { db throws(LedgerError) in
            var merged = note
            let existing = try StorageFailure.map(self.path) {
                try String.fetchOne(db, sql: "SELECT note FROM state_snapshots WHERE size = ? AND hash = ?",
                    arguments: [snapshot.state.count, Data(snapshot.hash.bytes)])
            }
            if let existing, let kept = try? SignedNote(parsing: existing) { merged.merge(signaturesOf: kept) }
            try StorageFailure.map(self.path) {
                try db.execute(sql: "INSERT OR REPLACE INTO state_snapshots (size, state, hash, note) VALUES (?, ?, ?, ?)",
                    arguments: [snapshot.state.count, Data(snapshot.bytes), Data(snapshot.hash.bytes), merged.formatted])
            }
            return merged
        }
    }

    /// The sizes at which a state snapshot is kept, ascending.
    public func stateSnapshotSizes() throws(LedgerError) -> [Int] {
        try read { db throws(LedgerError) in
            try StorageFailure.map(self.path) {
                guard try db.tableExists("state_snapshots") else { return [] }
                return try Int.fetchAll(db, sql: "SELECT size FROM state_snapshots ORDER BY size")
            }
        }
    }

    /// Reads, in one consistent snapshot of the file, what was kept at checkpoint size `size` and then the entries
    /// from seq `size` on: what `verify --since` needs.
    ///
    /// - Parameters:
    ///   - start: called first with what is kept at `size` (`nil` when no snapshot is kept there) and the number of
    ///     entries; return `false` to read no further.
    ///   - keptState: receives the state the summary tables hold, after the last batch (as in
    ///     ``forEachBatchWithHistory(of:keptState:_:)``).
    ///   - body: each batch, with a lookup of any stored entry's bytes, and the stored Merkle nodes (for the root at
    ///     an earlier size, and proofs from it or from an earlier entry to the checkpoint).
    public func forEachBatch(since size: Int, of batchSize: Int = 4096,
        start: (KeptCheckpointState?, _ count: Int) throws(LedgerError) -> Bool, keptState: ((LedgerState?) -> Void)? = nil,
        _ body: ([[UInt8]], _ earlierEntry: @escaping (Int) -> [UInt8]?, _ storedNodes: any MerkleNodeReader) throws(LedgerError) -> Void)
        throws(LedgerError)
    {
        try read { db throws(LedgerError) in
            let count = try StorageFailure.map(self.path) { (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM entries") ?? -1) + 1 }
            guard try start(try self.keptCheckpointState(size: size, count: count, db), count) else { return }
            let nodes = MerkleNodeTable(db: db, path: self.path)
            try self.forEachBatch(from: size, of: batchSize, db) { batch, earlier throws(LedgerError) in
                try body(batch, earlier, nodes)
            }
            if let keptState { keptState(try? self.loadState(db)) }
        }
    }

    private func keptCheckpointState(size: Int, count: Int, _ db: Database) throws(LedgerError) -> KeptCheckpointState? {
        let row = try StorageFailure.map(path) { () throws -> Row? in
            guard try db.tableExists("state_snapshots") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT state, note FROM state_snapshots WHERE size = ?", arguments: [size])
        }
        guard let row, size > 0 else { return nil }
        let state: Data = row["state"]
        let note: String = row["note"]
        guard size <= count else { return KeptCheckpointState(size: size, snapshot: [UInt8](state), stateNote: note, frontier: [], head: nil) }
        let last = try StorageFailure.map(path) { try Data.fetchOne(db, sql: "SELECT bytes FROM entries WHERE seq = ?", arguments: [size - 1]) }
        return KeptCheckpointState(size: size, snapshot: [UInt8](state), stateNote: note,
            frontier: try MerkleNodeTable(db: db, path: path).frontier(size: size), head: last.map { Entry.hash(of: [UInt8]($0)) })
    }
}
