import Foundation
import LedgerCrypto
import Testing

/// Keys and signatures are exchanged with the real `openssl` command (DESIGN §9: keys readable by `openssl`).
@Suite struct OpenSSLInteropTests {
    /// Bytes an encoder could mangle: NUL, newline, high bytes, no trailing newline.
    let message: [UInt8] = Array("mutual-aid-ledger:v1:entry\n{\"memo\":\"修桥\"}".utf8) + [0x00, 0xFF, 0x0D]
    let passphrase = "interop pass 互助 42"

    @Test func opensslIsInstalled() throws {
        let directory = try TemporaryDirectory()
        let version = try OpenSSLCommand(directory: directory.url).run(["version"])
        #expect(version.hasPrefix("OpenSSL 3."), "\(version)")
    }

    // MARK: (a) our signatures, checked by openssl

    @Test func opensslVerifiesOurSignature() throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        let key = try Ed25519.PrivateKey()
        let signature = try key.signature(for: message)
        try directory.write(key.publicKey.pemRepresentation, to: "pub.pem")
        try directory.write(message, to: "msg")
        try directory.write(signature, to: "sig")

        let output = try openssl.run([
            "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg", "-sigfile", "sig",
        ])
        #expect(output.contains("Signature Verified Successfully"))

        // The same check must fail for a flipped bit, so the success above means something.
        var forged = signature
        forged[10] ^= 0x04
        try directory.write(forged, to: "forged")
        let refused = try openssl.outcome([
            "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg", "-sigfile", "forged",
        ])
        #expect(refused.status != 0)
        #expect(!refused.output.contains("Verified Successfully"))
    }

    // MARK: (b) keys made by openssl, used by us

    @Test(arguments: [false, true])
    func opensslGeneratedKeyLoadsAndSigns(encrypted: Bool) throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        let passin = encrypted ? ["-passin", "pass:\(passphrase)"] : []
        if encrypted {
            try openssl.run([
                "genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:\(passphrase)", "-out", "key.pem",
            ])
        } else {
            try openssl.run(["genpkey", "-algorithm", "ed25519", "-out", "key.pem"])
        }
        let pem = try directory.readText("key.pem")
        #expect(pem.contains(encrypted ? "-----BEGIN ENCRYPTED PRIVATE KEY-----" : "-----BEGIN PRIVATE KEY-----"))
        try openssl.run(["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"] + passin)

        let key = try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: encrypted ? Array(passphrase.utf8) : nil)
        let opensslPublicKey = try Ed25519.PublicKey(pemRepresentation: try directory.readText("pub.pem"))
        #expect(key.publicKey == opensslPublicKey)

        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(opensslPublicKey.isValidSignature(signature, for: message))

        // openssl signing with its own key gives the same deterministic signature.
        try directory.write(message, to: "msg")
        try openssl.run(["pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg", "-out", "sig"] + passin)
        #expect(try directory.read("sig") == signature)
    }

    @Test func opensslEncryptedKeyRefusesTheWrongPassphrase() throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        try openssl.run([
            "genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:\(passphrase)", "-out", "key.pem",
        ])
        let pem = try directory.readText("key.pem")
        let wrong = #expect(throws: CryptoError.self) {
            try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: Array("not it".utf8))
        }
        #expect(wrong?.code == .wrongPassphrase)
        let missing = #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: pem) }
        #expect(missing?.code == .passphraseRequired)
    }

    // MARK: (c) keys written by us, read by openssl

    @Test func opensslReadsOurEncryptedPrivateKey() throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        let key = try Ed25519.PrivateKey()
        let pem = try key.pemRepresentation(passphrase: Array(passphrase.utf8))
        #expect(pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        try directory.write(pem, to: "key.pem")

        let publicPEM = try openssl.run(["pkey", "-in", "key.pem", "-passin", "pass:\(passphrase)", "-pubout"])
        #expect(try Ed25519.PublicKey(pemRepresentation: publicPEM) == key.publicKey)
        #expect(publicPEM == key.publicKey.pemRepresentation)

        let text = try openssl.run(["pkey", "-in", "key.pem", "-passin", "pass:\(passphrase)", "-noout", "-text"])
        #expect(text.contains("ED25519 Private-Key"))

        let refused = try openssl.outcome(["pkey", "-in", "key.pem", "-passin", "pass:wrong", "-noout"])
        #expect(refused.status != 0)

        // openssl signs with our key exactly as we do.
        try directory.write(message, to: "msg")
        try openssl.run([
            "pkeyutl", "-sign", "-inkey", "key.pem", "-passin", "pass:\(passphrase)", "-rawin", "-in", "msg", "-out",
            "sig",
        ])
        #expect(try directory.read("sig") == key.signature(for: message))
    }

    @Test func opensslReadsOurPlainPrivateKey() throws {
        let directory = try TemporaryDirectory()
        let openssl = OpenSSLCommand(directory: directory.url)
        let key = try Ed25519.PrivateKey()
        try directory.write(try key.pemRepresentation(), to: "key.pem")
        let publicPEM = try openssl.run(["pkey", "-in", "key.pem", "-pubout"])
        #expect(try Ed25519.PublicKey(pemRepresentation: publicPEM) == key.publicKey)
    }
}
