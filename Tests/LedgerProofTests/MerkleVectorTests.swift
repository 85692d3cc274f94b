import LedgerCore
import LedgerCrypto
import Testing

/// docs/FORMAT.md section 12 against `merkle_rfc6962.json`: `MerkleTree` must produce exactly the vectors' roots and
/// proofs, and `MerkleProof` must accept them.
@Suite struct MerkleVectorTests {
    @Test(arguments: 0...8)
    func theRootOfTheFirstNLeavesIsTheVectorsRoot(size: Int) throws {
        let vectors = try RFC6962Vectors.load()
        let expected = try hash(vectors.rootsBySize.roots[size])
        let tree = try vectors.tree()
        #expect(tree.root(size: size) == expected)
        #expect(try tree.root(ofSize: size) == expected)
        var grown = MerkleTree()
        for input in vectors.leafInputs.prefix(size) { grown.append(Entry.hash(of: try #require(Hex.decode(input)))) }
        #expect(grown.size == size)
        #expect(grown.root == expected)
    }

    @Test func leafHashesAndEveryCompleteSubtreeMatch() throws {
        let vectors = try RFC6962Vectors.load()
        let tree = try vectors.tree()
        for (input, leaf) in zip(vectors.leafInputs, vectors.leafHashes) {
            #expect(Entry.hash(of: try #require(Hex.decode(input))).hex == leaf)
        }
        for (level, hashes) in vectors.nodeHashes.levels.enumerated() {
            for (index, hex) in hashes.enumerated() {
                #expect(tree.node(level: level, index: index).hex == hex, "node \(level)/\(index)")
            }
        }
    }

    /// `""` is the empty tree, `leaf:<hex>` a leaf hash, `node:<left>:<right>` an interior node.
    ///
    /// The one node answer hashes two 4-byte children ('N123', 'N456'), which `MerkleTree.interior` cannot take
    /// (its children are 32-byte hashes): it pins the node rule SHA-256(0x01 ‖ left ‖ right) with the same
    /// incremental SHA-256 `interior` uses, and `leafHashesAndEveryCompleteSubtreeMatch` pins `interior` itself.
    @Test(arguments: try RFC6962Vectors.load().hasherKnownAnswers)
    func hasherKnownAnswers(answer: RFC6962Vectors.HasherAnswer) throws {
        let computed: EntryHash
        if answer.input.isEmpty {
            computed = MerkleTree().root
        } else if answer.input.hasPrefix("leaf:") {
            computed = Entry.hash(of: try #require(Hex.decode(answer.input.dropFirst("leaf:".count))))
        } else {
            let parts = answer.input.split(separator: ":", omittingEmptySubsequences: false)
            try #require(parts.count == 3 && parts[0] == "node", "unknown hasher input \(answer.input)")
            let left = try #require(Hex.decode(parts[1]))
            let right = try #require(Hex.decode(parts[2]))
            if let left = EntryHash(bytes: left), let right = EntryHash(bytes: right) {
                computed = MerkleTree.interior(left, right)
            } else {
                var hasher = SHA256.Hasher()
                hasher.update(byte: 0x01)
                hasher.update(left)
                hasher.update(right)
                computed = hasher.finalize()
            }
        }
        #expect(computed.hex == answer.hash)
    }

    @Test(arguments: try RFC6962Vectors.allInclusion())
    func inclusionProofsAreGeneratedAndVerified(vector: RFC6962Vectors.Inclusion) throws {
        let tree = try RFC6962Vectors.load().tree()
        let leaf = try hash(vector.leafHash)
        let root = try hash(vector.root)
        let expected = try vector.proof.map { try hash($0) }
        #expect(tree.node(level: 0, index: vector.leafIndex) == leaf)
        #expect(tree.root(size: vector.treeSize) == root)
        #expect(tree.inclusionProof(index: vector.leafIndex, size: vector.treeSize) == expected)
        #expect(try tree.auditPath(index: vector.leafIndex, size: vector.treeSize) == expected)
        #expect(MerkleProof.verifyInclusion(leaf: leaf, index: vector.leafIndex, size: vector.treeSize, proof: expected, root: root))
        #expect(MerkleProof.rootFromInclusion(leaf: leaf, index: vector.leafIndex, size: vector.treeSize, proof: expected) == root)
        // The same proof must not prove anything else.
        let otherLeaf = MerkleTree.interior(leaf, leaf)
        #expect(!MerkleProof.verifyInclusion(leaf: otherLeaf, index: vector.leafIndex, size: vector.treeSize, proof: expected, root: root))
        #expect(!MerkleProof.verifyInclusion(leaf: leaf, index: vector.leafIndex, size: vector.treeSize, proof: expected + [root], root: root))
    }

    @Test(arguments: try RFC6962Vectors.allConsistency())
    func consistencyProofsAreGeneratedAndVerified(vector: RFC6962Vectors.Consistency) throws {
        let tree = try RFC6962Vectors.load().tree()
        let root1 = try hash(vector.root1)
        let root2 = try hash(vector.root2)
        let expected = try vector.proof.map { try hash($0) }
        #expect(tree.root(size: vector.size1) == root1)
        #expect(tree.root(size: vector.size2) == root2)
        #expect(tree.consistencyProof(old: vector.size1, new: vector.size2) == expected)
        #expect(try tree.consistencyPath(old: vector.size1, new: vector.size2) == expected)
        #expect(MerkleProof.verifyConsistency(oldSize: vector.size1, newSize: vector.size2, oldRoot: root1, newRoot: root2, proof: expected))
        // Swapped roots and a wrong old root are refused.
        if root1 != root2 {
            #expect(!MerkleProof.verifyConsistency(oldSize: vector.size1, newSize: vector.size2, oldRoot: root2, newRoot: root1, proof: expected))
        }
        let wrong = MerkleTree.interior(root1, root1)
        #expect(!MerkleProof.verifyConsistency(oldSize: vector.size1, newSize: vector.size2, oldRoot: wrong, newRoot: root2, proof: expected))
    }

    /// The generated grid is every valid proof of the 8-leaf tree: check it is exactly that, no more, no fewer.
    @Test func theGridCoversEveryProofOfTheEightLeafTree() throws {
        let grid = try RFC6962Vectors.load().generatedGrid
        let inclusion = Set(grid.inclusion.map { "\($0.leafIndex)/\($0.treeSize)" })
        let expectedInclusion = Set((1...8).flatMap { size in (0..<size).map { "\($0)/\(size)" } })
        #expect(inclusion == expectedInclusion)
        let consistency = Set(grid.consistency.map { "\($0.size1)/\($0.size2)" })
        let expectedConsistency = Set((1...8).flatMap { new in (1..<new).map { "\($0)/\(new)" } })
        #expect(consistency == expectedConsistency)
    }
}
