import LedgerCrypto
import Testing

/// SHA-256 known answers (FIPS 180-2 appendix B examples) and the incremental API.
@Suite struct SHA256Tests {
    struct KnownAnswer: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let input: [UInt8]
        let hex: String
    }

    static let knownAnswers: [KnownAnswer] = [
        KnownAnswer(
            testDescription: "empty",
            input: [],
            hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        KnownAnswer(
            testDescription: "abc",
            input: Array("abc".utf8),
            hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        ),
        KnownAnswer(
            testDescription: "448-bit two-block message",
            input: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        KnownAnswer(
            testDescription: "one million 'a'",
            input: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
            hex: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        ),
    ]

    @Test(arguments: knownAnswers)
    func oneShotMatchesTheKnownAnswer(_ answer: KnownAnswer) {
        #expect(SHA256.hash(answer.input).hex == answer.hex)
        let fromBuffer = answer.input.withUnsafeBytes { SHA256.hash($0) }
        #expect(fromBuffer.hex == answer.hex)
    }

    @Test(arguments: knownAnswers)
    func incrementalMatchesTheKnownAnswer(_ answer: KnownAnswer) {
        // Chunk sizes that straddle the 64-byte block boundary, including empty updates.
        let sizes = [0, 1, 63, 64, 65, 127, 1000, 0, 4096]
        var hasher = SHA256.Hasher()
        var offset = 0
        var turn = 0
        while offset < answer.input.count {
            let end = min(answer.input.count, offset + sizes[turn % sizes.count])
            hasher.update(Array(answer.input[offset..<end]))
            offset = end
            turn += 1
        }
        #expect(hasher.finalize().hex == answer.hex)
    }

    @Test func incrementalEqualsOneShotOnRandomData() throws {
        let data = try SecureRandom.bytes(10_000)
        let oneShot = SHA256.hash(data)
        for chunk in [1, 7, 64, 100, 9_999] {
            var hasher = SHA256.Hasher()
            var offset = 0
            while offset < data.count {
                let end = min(data.count, offset + chunk)
                hasher.update(Array(data[offset..<end]))
                offset = end
            }
            #expect(hasher.finalize() == oneShot, "chunk size \(chunk)")
        }
    }

    @Test func byteAndDigestUpdatesEqualTheirBytes() {
        let prefix = SHA256.hash(Array("left".utf8))
        var hasher = SHA256.Hasher()
        hasher.update(byte: 0x01)
        hasher.update(prefix)
        hasher.update(byte: 0x0A)
        #expect(hasher.finalize() == SHA256.hash([0x01] + prefix.bytes + [0x0A]))
    }

    @Test func variadicHashIsTheHashOfTheConcatenation() {
        let parts: [[UInt8]] = [[0x00], Array("entry".utf8), [], Array(repeating: 0xFF, count: 100)]
        #expect(SHA256.hash(parts[0], parts[1], parts[2], parts[3]) == SHA256.hash(parts.flatMap { $0 }))
        #expect(SHA256.hash([0x00], [0x01]) != SHA256.hash([0x01], [0x00]))
    }
}

/// `SHA256.Digest`: its bytes, hex form and ordering.
@Suite struct SHA256DigestTests {
    @Test func hexRoundTrips() throws {
        let digest = SHA256.hash(Array("abc".utf8))
        let parsed = try #require(SHA256.Digest(hex: digest.hex))
        #expect(parsed == digest)
        #expect(parsed.bytes == digest.bytes)
        #expect(digest.description == digest.hex)
        #expect(try #require(SHA256.Digest(bytes: digest.bytes)) == digest)
    }

    @Test func hexIsLowercaseAnd64Characters() {
        let digest = SHA256.Digest(storage: SIMD32<UInt8>(repeating: 0xAB))
        #expect(digest.hex == String(repeating: "ab", count: 32))
        #expect(SHA256.Digest.zero.hex == String(repeating: "0", count: 64))
        #expect(SHA256.Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
    }

    @Test(arguments: [
        "",
        String(repeating: "a", count: 62),
        String(repeating: "a", count: 63),
        String(repeating: "a", count: 65),
        String(repeating: "a", count: 66),
        String(repeating: "A", count: 64),
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        String(repeating: "g", count: 64),
        " " + String(repeating: "a", count: 63),
    ])
    func hexRejectsWrongLengthOrCharacters(_ text: String) {
        #expect(SHA256.Digest(hex: text) == nil)
    }

    @Test func bytesRejectsAnyLengthButThirtyTwo() {
        #expect(SHA256.Digest(bytes: [UInt8](repeating: 1, count: 31)) == nil)
        #expect(SHA256.Digest(bytes: [UInt8](repeating: 1, count: 33)) == nil)
        #expect(SHA256.Digest(bytes: []) == nil)
        #expect(SHA256.Digest(bytes: [UInt8](repeating: 1, count: 32)) != nil)
    }

    @Test func orderIsLexicographicOnTheBytes() throws {
        let low = try #require(SHA256.Digest(hex: "00" + String(repeating: "ff", count: 31)))
        let high = try #require(SHA256.Digest(hex: "01" + String(repeating: "00", count: 31)))
        #expect(low < high)
        #expect(SHA256.Digest.zero < low)
        #expect(!(high < low))
    }

    @Test func withUnsafeBytesExposesTheSameBytes() {
        let digest = SHA256.hash(Array("abc".utf8))
        #expect(digest.withUnsafeBytes { Array($0) } == digest.bytes)
    }
}
