import Foundation
import LedgerTesting
import LedgerCore
import LedgerCrypto
import Testing

/// `ledger keygen`: a 0600 private key, a 0644 public key, the key id printed; encrypted with a passphrase.
@Suite struct KeygenTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func writesAPrivateAndAPublicKeyAndPrintsTheKeyID() async throws {
        let society = try await Society(founded: false)
        let result = try await CLI.run(["keygen", "--holder", "陈主任", "--out", "new.pem"], in: society.folder)

        #expect(result.status == 0, "\(result)")
        #expect(try Self.mode(society.path("new.pem")) == 0o600)
        #expect(try Self.mode(society.path("new.pem.pub")) == 0o644)
        let privatePEM = try String(contentsOfFile: society.path("new.pem"), encoding: .utf8)
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let key = try Ed25519.PrivateKey(pemRepresentation: privatePEM)
        let publicKey = try Ed25519.PublicKey(pemRepresentation: try String(contentsOfFile: society.path("new.pem.pub"), encoding: .utf8))
        #expect(publicKey == key.publicKey)
        let id = Rules.keyID(publicKey: publicKey.rawRepresentation)
        #expect(result.stdout.contains("Key \(id) for 陈主任"))
        #expect(!result.stdout.contains(privatePEM))
    }

    @Test func jsonOutputNamesTheKeyAndItsFiles() async throws {
        let society = try await Society(founded: false)
        let result = try await CLI.run(["keygen", "--holder", "张", "--out", "z.pem", "--json"], in: society.folder)
        #expect(result.status == 0, "\(result)")
        let json = try result.json()
        let publicKey = try Ed25519.PublicKey(pemRepresentation: try String(contentsOfFile: society.path("z.pem.pub"), encoding: .utf8))
        #expect(json["key"] as? String == Rules.keyID(publicKey: publicKey.rawRepresentation))
        #expect(json["holder"] as? String == "张")
        #expect(json["private"] as? String == "z.pem")
        #expect(json["public"] as? String == "z.pem.pub")
        #expect(json["encrypted"] as? Bool == false)
    }

    @Test func aPassphraseFromTheEnvironmentEncryptsThePrivateKey() async throws {
        let society = try await Society(founded: false)
        let result = try await CLI.run(
            ["keygen", "--holder", "李", "--out", "secret.pem", "--passphrase-env", "KEY_PASS"], in: society.folder,
            environment: ["KEY_PASS": "桂花 2026"])

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("(encrypted)"))
        #expect(try Self.mode(society.path("secret.pem")) == 0o600)
        let pem = try String(contentsOfFile: society.path("secret.pem"), encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(!pem.contains("桂花"))
        #expect(!result.stdout.contains("桂花") && !result.stderr.contains("桂花"))
        let key = try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: Array("桂花 2026".utf8))
        let publicKey = try Ed25519.PublicKey(pemRepresentation: try String(contentsOfFile: society.path("secret.pem.pub"), encoding: .utf8))
        #expect(key.publicKey == publicKey)
        #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(pemRepresentation: pem, passphrase: Array("wrong".utf8)) }
    }

    @Test func refusesToOverwriteAKeyFile() async throws {
        let society = try await Society(founded: false)
        let before = try Data(contentsOf: URL(fileURLWithPath: society.path("c1.pem")))
        let result = try await CLI.run(["keygen", "--holder", "陈", "--out", "c1.pem"], in: society.folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: society.path("c1.pem"))) == before)
    }
}
