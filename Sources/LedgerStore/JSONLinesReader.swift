import Foundation
import LedgerCore

/// Reads a JSON Lines export (docs/FORMAT.md section 14) in batches, with memory bounded by the batch, never the file.
///
/// Each complete line is handed over as it is. A line longer than ``Entry/maxBytes`` is cut to just over the
/// limit (the decoder then refuses it as too long), and a last line with no final newline is reported through
/// ``tornLastLine`` rather than handed over: both are invalid entries at their position, not unreadable files.
public struct JSONLinesReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Where in `buffer` the bytes not yet handed over start.
    private var position = 0
    /// Where each line handed over starts in the file, so earlier lines can be read again by index.
    private var lineOffsets: [Int64] = []
    private var bufferStart: Int64 = 0
    private var skippingOverlong = false
    private var atEnd = false
    /// Set when the file ended in the middle of a line.
    public private(set) var tornLastLine = false

    /// Opens a file for reading.
    public init(path: String) throws(LedgerError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError(.storage, en: "cannot read \(path): it does not exist or is not readable",
                zh: "无法读取 \(path)：文件不存在或不可读")
        }
        self.handle = handle
        self.path = path
    }

    /// The bytes of line `index` (0-based) among those already handed over, read again from the file: how a
    /// verifier finds the entry a reversal undoes without keeping earlier entries in memory.
    public func line(at index: Int) -> [UInt8]? {
        guard index >= 0, index < lineOffsets.count, let reader = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? reader.close() }
        do {
            try reader.seek(toOffset: UInt64(lineOffsets[index]))
            var line: [UInt8] = []
            while line.count <= Entry.maxBytes, let chunk = try reader.read(upToCount: 4_096), !chunk.isEmpty {
                if let newline = chunk.firstIndex(of: 0x0a) {
                    line.append(contentsOf: chunk[chunk.startIndex..<newline])
                    return line
                }
                line.append(contentsOf: chunk)
            }
            return line
        } catch {
            return nil
        }
    }

    /// The next lines, up to `count`; empty at the end of the file.
    public mutating func next(_ count: Int) throws(LedgerError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while lines.count < count {
            if let newline = buffer[position...].firstIndex(of: 0x0a) {
                if skippingOverlong {
                    skippingOverlong = false
                } else {
                    // An over-long line is cut just past the limit, so the decoder refuses it as too long.
                    lines.append(Array(buffer[position..<min(newline, position + Entry.maxBytes + 1)]))
                    lineOffsets.append(bufferStart)
                }
                bufferStart += Int64(newline + 1 - position)
                position = newline + 1
                continue
            }
            let unread = buffer.count - position
            if unread > Entry.maxBytes {
                if !skippingOverlong {
                    lines.append(Array(buffer[position..<position + Entry.maxBytes + 1]))
                    lineOffsets.append(bufferStart)
                }
                skippingOverlong = true
                bufferStart += Int64(unread)
                buffer.removeAll(keepingCapacity: true)
                position = 0
            }
            if atEnd {
                if buffer.count > position { tornLastLine = true }
                buffer.removeAll()
                position = 0
                break
            }
            // The lines handed over are dropped only now, once per chunk read: dropping each line as it goes would
            // move the rest of the buffer every time.
            buffer.removeSubrange(..<position)
            position = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw LedgerError(.storage, en: "reading the file failed: \(error.localizedDescription)",
                    zh: "读取文件失败：\(error.localizedDescription)")
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
        return lines
    }
}
