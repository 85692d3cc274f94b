import LedgerCore
import Testing

/// Bytes that are not canonical JSON (docs/FORMAT.md section 2), with a name for the test report.
struct NonCanonicalInput: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }

    init(_ name: String, _ text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// `{"a":"` + raw bytes + `"}`: for strings whose bytes are wrong.
    static func string(_ name: String, _ content: [UInt8]) -> NonCanonicalInput {
        NonCanonicalInput(name, bytes: Array(#"{"a":""#.utf8) + content + Array(#""}"#.utf8))
    }

    static let all: [NonCanonicalInput] = [
        // Key order and uniqueness.
        NonCanonicalInput("keys out of order", #"{"b":1,"a":2}"#),
        NonCanonicalInput("nested keys out of order", #"{"a":{"y":1,"x":2}}"#),
        NonCanonicalInput("duplicate key, same value", #"{"a":1,"a":1}"#),
        NonCanonicalInput("duplicate key, other value", #"{"a":1,"a":2}"#),
        NonCanonicalInput("uppercase key", #"{"A":1}"#),
        NonCanonicalInput("empty key", #"{"":1}"#),
        NonCanonicalInput("key with a hyphen", #"{"a-b":1}"#),
        NonCanonicalInput("non-ASCII key", #"{"é":1}"#),
        NonCanonicalInput("key with an escaped quote", #"{"a\"":1}"#),
        // Escapes.
        NonCanonicalInput("escaped non-ASCII", #"{"a":"\u00e9"}"#),
        NonCanonicalInput("escaped ASCII", #"{"a":"\u0041"}"#),
        NonCanonicalInput("newline escape", #"{"a":"x\ny"}"#),
        NonCanonicalInput("NUL escape", #"{"a":"\u0000"}"#),
        NonCanonicalInput("tab escape", #"{"a":"\t"}"#),
        NonCanonicalInput("carriage return escape", #"{"a":"\r"}"#),
        NonCanonicalInput("backspace escape", #"{"a":"\b"}"#),
        NonCanonicalInput("form feed escape", #"{"a":"\f"}"#),
        NonCanonicalInput("escaped solidus", #"{"a":"\/"}"#),
        NonCanonicalInput("escaped surrogate pair", #"{"a":"\ud83c\udf4a"}"#),
        NonCanonicalInput("unterminated escape", #"{"a":"\"#),
        // Numbers.
        NonCanonicalInput("fraction", #"{"a":1.0}"#),
        NonCanonicalInput("fraction without digits", #"{"a":1.}"#),
        NonCanonicalInput("leading dot", #"{"a":.5}"#),
        NonCanonicalInput("exponent", #"{"a":1e3}"#),
        NonCanonicalInput("capital exponent", #"{"a":1E3}"#),
        NonCanonicalInput("negative zero", #"{"a":-0}"#),
        NonCanonicalInput("leading zero", #"{"a":01}"#),
        NonCanonicalInput("negative leading zero", #"{"a":-01}"#),
        NonCanonicalInput("plus sign", #"{"a":+1}"#),
        NonCanonicalInput("lone minus", #"{"a":-}"#),
        NonCanonicalInput("hexadecimal", #"{"a":0x10}"#),
        NonCanonicalInput("2^53", #"{"a":9007199254740992}"#),
        NonCanonicalInput("-2^53", #"{"a":-9007199254740992}"#),
        NonCanonicalInput("2^63", #"{"a":9223372036854775808}"#),
        NonCanonicalInput("twenty digits", #"{"a":99999999999999999999}"#),
        // Literals.
        NonCanonicalInput("null value", #"{"a":null}"#),
        NonCanonicalInput("top-level null", "null"),
        NonCanonicalInput("capitalised true", #"{"a":True}"#),
        NonCanonicalInput("truncated true", #"{"a":tru}"#),
        NonCanonicalInput("NaN", #"{"a":NaN}"#),
        // Structure.
        NonCanonicalInput("empty input", ""),
        NonCanonicalInput("trailing garbage", #"{"a":1}x"#),
        NonCanonicalInput("two documents", #"{"a":1}{}"#),
        NonCanonicalInput("trailing NUL", bytes: Array(#"{"a":1}"#.utf8) + [0x00]),
        NonCanonicalInput("trailing comma in object", #"{"a":1,}"#),
        NonCanonicalInput("trailing comma in array", #"[1,]"#),
        NonCanonicalInput("missing colon", #"{"a" 1}"#),
        NonCanonicalInput("unquoted key", #"{a:1}"#),
        NonCanonicalInput("single quotes", #"{'a':1}"#),
        NonCanonicalInput("unterminated object", #"{"a":1"#),
        NonCanonicalInput("unterminated string", #"{"a":"x"#),
        NonCanonicalInput("byte order mark", bytes: [0xef, 0xbb, 0xbf] + Array(#"{"a":1}"#.utf8)),
        NonCanonicalInput("nesting one deeper than the limit",
            String(repeating: "[", count: CanonicalJSON.maxDepth + 1) + String(repeating: "]", count: CanonicalJSON.maxDepth + 1)),
        // Raw bytes that are not valid UTF-8, inside a string.
        .string("overlong slash (C0 AF)", [0xc0, 0xaf]),
        .string("overlong NUL (C0 80)", [0xc0, 0x80]),
        .string("overlong three bytes (E0 80 AF)", [0xe0, 0x80, 0xaf]),
        .string("overlong four bytes (F0 80 80 AF)", [0xf0, 0x80, 0x80, 0xaf]),
        .string("lone continuation byte 80", [0x80]),
        .string("lone continuation byte BF", [0x41, 0xbf, 0x41]),
        .string("truncated two-byte sequence", [0xc3]),
        .string("truncated three-byte sequence (E4 B8)", [0xe4, 0xb8]),
        .string("truncated four-byte sequence (F0 9F 8D)", [0xf0, 0x9f, 0x8d]),
        .string("high surrogate encoded (ED A0 80)", [0xed, 0xa0, 0x80]),
        .string("low surrogate encoded (ED BF BF)", [0xed, 0xbf, 0xbf]),
        .string("surrogate pair encoded as CESU-8", [0xed, 0xa0, 0xbc, 0xed, 0xbd, 0x8a]),
        .string("beyond U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80]),
        .string("byte FE", [0xfe]),
        .string("byte FF", [0xff]),
        // Raw control characters that are not whitespace tokens.
        .string("raw DEL", [0x7f]),
    ]
}
