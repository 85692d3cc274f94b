import Foundation
import GRDB
import LedgerCore

extension SQLiteLedger {
    /// Creates a ledger file from entries that were already verified, all or nothing.
    ///
    /// The entries go into a temporary file next to `path` in one transaction, which is renamed to `path`
    /// only when complete: a crash or a refused entry leaves no ledger at `path` and nothing half-written.
    /// Every entry is still checked against the rules as it is loaded.
    /// - Parameter nextBatch: returns the next entries' bytes in seq order, or an empty array at the end.
    public static func importLedger(at path: String, nextBatch: () throws(LedgerError) -> [[UInt8]]) throws(LedgerError)
        -> LedgerState
    {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LedgerError(.storage, en: "\(path) already exists; import writes a new ledger file",
                zh: "\(path) 已存在；导入需要写入新的账本文件")
        }
        let temporary = path + ".importing-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let ledger = try StorageFailure.map(temporary) {
                var configuration = Configuration()
                configuration.journalMode = .wal
                return SQLiteLedger(database: try DatabaseQueue(path: temporary, configuration: configuration), path: temporary)
            }
            try ledger.prepareNew()
            let state = try ledger.write { db throws(LedgerError) in
                var state = LedgerState()
                var tree = MerkleTree()
                while true {
                    let batch = try nextBatch()
                    if batch.isEmpty { break }
                    for bytes in batch {
                        let entry = try Entry(bytes: bytes)
                        let treeSoFar = tree
                        let earlier = try ledger.context(for: entry, state: state, mode: .verify, db)
                        let context = ApplyContext(
                            mode: .verify, earlierPayload: earlier.earlierPayload,
                            merkleRoot: { size in treeSoFar.root(size: size) })
                        try state.apply(entry, context: context)
                        tree.append(entry.hash)
                        try ledger.writeRows(of: entry, db)
                    }
                }
                try ledger.writeFullState(state, db)
                return state
            }
            try StorageFailure.map(temporary) {
                // Fold the write-ahead log into the file so the renamed file is complete on its own.
                _ = try ledger.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
                try ledger.database.close()
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            return state
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            throw error
        }
    }
}
