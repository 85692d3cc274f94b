import Foundation
import GRDB
import LedgerCore

extension SQLiteLedger {
    /// Verifies a JSON Lines export and loads it into a new ledger file, all or nothing.
    ///
    /// One pass: each batch is verified (every rule, signatures on all cores) and handed to a writer thread, so
    /// storing it overlaps with verifying the next. Everything goes into a temporary file beside `path`, loaded
    /// without a journal or a sync per batch (nothing in it counts until the end), then switched to the ledger's
    /// write-ahead-log mode, synced to the disk, and renamed to `path` only when the whole export verified and
    /// was written. A refused entry, a torn last line or a crash leaves no ledger at `path` (a crash may leave
    /// the temporary file, which the next import removes).
    /// - Parameter pinnedGenesis: the genesis hash the export must start from (`genesis_mismatch` otherwise).
    /// - Returns: the verification result; `.invalid` means nothing was written.
    public static func importJSONLines(from source: String, to path: String, pinnedGenesis: EntryHash? = nil,
        progress: (Int) -> Void = { _ in }) throws(LedgerError) -> VerificationResult
    {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LedgerError(.storage, en: "\(path) already exists; import writes a new ledger file",
                zh: "\(path) 已存在；导入需要写入新的账本文件")
        }
        var reader = try JSONLinesReader(path: source)
        let temporary = path + ".importing"
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        removeTemporary()
        do {
            let ledger = try StorageFailure.map(temporary) {
                SQLiteLedger(database: try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false)), path: temporary)
            }
            try ledger.prepareForLoading()
            var verifier = ChainVerifier(pinnedGenesis: pinnedGenesis, keepsEarlierPayloads: false)
            verifier.collectsEffects = true
            let writer = PipelinedWriter(ledger)
            while true {
                // The verifier's batch, the writer's batch in flight and their decoded entries are most of the memory
                // beyond the Merkle tree: 4,096 entries each keeps import well inside 150 MB at a million entries.
                let batch = try reader.next(4_096)
                if batch.isEmpty { break }
                let lines = reader
                verifier.verify(batch: batch, earlierEntry: { lines.line(at: $0) })
                // Entries before the first failure are written too: the file is discarded anyway if any failed.
                try writer.enqueue(verifier.lastVerified.map { ($0, verifier.tree.nodesCompleted(byLeafAt: $0.seq)) },
                    effects: verifier.lastEffects)
                progress(verifier.verifiedCount)
                if verifier.failure != nil { break }
            }
            try writer.finish()
            if reader.tornLastLine {
                verifier.failNext(.nonCanonical, en: "the last line is cut off (no newline at the end): the file was torn while being written",
                    zh: "最后一行不完整（末尾没有换行）：文件在写入时被截断")
            }
            let result = verifier.finish()
            guard case .valid = result else {
                try? ledger.database.close()
                removeTemporary()
                return result
            }
            try ledger.write { db throws(LedgerError) in try ledger.writeFullState(verifier.state, db) }
            try ledger.finishLoading()
            try StorageFailure.map(temporary) {
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
                try syncFolder(of: path)
            }
            removeTemporary()
            return result
        } catch {
            removeTemporary()
            throw error
        }
    }

    /// A new file's schema, with no journal and no syncing while it is loaded: the file is a temporary one,
    /// thrown away unless the load completes.
    private func prepareForLoading() throws(LedgerError) {
        try StorageFailure.map(path) {
            try database.writeWithoutTransaction { db in
                // No rollback journal at all (a journal in memory grows with each batch): a failed write
                // discards the whole file, so nothing ever needs rolling back.
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            try Schema.migrator.migrate(database)
        }
    }

    /// Turns the loaded file into an ordinary ledger file — write-ahead-log mode, as ``create(at:genesis:now:)``
    /// makes it — closes it, and syncs it to the disk.
    private func finishLoading() throws(LedgerError) {
        try StorageFailure.map(path) {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.checkpoint(.truncate)
            }
            try database.close()
            guard let path, let handle = FileHandle(forUpdatingAtPath: path) else { return }
            defer { try? handle.close() }
            try handle.synchronize()
        }
    }
}

/// Syncs the folder holding `path`, so that a rename into it survives a power cut.
private func syncFolder(of path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    fsync(descriptor)
}
