import Foundation
import GRDB
import LedgerCore

extension SQLiteLedger {
    /// Verifies a JSON Lines export and loads it into a new ledger file, all or nothing.
    ///
    /// One pass: each batch is verified (every rule, signatures on all cores) and then written, into a temporary
    /// file beside `path` that is renamed to `path` only when the whole export verified and was written. A
    /// refused entry, a torn last line or a crash leaves no ledger at `path` and no temporary file behind
    /// (a crash may leave the temporary file, which the next import removes).
    /// - Returns: the verification result; `.invalid` means nothing was written.
    public static func importJSONLines(from source: String, to path: String, progress: (Int) -> Void = { _ in })
        throws(LedgerError) -> VerificationResult
    {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LedgerError(.storage, en: "\(path) already exists; import writes a new ledger file",
                zh: "\(path) 已存在；导入需要写入新的账本文件")
        }
        var reader = try JSONLinesReader(path: source)
        let temporary = path + ".importing"
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        removeTemporary()
        do {
            let ledger = try StorageFailure.map(temporary) {
                SQLiteLedger(database: try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false)), path: temporary)
            }
            try ledger.prepareNew()
            var verifier = ChainVerifier(keepsEarlierPayloads: false)
            while true {
                let batch = try reader.next(8_192)
                if batch.isEmpty { break }
                let lines = reader
                verifier.verify(batch: batch, earlierEntry: { lines.line(at: $0) })
                // Entries before the first failure are written too: the file is discarded anyway if any failed.
                try ledger.write { db throws(LedgerError) in
                    for entry in verifier.lastVerified {
                        try ledger.writeRows(of: entry, nodes: verifier.tree.nodesCompleted(byLeafAt: entry.seq), db)
                    }
                }
                progress(verifier.verifiedCount)
                if verifier.failure != nil { break }
            }
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
            try StorageFailure.map(temporary) {
                // Fold the write-ahead log into the file so the renamed file is complete on its own.
                _ = try ledger.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
                try ledger.database.close()
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
            }
            removeTemporary()
            return result
        } catch {
            removeTemporary()
            throw error
        }
    }
}
