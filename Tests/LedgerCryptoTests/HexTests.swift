import LedgerCrypto
import Testing

/// `Hex`: lowercase only, both ways.
@Suite struct HexTests {
    @Test func encodesLowercase() {
        #expect(Hex.encode([]) == "")
        #expect(Hex.encode([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
    }

    @Test func everyByteRoundTrips() throws {
        let all = (0...255).map { UInt8($0) }
        let text = Hex.encode(all)
        #expect(text.count == 512)
        #expect(text == text.lowercased())
        #expect(try #require(Hex.decode(text)) == all)
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: [
        "A0", "Ff", "DEADBEEF",  // uppercase
        "a", "abc", "000",  // odd length
        "zz", "0x12", "12 34", "gg", "-1", "ab\n", "é0", "١٢",  // other characters
    ])
    func decodeRejects(_ text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func decodeAcceptsSubstrings() {
        let text = "xx00ffxx"
        let inner = text.dropFirst(2).dropLast(2)
        #expect(Hex.decode(inner) == [0x00, 0xFF])
    }
}
