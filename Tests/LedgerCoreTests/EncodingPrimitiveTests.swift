import Foundation
import LedgerCore
import Testing

/// The hand-written pieces of decoding that every entry passes through: strict base64 for signatures, and the sorted
/// objects the canonical parser builds. Each is checked against the obvious (slower) reference.
@Suite struct EncodingPrimitiveTests {
    /// Foundation's decoder, made strict the way the ledger needs: accepted only if encoding gives the text back.
    static func referenceDecode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }

    @Test func base64DecodesWhatFoundationEncodesForEveryLength() {
        var random = SplitMix64(seed: 11)
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = Data(bytes).base64EncodedString()
            #expect(Base64.decode(text) == bytes, "length \(length)")
        }
    }

    @Test func base64RefusesExactlyWhatTheStrictReferenceRefuses() {
        // Signatures and keys are edited one character at a time, including padding, line breaks and other alphabets.
        let alphabet = Array("AQgw+/=-_ \n.".utf8) + [0xe4]
        var random = SplitMix64(seed: 12)
        var refused = 0
        for round in 0..<20_000 {
            let length = [1, 2, 3, 32, 64][round % 5]
            var text = Array(Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString().utf8)
            let position = Int.random(in: 0..<text.count, using: &random)
            let byte = alphabet.randomElement(using: &random)!
            switch round % 3 {
            case 0: text[position] = byte
            case 1: text.insert(byte, at: position)
            default: text.remove(at: position)
            }
            let edited = String(decoding: text, as: UTF8.self)
            let expected = Self.referenceDecode(edited)
            #expect(Base64.decode(edited) == expected, "\(edited)")
            if expected == nil { refused += 1 }
        }
        #expect(refused > 5_000, "the edits must produce plenty of refusals to compare")
    }

    @Test func base64RefusesNonZeroBitsUnderThePadding() {
        #expect(Base64.decode("AA==") == [0])
        #expect(Base64.decode("AB==") == nil)
        #expect(Base64.decode("AAA=") == [0, 0])
        #expect(Base64.decode("AAB=") == nil)
        #expect(Base64.decode("A===") == nil)
        #expect(Base64.decode("AA=A") == nil)
        #expect(Base64.decode("") == [])
    }

    @Test func anObjectKeepsItsMembersInBytewiseKeyOrderWhateverTheOrderTheyArriveIn() {
        var object: JSONObject = ["b": 2, "a.b": 3, "a": 1, "a_": 4]
        #expect(object.keys == ["a", "a.b", "a_", "b"])
        object["0"] = 5
        object["a"] = nil
        object["b"] = 6
        #expect(object.keys == ["0", "a.b", "a_", "b"])
        #expect(object["b"] == 6 && object["a"] == nil && object.count == 4)
        #expect(object.removeValue(forKey: "a_") == 4 && object.removeValue(forKey: "zz") == nil)
        #expect(CanonicalJSON.encode(.object(object)) == Array(#"{"0":5,"a.b":3,"b":6}"#.utf8))
    }

    @Test func anObjectOfManyMembersFindsEachOneAndOnlyThose() throws {
        // Past 16 members lookups go by halves; the parser builds the object from sorted input.
        let keys = (0..<300).map { String(format: "k%03d", $0) }
        let text = "{" + keys.enumerated().map { "\"\($0.element)\":\($0.offset)" }.joined(separator: ",") + "}"
        guard case .object(let object) = try CanonicalJSON.parse(Array(text.utf8)) else {
            Issue.record("not an object")
            return
        }
        for (offset, key) in keys.enumerated() { #expect(object[key] == .integer(Int64(offset))) }
        #expect(object["k300"] == nil && object["k0"] == nil && object[""] == nil)
        #expect(object == JSONObject(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, JSONValue.integer(Int64($0.offset))) })))
    }
}
