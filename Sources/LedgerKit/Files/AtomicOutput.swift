import Foundation
import LedgerCore

/// Writes a file completely or not at all: into a temporary file, flushed, then renamed into place.
public enum AtomicOutput {
    /// Writes what `produce` hands over to `path`, or to standard output when `path` is `nil`.
    /// - Throws: ``KitError/Code/file`` when the file cannot be written; whatever `produce` throws.
    public static func write(to path: String?, _ produce: ((Data) -> Void) throws -> Void) throws {
        guard let path else {
            try produce { FileHandle.standardOutput.write($0) }
            return
        }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw KitError(.file, en: "cannot create \(path)", zh: "无法创建 \(path)")
        }
        do {
            var failed = false
            try produce { data in
                do { try handle.write(contentsOf: data) } catch { failed = true }
            }
            try handle.synchronize()
            try handle.close()
            guard !failed else { throw KitError(.file, en: "could not write \(path) (disk full?)", zh: "无法写入 \(path)（磁盘已满？）") }
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is KitError || error is LedgerError { throw error }
            throw KitError(.file, en: "could not write \(path): \(error.localizedDescription)", zh: "无法写入 \(path)：\(error.localizedDescription)")
        }
    }
}
