import Foundation
import LedgerCore
import LedgerStore

/// Reads a ledger as batches of entry bytes, whether it is a SQLite file or a JSON Lines export.
public enum LedgerFile {
    /// Calls `body` with each batch, and a lookup of earlier entries by seq, until it returns false; calls `torn`
    /// if a `.jsonl` ends mid-line, and `keptState` with the summary tables' state of a `.db` file (read in the
    /// same snapshot as the entries).
    public static func forEachBatch(of path: String, _ body: ([[UInt8]], @escaping (Int) -> [UInt8]?) -> Bool, torn: () -> Void,
        keptState: (LedgerState?) -> Void = { _ in }) throws
    {
        if try isSQLite(path) {
            try withoutActuallyEscaping(keptState) { keptState in
                try SQLiteLedger.open(at: path, readOnly: true).forEachBatchWithHistory(keptState: keptState) { batch, earlier throws(LedgerError) in
                    _ = withoutActuallyEscaping(earlier) { body(batch, $0) }
                }
            }
            return
        }
        var reader = try JSONLinesReader(path: path)
        while true {
            let batch = try reader.next(4096)
            if batch.isEmpty { break }
            let lines = reader
            guard body(batch, { lines.line(at: $0) }) else { return }
        }
        if reader.tornLastLine { torn() }
    }

    /// Verifies a ledger file of either form, keeping memory flat: earlier entries are read again when needed.
    ///
    /// A `.db` file also keeps summary tables (balances, keys, pending approvals) that appends rely on instead of
    /// replaying every entry; a file whose entries verify but whose tables say something else fails with
    /// `summary_mismatch`, since its next append would be judged by figures someone edited.
    public static func verify(_ path: String, pinnedGenesis: EntryHash? = nil, progress: (Int) -> Void = { _ in }) throws -> ChainVerifier {
        var verifier = ChainVerifier(pinnedGenesis: pinnedGenesis, keepsEarlierPayloads: false)
        if try SQLiteLedger.ordinaryFileSize(path) == 0 {
            verifier.failNext(.badGenesis, en: "\(path) is empty: it is not a ledger (a ledger holds at least its genesis entry)",
                zh: "\(path) 是空文件：不是账本（账本至少包含创世条目）")
            return verifier
        }
        var kept: LedgerState??
        try forEachBatch(of: path) { batch, earlier in
            verifier.verify(batch: batch, earlierEntry: earlier)
            progress(verifier.verifiedCount)
            return verifier.failure == nil
        } torn: {
            verifier.failNext(.nonCanonical, en: "the last line is cut off (no newline at the end): the file was torn while being written",
                zh: "最后一行不完整（末尾没有换行）：文件在写入时被截断")
        } keptState: { kept = $0 }
        checkSummaryTables(kept, against: &verifier)
        return verifier
    }

    /// Fails the verification with `summary_mismatch` if a `.db` file's summary tables (`kept`, when read) do not hold
    /// the state its verified entries give.
    public static func checkSummaryTables(_ kept: LedgerState??, against verifier: inout ChainVerifier) {
        if let kept, verifier.failure == nil, kept != verifier.state {
            verifier.failNext(.summaryMismatch,
                en: "the entries are intact, but the file's summary tables (balances, keys, pending approvals) do not match them: the file was edited or damaged outside this program; rebuild it with `ledger export` and `ledger import` before any further entry",
                zh: "条目完好，但文件中的汇总表（余额、密钥、待审批）与条目不符：文件曾被本程序以外的方式修改或损坏；请先用 `ledger export` 和 `ledger import` 重建，再记录新条目")
        }
    }

    /// Whether the file starts with SQLite's magic header.
    /// - Throws: `LedgerError` (`storage`) for a folder, a pipe or a device, at once; ``KitError/Code/file`` when the
    ///   file cannot be read.
    public static func isSQLite(_ path: String) throws -> Bool {
        // Stat first: opening a pipe to read would wait for a writer forever.
        if FileManager.default.fileExists(atPath: path) { _ = try SQLiteLedger.ordinaryFileSize(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KitError(.file, en: "cannot read \(path): it does not exist or is not readable", zh: "无法读取 \(path)：文件不存在或不可读")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }
}
