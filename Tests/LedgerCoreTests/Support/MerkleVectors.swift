import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// `Vectors/merkle_rfc6962.json` (see `Vectors/README.md` for its provenance).
struct MerkleVectors: Decodable {
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

    struct HasherAnswer: Decodable, Sendable {
        let desc: String
        let input: String
        let hash: String
    }

    struct Cases<Case: Decodable>: Decodable { let cases: [Case] }
    struct Roots: Decodable { let roots: [String] }
    struct Grid: Decodable {
        let inclusion: [Inclusion]
        let consistency: [Consistency]
    }

    let leafInputs: [String]
    let leafHashes: [String]
    let rootsBySize: Roots
    let hasherKnownAnswers: [HasherAnswer]
    let inclusionProofs: Cases<Inclusion>
    let consistencyProofs: Cases<Consistency>
    let generatedGrid: Grid

    /// Decodes the file from the test bundle.
    static func load() throws -> MerkleVectors {
        let url = try #require(Bundle.module.url(forResource: "merkle_rfc6962", withExtension: "json", subdirectory: "Vectors"),
            "Vectors/merkle_rfc6962.json is missing from the test bundle")
        return try JSONDecoder().decode(MerkleVectors.self, from: Data(contentsOf: url))
    }

    /// Every inclusion case: transcribed, then generated.
    static func allInclusion() throws -> [Inclusion] {
        let vectors = try load()
        return vectors.inclusionProofs.cases + vectors.generatedGrid.inclusion
    }

    /// Every consistency case: transcribed, then generated.
    static func allConsistency() throws -> [Consistency] {
        let vectors = try load()
        return vectors.consistencyProofs.cases + vectors.generatedGrid.consistency
    }

    /// A tree of the eight leaves.
    func tree() throws -> MerkleTree {
        var tree = MerkleTree()
        for hex in leafHashes { tree.append(try #require(EntryHash(hex: hex))) }
        return tree
    }
}

/// An independent RFC 9162 implementation, written from the RFC's text, to check the tree against: it uses only
/// SHA-256, not `MerkleTree`.
enum RFC9162 {
    static func node(_ left: EntryHash, _ right: EntryHash) -> EntryHash { SHA256.hash([0x01], left.bytes, right.bytes) }

    /// MTH(D[n]), section 2.1.1, computed recursively from the leaf hashes.
    static func root(_ leaves: ArraySlice<EntryHash>) -> EntryHash {
        if leaves.isEmpty { return SHA256.hash([]) }
        if leaves.count == 1 { return leaves.first! }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        let middle = leaves.startIndex + split
        return node(root(leaves[..<middle]), root(leaves[middle...]))
    }

    /// Section 2.1.3.2: verifying an inclusion proof.
    static func verifyInclusion(index: Int, size: Int, leaf: EntryHash, path: [EntryHash], root: EntryHash) -> Bool {
        guard index < size else { return false }
        var fn = index, sn = size - 1, r = leaf
        for p in path {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = node(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Section 2.1.4.2: verifying a consistency proof (0 < first < second).
    static func verifyConsistency(first: Int, second: Int, firstRoot: EntryHash, secondRoot: EntryHash, path: [EntryHash]) -> Bool {
        guard first > 0, first < second, !path.isEmpty else { return false }
        var path = path
        if first & (first - 1) == 0 { path.insert(firstRoot, at: 0) }
        var fn = first - 1, sn = second - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = node(c, fr)
                sr = node(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == firstRoot && sr == secondRoot && sn == 0
    }
}
