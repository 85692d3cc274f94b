/// The canonical encoding of docs/FORMAT.md section 2: a strict subset of RFC 8785 (JCS).
///
/// Encoding sorts object keys bytewise and writes no whitespace; strings are raw UTF-8 with only `\"`
/// and `\\` escaped. The same bytes come out of Python's
/// `json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` for any valid value.
/// Parsing accepts exactly that form and nothing else, so non-canonical input is an error rather than
/// something to normalise.
public enum CanonicalJSON {
    /// Nesting deeper than this is refused: no entry needs more, and it bounds the parser's stack.
    public static let maxDepth = 8

    /// Encodes a value to its canonical bytes.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        encode(value, into: &out)
        return out
    }

    /// Appends the canonical bytes of `value` to `out`.
    public static func encode(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .string(let string):
            encodeString(string, into: &out)
        case .integer(let integer):
            out.append(contentsOf: String(integer).utf8)
        case .bool(let bool):
            out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                encode(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // A JSONObject keeps its members in canonical (bytewise) key order.
            for (index, member) in members.members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                encodeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                encode(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func encodeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether a string may appear in the ledger: no control characters U+0000–U+001F or U+007F.
    public static func isAllowedText(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7f }
    }

    /// Whether a string may be an object key: non-empty ASCII `[a-z0-9_.]`.
    public static func isAllowedKey(_ key: some Collection<UInt8>) -> Bool {
        !key.isEmpty && key.allSatisfy { isKeyByte($0) }
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
