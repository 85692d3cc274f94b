import Foundation
import LedgerCrypto
import Testing

/// Loads the JSON vector files copied into the test bundle (see `Vectors/README.md` for their provenance).
enum VectorFile {
    /// Decodes `Vectors/<name>.json` from the test bundle.
    static func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw VectorError("Vectors/\(name).json is missing from the test bundle")
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}

/// A vector file that is missing or does not hold what its README promises.
struct VectorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Decodes lowercase hex from a vector file, throwing instead of returning `nil`.
func hexBytes(_ text: String, _ what: @autoclosure () -> String) throws -> [UInt8] {
    guard let bytes = Hex.decode(text) else { throw VectorError("\(what()) is not lowercase hex") }
    return bytes
}

extension KeyedDecodingContainer {
    /// Decodes a lowercase hex string field into bytes, failing on anything `Hex.decode` refuses.
    func decodeHex(forKey key: Key) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let bytes = Hex.decode(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not lowercase hex")
        }
        return bytes
    }
}

/// One RFC 8032 §7.1 Ed25519 test vector.
struct RFC8032Vector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    /// The 32-byte seed RFC 8032 calls SECRET KEY.
    let seed: [UInt8]
    let publicKey: [UInt8]
    let messageLength: Int
    let message: [UInt8]
    let signature: [UInt8]

    var testDescription: String { name }

    private enum CodingKeys: String, CodingKey {
        case name, secretKey, publicKey, messageLength, message, signature
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        seed = try container.decodeHex(forKey: .secretKey)
        publicKey = try container.decodeHex(forKey: .publicKey)
        messageLength = try container.decode(Int.self, forKey: .messageLength)
        message = try container.decodeHex(forKey: .message)
        signature = try container.decodeHex(forKey: .signature)
    }

    private struct File: Decodable {
        let vectors: [RFC8032Vector]
    }

    /// Every vector in `ed25519_rfc8032.json`, in file order.
    static func all() throws -> [RFC8032Vector] {
        try VectorFile.load(File.self, from: "ed25519_rfc8032").vectors
    }
}

/// One Wycheproof `EddsaVerify` case, flattened together with its group's public key.
struct WycheproofCase: Sendable, CustomTestStringConvertible {
    enum Result: String, Decodable, Sendable {
        case valid, invalid
    }

    let tcId: Int
    let comment: String
    let flags: [String]
    /// The group's raw public key (`publicKey.pk`).
    let publicKey: [UInt8]
    let message: [UInt8]
    let signature: [UInt8]
    let result: Result

    var testDescription: String {
        "tcId \(tcId) \(result.rawValue) \(flags.joined(separator: ","))\(comment.isEmpty ? "" : " (\(comment))")"
    }

    /// The file's top level: the declared case count and the groups.
    struct File: Decodable {
        let numberOfTests: Int
        let testGroups: [Group]
    }

    struct Group: Decodable {
        struct Key: Decodable {
            let pk: String
        }
        let publicKey: Key
        let publicKeyPem: String
        let tests: [Test]
    }

    struct Test: Decodable {
        let tcId: Int
        let comment: String
        let flags: [String]
        let msg: String
        let sig: String
        let result: Result
    }

    /// The whole of `wycheproof_ed25519_test.json`.
    static func file() throws -> File {
        try VectorFile.load(File.self, from: "wycheproof_ed25519_test")
    }

    /// Every case in the file, in file order.
    static func all() throws -> [WycheproofCase] {
        try file().testGroups.flatMap { group in
            let publicKey = try hexBytes(group.publicKey.pk, "a group's publicKey.pk")
            return try group.tests.map { test in
                WycheproofCase(
                    tcId: test.tcId,
                    comment: test.comment,
                    flags: test.flags,
                    publicKey: publicKey,
                    message: try hexBytes(test.msg, "tcId \(test.tcId) msg"),
                    signature: try hexBytes(test.sig, "tcId \(test.tcId) sig"),
                    result: test.result
                )
            }
        }
    }
}
