import Foundation
import LedgerCrypto
import Testing

/// PKCS#8 PEM private keys (plain and encrypted), SubjectPublicKeyInfo PEM public keys, and redaction.
@Suite struct PEMTests {
    let message = Array("mutual-aid-ledger:v1:entry\n{\"seq\":0}".utf8)
    let passphrase = Array("correct horse battery staple 互助".utf8)

    /// The same private key signs identically (Ed25519 is deterministic), which proves the seed survived.
    func expectSameKey(_ loaded: Ed25519.PrivateKey, _ original: Ed25519.PrivateKey) throws {
        #expect(loaded.publicKey == original.publicKey)
        #expect(try loaded.signature(for: message) == original.signature(for: message))
    }

    @Test func plainPEMRoundTrips() throws {
        let key = try Ed25519.PrivateKey()
        let pem = try key.pemRepresentation()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pem.hasSuffix("-----END PRIVATE KEY-----\n"))
        #expect(!pem.contains("ENCRYPTED"))
        try expectSameKey(try Ed25519.PrivateKey(pemRepresentation: pem), key)
        // A passphrase given for a plain key is ignored.
        try expectSameKey(try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: passphrase), key)
    }

    @Test func encryptedPEMRoundTrips() throws {
        let key = try Ed25519.PrivateKey()
        let pem = try key.pemRepresentation(passphrase: passphrase)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        #expect(pem.hasSuffix("-----END ENCRYPTED PRIVATE KEY-----\n"))
        #expect(!pem.contains("BEGIN PRIVATE KEY"))
        #expect(pem != (try key.pemRepresentation()))
        try expectSameKey(try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: passphrase), key)
    }

    @Test func encryptingTwiceUsesFreshSaltAndIV() throws {
        let key = try Ed25519.PrivateKey()
        #expect(try key.pemRepresentation(passphrase: passphrase) != key.pemRepresentation(passphrase: passphrase))
    }

    @Test func wrongPassphraseIsRefused() throws {
        let pem = try Ed25519.PrivateKey().pemRepresentation(passphrase: passphrase)
        let error = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: Array("wrong".utf8))
        }
        #expect(error?.code == .wrongPassphrase)
        // A passphrase that is a prefix of the right one is wrong too.
        let prefix = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: Array(passphrase.dropLast()))
        }
        #expect(prefix?.code == .wrongPassphrase)
    }

    @Test func encryptedWithoutPassphraseIsRefusedWithoutPrompting() throws {
        let pem = try Ed25519.PrivateKey().pemRepresentation(passphrase: passphrase)
        let missing = #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: pem) }
        #expect(missing?.code == .passphraseRequired)
        let empty = #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: []) }
        #expect(empty?.code == .passphraseRequired)
    }

    @Test(arguments: [
        "",
        "garbage",
        "-----BEGIN PRIVATE KEY-----\nnot base64 at all!!\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
    ])
    func garbageIsMalformedPEM(_ text: String) {
        let error = #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: text) }
        #expect(error?.code == .malformedPEM)
    }

    @Test func aPublicKeyPEMIsNotAPrivateKey() throws {
        let publicPEM = try Ed25519.PrivateKey().publicKey.pemRepresentation
        let error = #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: publicPEM) }
        #expect(error?.code == .malformedPEM)
    }

    @Test func truncatedPEMIsMalformed() throws {
        let pem = try Ed25519.PrivateKey().pemRepresentation()
        let error = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(pemRepresentation: String(pem.prefix(pem.count / 2)))
        }
        #expect(error?.code == .malformedPEM)
    }

    @Test func publicPEMRoundTrips() throws {
        let publicKey = try Ed25519.PrivateKey().publicKey
        let pem = publicKey.pemRepresentation
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try Ed25519.PublicKey(pemRepresentation: pem) == publicKey)
        let error = #expect(throws: CryptoError.self) { try Ed25519.PublicKey(pemRepresentation: "garbage") }
        #expect(error?.code == .malformedPEM)
    }

    @Test func rawPublicKeyOfTheWrongLengthIsInvalid() {
        for count in [0, 31, 33, 64] {
            let error = #expect(throws: CryptoError.self) {
                try Ed25519.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: count))
            }
            #expect(error?.code == .invalidKey, "\(count) bytes")
        }
        let seedError = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 31))
        }
        #expect(seedError?.code == .invalidKey)
    }

    /// The seed appears in no printed form of the key: not as hex, base64, a byte list, nor in `dump`.
    @Test func privateKeyNeverPrintsItsBytes() throws {
        let seed = try SecureRandom.bytes(32)
        let key = try Ed25519.PrivateKey(seed: seed)
        var dumped = ""
        dump(key, to: &dumped)
        let printed = [key.description, "\(key)", String(reflecting: key), dumped]
        let secretForms = [Hex.encode(seed), Data(seed).base64EncodedString(), "\(seed)", Hex.encode(seed.prefix(8))]
        for text in printed {
            for secret in secretForms {
                #expect(!text.contains(secret), "printed key contains its seed: \(text)")
            }
        }
        #expect(key.description == "Ed25519.PrivateKey(<redacted>)")
    }

    @Test func errorsNeverContainThePassphrase() throws {
        let pem = try Ed25519.PrivateKey().pemRepresentation(passphrase: passphrase)
        let wrong = Array("hunter2-secret".utf8)
        let error = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: wrong)
        }
        let text = error.map { "\($0) \($0.message)" } ?? ""
        #expect(!text.isEmpty)
        #expect(!text.contains("hunter2"))
    }
}
