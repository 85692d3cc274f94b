
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text encodings of spreadsheets on Chinese computers: UTF-8 (with or without a byte order mark) and
/// GB18030, which Excel on Chinese Windows writes for "CSV".
///
/// GB18030 goes through the C library's `iconv` (glibc and macOS both carry it): Foundation has no public
/// `String.Encoding` for it (only a CoreFoundation constant), and `iconv` is strict — a byte sequence that is not
/// GB18030 fails instead of turning into replacement characters.
public enum TextEncoding: String, CaseIterable {
    case utf8
    case gb18030

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` in this encoding; UTF-8 starts with a byte order mark so that Excel recognises it.
    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(TextEncoding.byteOrderMark + Array(text.utf8))
        case .gb18030: return Data(try TextEncoding.convert(Array(text.utf8), from: "UTF-8", to: "GB18030"))
        }
    }

    /// Decodes a file: valid UTF-8 (a byte order mark is dropped) is UTF-8, anything else is read as GB18030.
    /// - Returns: `nil` when the bytes are neither.
    public static func decode(_ data: Data) -> (text: String, encoding: TextEncoding)? {
        var bytes = [UInt8](data)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        guard let converted = try? convert(bytes, from: "GB18030", to: "UTF-8"),
            var text = String(validating: converted, as: UTF8.self)
        else { return nil }
        // GB18030 has a byte order mark of its own (84 31 95 33), which converts to U+FEFF.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return (text, .gb18030)
    }

    public struct ConversionFailure: Error {}

    /// Converts all of `input` or fails: no character is dropped or replaced.
    public static func convert(_ input: [UInt8], from source: String, to target: String) throws -> [UInt8] {
        let converter = iconv_open(target, source)
        guard let converter, converter != iconv_t(bitPattern: -1) else { throw ConversionFailure() }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: max(16, input.count * 4 + 16))
        var input = input
        let written: Int? = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer -> Int? in
                var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                if inLeft > 0, iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                // Flush any shift state.
                guard iconv(converter, nil, nil, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let written else { throw ConversionFailure() }
        return Array(output.prefix(written))
    }
}
