import Foundation
import LedgerCrypto
import Testing

/// Public keys a forger could use are refused: small order, non-canonical spellings, points off the curve.
///
/// The encodings are those of Chalkias, Garillot and Nikolaenko, "Taming the many EdDSAs" (2020), table 6, and were
/// recomputed independently from RFC 8032 §5.1.3 with Python's integers.
@Suite struct WeakKeyTests {
    /// The eight points whose order divides 8, each in its canonical encoding.
    static let smallOrder = [
        "0100000000000000000000000000000000000000000000000000000000000000",  // the identity (0, 1), order 1
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // (0, −1), order 2
        "0000000000000000000000000000000000000000000000000000000000000000",  // y = 0, x even: order 4
        "0000000000000000000000000000000000000000000000000000000000000080",  // y = 0, x odd: order 4
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
    ]

    /// The other spellings of small-order points: y + p for y = 0 and 1, and x = 0 with its sign bit set.
    static let smallOrderNonCanonical = [
        "0100000000000000000000000000000000000000000000000000000000000080",  // the identity, sign bit set
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // (0, −1), sign bit set
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p, i.e. y = 0
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // y = p, sign bit set
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1, i.e. the identity
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // y = p + 1, sign bit set
    ]

    /// y values with no point on the curve (no square root in step 3).
    static let offCurve = [
        "0200000000000000000000000000000000000000000000000000000000000000",  // y = 2
        "0700000000000000000000000000000000000000000000000000000000000000",  // y = 7
        "0800000000000000000000000000000000000000000000000000000000000080",  // y = 8, sign bit set
    ]

    @Test func theListsAreComplete() {
        #expect(Set(Self.smallOrder).count == 8)
        #expect(Set(Self.smallOrderNonCanonical).count == 6)
        #expect(Set(Self.smallOrder).isDisjoint(with: Self.smallOrderNonCanonical))
    }

    @Test(arguments: smallOrder)
    func smallOrderPointsAreRefused(_ hex: String) throws {
        let raw = try #require(Hex.decode(hex))
        #expect(Ed25519.defect(ofPublicKey: raw) == .smallOrder)
        #expect(throws: CryptoError(.weakKey, "")) { try Ed25519.PublicKey(rawRepresentation: raw) }
    }

    @Test(arguments: smallOrderNonCanonical)
    func nonCanonicalSpellingsAreRefused(_ hex: String) throws {
        let raw = try #require(Hex.decode(hex))
        #expect(Ed25519.defect(ofPublicKey: raw) == .nonCanonical)
        #expect(throws: CryptoError(.weakKey, "")) { try Ed25519.PublicKey(rawRepresentation: raw) }
    }

    @Test func everyYFromPUpIsNonCanonical() throws {
        // p = 2²⁵⁵ − 19 is ed ff … ff 7f; the 19 values p … 2²⁵⁵ − 1, each with both sign bits.
        for low in UInt8(0xed)...UInt8(0xff) {
            for top in [UInt8(0x7f), 0xff] {
                let raw = [low] + [UInt8](repeating: 0xff, count: 30) + [top]
                #expect(Ed25519.defect(ofPublicKey: raw) == .nonCanonical, "\(Hex.encode(raw))")
            }
        }
    }

    @Test(arguments: offCurve)
    func pointsOffTheCurveAreRefused(_ hex: String) throws {
        let raw = try #require(Hex.decode(hex))
        #expect(Ed25519.defect(ofPublicKey: raw) == .notOnCurve)
        #expect(throws: CryptoError(.weakKey, "")) { try Ed25519.PublicKey(rawRepresentation: raw) }
    }

    @Test func generatedAndPublishedKeysAreAccepted() throws {
        for _ in 0..<50 {
            let key = try Ed25519.PrivateKey().publicKey
            #expect(Ed25519.defect(ofPublicKey: key.rawRepresentation) == nil)
        }
        for vector in try RFC8032Vector.all() {
            #expect(Ed25519.defect(ofPublicKey: vector.publicKey) == nil, "\(vector.name)")
        }
    }

    /// RFC 8032 TEST 1's key plus the order-8 point `26e8…05`: it has a torsion part, but signing for it still needs
    /// the private scalar, so it is accepted (docs/FORMAT.md section 6, key object).
    @Test func aMixedOrderKeyIsAccepted() throws {
        let raw = try #require(Hex.decode("3b5b475c4b82dd1572799fc546f4c6c03e478c6654aa4c7f945b347ea32af60d"))
        #expect(Ed25519.defect(ofPublicKey: raw) == nil)
    }

    @Test func aPEMPublicKeyOfSmallOrderIsRefused() throws {
        // SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112) around the identity point.
        let prefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        let der = prefix + (try #require(Hex.decode(Self.smallOrder[0])))
        let pem = "-----BEGIN PUBLIC KEY-----\n\(Data(der).base64EncodedString())\n-----END PUBLIC KEY-----\n"
        #expect(throws: CryptoError(.weakKey, "")) { try Ed25519.PublicKey(pemRepresentation: pem) }
    }

    /// Why the check exists: OpenSSL itself accepts the signature (R, S) = (identity, 0) under the identity key, for
    /// any message. Run through the `openssl` command, which knows nothing of the ledger's checks.
    @Test func openSSLAloneAcceptsAForgeryUnderTheIdentityKey() throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        let prefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        try directory.write(prefix + (try #require(Hex.decode(Self.smallOrder[0]))), to: "identity.der")
        try directory.write(Array("approve entry 41 — nobody signed this".utf8), to: "message.bin")
        try directory.write([1] + [UInt8](repeating: 0, count: 63), to: "forged.sig")
        let outcome = try openssl.outcome([
            "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "identity.der", "-rawin",
            "-in", "message.bin", "-sigfile", "forged.sig",
        ])
        #expect(outcome.status == 0, "openssl refused the forgery: \(outcome.errors)")
        #expect(outcome.output.contains("Signature Verified Successfully"))
    }
}
