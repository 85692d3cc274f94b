import LedgerCore
import Testing

/// The parser is the canonicality check (nothing is encoded again to compare), so whatever it accepts must re-encode
/// to exactly the bytes it was given. Checked on many small edits of every golden entry: an edit either makes the bytes
/// refused or leaves them the one canonical spelling of their value.
@Suite struct CanonicalMutationTests {
    /// Bytes that make or break canonical form: structure, escapes, signs, digits, whitespace, letters, a UTF-8 lead
    /// byte and a continuation byte.
    static let alphabet = Array(#"{}[]:,"\-+.0123456789 eEnatrufls"#.utf8) + [0x0a, 0x09, 0x7f, 0x00, 0xe4, 0xb8, 0x80, 0xff]

    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var edited = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0..<edited.count, using: &random)
            let byte = alphabet.randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: edited[position] = byte
            case 1: edited.insert(byte, at: position)
            case 2 where edited.count > 1: edited.remove(at: position)
            default:
                // Swap two neighbouring bytes: reorders keys and digits, moves quotes and commas.
                let other = min(position + 1, edited.count - 1)
                edited.swapAt(position, other)
            }
        }
        return edited
    }

    @Test func everyAcceptedEditOfAGoldenEntryReEncodesToItsOwnBytes() {
        var random = SplitMix64(seed: 20_261_129)
        var accepted = 0
        var refused = 0
        for pinned in GoldenLedger.pinned {
            let original = Array(pinned.bytes.utf8)
            for _ in 0..<400 {
                let edited = CanonicalMutationTests.mutate(original, using: &random)
                guard let value = try? CanonicalJSON.parse(edited) else {
                    refused += 1
                    continue
                }
                accepted += 1
                #expect(CanonicalJSON.encode(value) == edited, "accepted a non-canonical spelling: \(String(decoding: edited, as: UTF8.self))")
            }
        }
        // Both outcomes must occur, or the property was never exercised.
        #expect(accepted > 100)
        #expect(refused > 100)
    }

    @Test(arguments: [
        #"{"a":"\\"}"#, #"{"a":"\"\""}"#, #"{"a":"x\\y\"z"}"#, #"["\\\\",""]"#, #"{"a":"中\"文"}"#,
    ])
    func stringsWithEscapesParseToTheirTextAndBack(text: String) throws {
        let bytes = Array(text.utf8)
        let value = try CanonicalJSON.parse(bytes)
        #expect(CanonicalJSON.encode(value) == bytes)
    }

    @Test func anEscapedStringKeepsTheTextOnBothSidesOfEachEscape() throws {
        let value = try CanonicalJSON.parse(Array(#"["ab\"cd\\ef","\"","\\x"]"#.utf8))
        #expect(value == .array([.string(#"ab"cd\ef"#), .string(#"""#), .string(#"\x"#)]))
    }

    @Test(arguments: [#"["\u0041"]"#, #"["\n"]"#, #"["\/"]"#, #"["a\"#, #"["\"#])
    func otherEscapesAndUnterminatedEscapesAreRefused(text: String) {
        #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(Array(text.utf8)) }
    }

    @Test func invalidUTF8AfterAnEscapeIsRefused() {
        let bytes = Array(#"[""#.utf8) + [UInt8(ascii: "\\"), UInt8(ascii: "\""), 0xff] + Array(#""]"#.utf8)
        #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(bytes) }
    }
}
