import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// Reads a JSON vector file from this target's bundle (see `Vectors/README.md` for where each one comes from).
func loadVector<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors"),
        "Vectors/\(name).json is missing from the test bundle")
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// `Vectors/merkle_rfc6962.json`: the 8-leaf tree of transparency-dev/merkle, its roots and proofs.
struct RFC6962Vectors: Decodable {
    struct Inclusion: Decodable, Sendable, CustomTestStringConvertible {
        let leafIndex: Int
        let treeSize: Int
        let leafHash: String
        let root: String
        let proof: [String]
        var testDescription: String { "leaf \(leafIndex) of \(treeSize)" }
    }

    struct Consistency: Decodable, Sendable, CustomTestStringConvertible {
        let size1: Int
        let size2: Int
        let root1: String
        let root2: String
        let proof: [String]
        var testDescription: String { "\(size1) → \(size2)" }
    }

    struct HasherAnswer: Decodable, Sendable, CustomTestStringConvertible {
        let desc: String
        let input: String
        let hash: String
        var testDescription: String { desc }
    }

    struct Cases<Case: Decodable>: Decodable { let cases: [Case] }
    struct Roots: Decodable { let roots: [String] }
    struct Levels: Decodable { let levels: [[String]] }
    struct Grid: Decodable {
        let inclusion: [Inclusion]
        let consistency: [Consistency]
    }

    let leafInputs: [String]
    let leafHashes: [String]
    let nodeHashes: Levels
    let rootsBySize: Roots
    let hasherKnownAnswers: [HasherAnswer]
    let inclusionProofs: Cases<Inclusion>
    let consistencyProofs: Cases<Consistency>
    let generatedGrid: Grid

    static func load() throws -> RFC6962Vectors { try loadVector(RFC6962Vectors.self, "merkle_rfc6962") }

    /// Every inclusion case: the transcribed ones, then the generated grid.
    static func allInclusion() throws -> [Inclusion] {
        let vectors = try load()
        return vectors.inclusionProofs.cases + vectors.generatedGrid.inclusion
    }

    /// Every consistency case: the transcribed ones, then the generated grid.
    static func allConsistency() throws -> [Consistency] {
        let vectors = try load()
        return vectors.consistencyProofs.cases + vectors.generatedGrid.consistency
    }

    /// The tree of the eight leaves, grown by `MerkleTree`.
    func tree() throws -> MerkleTree {
        var tree = MerkleTree()
        for input in leafInputs { tree.append(Entry.hash(of: try #require(Hex.decode(input)))) }
        return tree
    }
}

/// `Vectors/merkle_probes_transparency_dev.json`: every positive and negative probe of transparency-dev/merkle's
/// `testdata/`. Hashes stay as hex strings because some are deliberately not 32 bytes long.
struct ProbeVectors: Decodable {
    struct Inclusion: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let desc: String
        /// A Go `uint64`: `leafIdx-sub-@1` holds 2^64 − 1, which no `Int` can.
        let leafIndex: UInt64
        let treeSize: UInt64
        let leafHash: String
        let root: String
        let proof: [String]?
        let wantErr: Bool
        var testDescription: String { file }
    }

    struct Consistency: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let desc: String
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]?
        let wantErr: Bool
        var testDescription: String { file }
    }

    let inclusion: [Inclusion]
    let consistency: [Consistency]

    static func load() throws -> ProbeVectors { try loadVector(ProbeVectors.self, "merkle_probes_transparency_dev") }
}

/// `Vectors/signed_note_c2sp.json`: C2SP signed-note, checkpoint and cosignature vectors.
struct NoteVectors: Decodable {
    struct InvalidKey: Decodable, Sendable, CustomTestStringConvertible {
        let vkey: String
        let desc: String
        var testDescription: String { desc }
    }

    struct VerifierKeys: Decodable {
        let valid: [String]
        let invalid: [InvalidKey]
    }

    struct SignerKey: Decodable {
        let skey: String
        let vkey: String
        let source: String
    }

    struct SignerKeys: Decodable { let keys: [SignerKey] }

    /// Either a plain signing vector (`skey`, `text`, `signedNote`) or the cosignature one.
    struct SigningVector: Decodable, Sendable, CustomTestStringConvertible {
        let desc: String
        let skey: String?
        let text: String?
        let signedNote: String?
        let checkpointText: String?
        let timestamp: UInt64?
        let cosignedMessage: String?
        let cosignatureLine: String?
        var testDescription: String { desc }
    }

    struct OpenCase: Decodable, Sendable, CustomTestStringConvertible {
        let desc: String
        let source: String
        let note: String?
        let noteBase64: String?
        let verifierKeys: [String]
        let expect: String
        let verifiedSigners: [String]?
        let unverifiedSigners: [String]?
        let text: String?
        var testDescription: String { desc }

        /// The note's exact bytes.
        func bytes() throws -> [UInt8] {
            if let note { return Array(note.utf8) }
            return try #require(noteBase64.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) })
        }
    }

    struct ParseOnly: Decodable, Sendable, CustomTestStringConvertible {
        struct Signature: Decodable, Sendable {
            let keyName: String
            let keyIdHex: String
            let signatureBytes: Int
        }
        let desc: String
        let note: String?
        let text: String?
        let signatures: [Signature]?
        let signatureBase64: String?
        let timestamp: UInt64?
        let keyIdHex: String?
        var testDescription: String { desc }
    }

    let verifierKeys: VerifierKeys
    let signerKeys: SignerKeys
    let signingVectors: [SigningVector]
    let openCases: [OpenCase]
    let parseOnly: [ParseOnly]

    static func load() throws -> NoteVectors { try loadVector(NoteVectors.self, "signed_note_c2sp") }
}

/// The signature type byte of a vkey (`name+hash+base64(type ‖ key)`): 0x01 Ed25519, 0x04 cosignature/v1.
func vkeyType(_ vkey: String) -> UInt8? {
    let parts = vkey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, let bytes = Data(base64Encoded: String(parts[2])), let first = bytes.first else { return nil }
    return first
}

/// A Go-format private note key, `PRIVATE+KEY+<name>+<hash>+base64(0x01 ‖ seed)`.
struct GoSignerKey {
    let name: String
    let keyHashHex: String
    let seed: [UInt8]

    init(_ skey: String) throws {
        let parts = skey.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 5 && parts[0] == "PRIVATE" && parts[1] == "KEY", "not a private note key: \(skey)")
        let decoded = try #require(Base64.decode(parts[4]), "the key part is not base64")
        try #require(decoded.count == 33 && decoded[0] == 0x01, "not an Ed25519 private note key")
        name = parts[2]
        keyHashHex = parts[3]
        seed = Array(decoded.dropFirst())
    }

    func signer() throws -> NoteSigner { NoteSigner(name: name, key: try Ed25519.PrivateKey(seed: seed)) }
}

/// Parses 64 hex characters, failing the test for anything else.
func hash(_ hex: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> EntryHash {
    try #require(EntryHash(hex: hex), "not a 32-byte hex hash: \(hex)", sourceLocation: sourceLocation)
}
