import Foundation
import LedgerCore

/// Small files people hand the program: notes, proofs, receipts, key lists.
public enum TextFile {
    /// The largest note, proof or key list read: far above any real one.
    public static let limit = 1 << 20

    /// A whole UTF-8 text file of at most ``limit`` bytes.
    /// - Throws: ``KitError/Code/file`` for a file that cannot be read, is larger, or is not UTF-8.
    public static func read(_ path: String) throws(KitError) -> String {
        guard let data = try bytes(path, limit: limit), let text = String(data: data, encoding: .utf8) else {
            throw KitError(.file, en: "\(path) is not a UTF-8 text file of reasonable size", zh: "\(path) 不是合理大小的 UTF-8 文本文件")
        }
        return text
    }

    /// A file's bytes, or `nil` when it holds more than `limit` bytes: never reads more than `limit + 1` of them, so
    /// a huge or endless file given by mistake (or on purpose) costs no memory.
    public static func bytes(_ path: String, limit: Int) throws(KitError) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KitError(.file, en: "cannot read \(path)", zh: "无法读取 \(path)")
        }
        defer { try? handle.close() }
        var data = Data()
        while data.count <= limit {
            guard let chunk = try? handle.read(upToCount: min(1 << 16, limit + 1 - data.count)), !chunk.isEmpty else { return data }
            data.append(chunk)
        }
        return nil
    }
}
