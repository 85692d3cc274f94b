import LedgerCrypto
import Testing

/// RFC 8032 §7.1: OpenSSL's Ed25519 is deterministic, so signatures must match the RFC byte for byte.
@Suite struct RFC8032Tests {
    @Test func theFileHoldsExactlyTheFiveVectorsOfSection7_1() throws {
        let vectors = try RFC8032Vector.all()
        #expect(vectors.count == 5)
        #expect(vectors.map(\.name) == ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"])
        for vector in vectors {
            #expect(vector.message.count == vector.messageLength, "\(vector.name)")
            #expect(vector.seed.count == Ed25519.keyLength, "\(vector.name)")
            #expect(vector.publicKey.count == Ed25519.keyLength, "\(vector.name)")
            #expect(vector.signature.count == Ed25519.signatureLength, "\(vector.name)")
        }
    }

    @Test(arguments: try RFC8032Vector.all())
    func seedGivesThePublicKey(_ vector: RFC8032Vector) throws {
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        #expect(Hex.encode(key.publicKey.rawRepresentation) == Hex.encode(vector.publicKey))
        #expect(key.publicKey == (try Ed25519.PublicKey(rawRepresentation: vector.publicKey)))
    }

    @Test(arguments: try RFC8032Vector.all())
    func signatureMatchesByteForByte(_ vector: RFC8032Vector) throws {
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        let signature = try key.signature(for: vector.message)
        #expect(Hex.encode(signature) == Hex.encode(vector.signature))
    }

    @Test(arguments: try RFC8032Vector.all())
    func signatureVerifies(_ vector: RFC8032Vector) throws {
        let publicKey = try Ed25519.PublicKey(rawRepresentation: vector.publicKey)
        #expect(publicKey.isValidSignature(vector.signature, for: vector.message))
    }

    @Test(arguments: try RFC8032Vector.all())
    func everySingleFlippedSignatureBitFails(_ vector: RFC8032Vector) throws {
        let publicKey = try Ed25519.PublicKey(rawRepresentation: vector.publicKey)
        var accepted: [Int] = []
        for bit in 0..<(vector.signature.count * 8) {
            var signature = vector.signature
            signature[bit / 8] ^= 1 << UInt8(bit % 8)
            if publicKey.isValidSignature(signature, for: vector.message) { accepted.append(bit) }
        }
        #expect(accepted.isEmpty, "signatures with these bits flipped were accepted: \(accepted)")
    }

    @Test(arguments: try RFC8032Vector.all())
    func alteredMessageOrSignatureLengthFails(_ vector: RFC8032Vector) throws {
        let publicKey = try Ed25519.PublicKey(rawRepresentation: vector.publicKey)
        #expect(!publicKey.isValidSignature(vector.signature, for: vector.message + [0]))
        if !vector.message.isEmpty {
            var message = vector.message
            message[message.count - 1] ^= 0x01
            #expect(!publicKey.isValidSignature(vector.signature, for: message))
            #expect(!publicKey.isValidSignature(vector.signature, for: vector.message.dropLast()))
        }
        #expect(!publicKey.isValidSignature(vector.signature.dropLast(), for: vector.message))
        #expect(!publicKey.isValidSignature(vector.signature + [0], for: vector.message))
        #expect(!publicKey.isValidSignature([], for: vector.message))
    }

    @Test(arguments: try RFC8032Vector.all())
    func anotherVectorsKeyDoesNotVerify(_ vector: RFC8032Vector) throws {
        let others = try RFC8032Vector.all().filter { $0.publicKey != vector.publicKey }
        #expect(others.count == 4)
        for other in others {
            let publicKey = try Ed25519.PublicKey(rawRepresentation: other.publicKey)
            #expect(!publicKey.isValidSignature(vector.signature, for: vector.message), "key of \(other.name)")
        }
    }
}
