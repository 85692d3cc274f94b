import LedgerCore
import LedgerCrypto
import Testing

/// Section 6: the tree is RFC 9162 section 2.1 over entry hashes; proofs are its section 2.1.3 and 2.1.4 proofs.
@Suite struct MerkleTreeTests {
    @Test func theVectorFileHoldsWhatItsReadmePromises() throws {
        let vectors = try MerkleVectors.load()
        #expect(vectors.leafInputs.count == 8)
        #expect(vectors.leafHashes.count == 8)
        #expect(vectors.rootsBySize.roots.count == 9)
        #expect(vectors.inclusionProofs.cases.count == 5)
        #expect(vectors.consistencyProofs.cases.count == 5)
        #expect(vectors.generatedGrid.inclusion.count == 36)
        #expect(vectors.generatedGrid.consistency.count == 28)
    }

    @Test func anEntryHashIsTheRFC9162LeafHash() throws {
        let vectors = try MerkleVectors.load()
        for (input, hash) in zip(vectors.leafInputs, vectors.leafHashes) {
            #expect(Entry.hash(of: try #require(Hex.decode(input))).hex == hash)
        }
        for answer in vectors.hasherKnownAnswers where answer.input.hasPrefix("leaf:") {
            #expect(Entry.hash(of: try #require(Hex.decode(answer.input.dropFirst(5)))).hex == answer.hash, "\(answer.desc)")
        }
        let empty = try #require(vectors.hasherKnownAnswers.first { $0.input.isEmpty })
        #expect(MerkleTree().root.hex == empty.hash)
    }

    @Test(arguments: 0...8)
    func theRootOfTheFirstNLeavesMatchesTheVectors(size: Int) throws {
        let vectors = try MerkleVectors.load()
        #expect(try vectors.tree().root(size: size).hex == vectors.rootsBySize.roots[size])
        var grown = MerkleTree()
        for hex in vectors.leafHashes.prefix(size) { grown.append(try #require(EntryHash(hex: hex))) }
        #expect(grown.size == size)
        #expect(grown.root.hex == vectors.rootsBySize.roots[size])
    }

    @Test(arguments: try MerkleVectors.allInclusion())
    func inclusionProofsMatchTheVectors(vector: MerkleVectors.Inclusion) throws {
        let tree = try MerkleVectors.load().tree()
        let proof = tree.inclusionProof(index: vector.leafIndex, size: vector.treeSize)
        #expect(proof.map(\.hex) == vector.proof)
        #expect(tree.root(size: vector.treeSize).hex == vector.root)
        #expect(RFC9162.verifyInclusion(index: vector.leafIndex, size: vector.treeSize, leaf: try #require(EntryHash(hex: vector.leafHash)),
            path: proof, root: try #require(EntryHash(hex: vector.root))))
    }

    @Test(arguments: try MerkleVectors.allConsistency())
    func consistencyProofsMatchTheVectors(vector: MerkleVectors.Consistency) throws {
        let tree = try MerkleVectors.load().tree()
        let proof = tree.consistencyProof(old: vector.size1, new: vector.size2)
        #expect(proof.map(\.hex) == vector.proof)
        #expect(tree.root(size: vector.size1).hex == vector.root1)
        #expect(tree.root(size: vector.size2).hex == vector.root2)
        if vector.size1 < vector.size2 {
            #expect(RFC9162.verifyConsistency(first: vector.size1, second: vector.size2,
                firstRoot: try #require(EntryHash(hex: vector.root1)), secondRoot: try #require(EntryHash(hex: vector.root2)),
                path: proof))
        }
    }

    /// 300 distinct leaves.
    static let leaves: [EntryHash] = (0..<300).map { Entry.hash(of: [UInt8($0 & 0xff), UInt8($0 >> 8)]) }

    @Test func everyRootUpTo300LeavesEqualsAFromScratchComputation() {
        var tree = MerkleTree()
        for leaf in MerkleTreeTests.leaves { tree.append(leaf) }
        for size in 1...300 {
            #expect(tree.root(size: size) == RFC9162.root(MerkleTreeTests.leaves.prefix(size)), "size \(size)")
        }
        #expect(tree.root == RFC9162.root(MerkleTreeTests.leaves[...]))
    }

    @Test(arguments: [1, 2, 3, 7, 8, 9, 31, 64, 100, 255, 256, 257, 300])
    func proofsInALargerTreeVerifyIndependently(size: Int) {
        var tree = MerkleTree()
        for leaf in MerkleTreeTests.leaves.prefix(size) { tree.append(leaf) }
        let root = tree.root
        for index in Set([0, size / 3, size / 2, size - 1]) {
            let path = tree.inclusionProof(index: index, size: size)
            #expect(RFC9162.verifyInclusion(index: index, size: size, leaf: MerkleTreeTests.leaves[index], path: path, root: root))
            // The same path does not prove another leaf.
            #expect(!RFC9162.verifyInclusion(index: index, size: size, leaf: EntryHash.zero, path: path, root: root))
        }
        for old in Set([1, size / 2, size - 1]) where old > 0 && old < size {
            let path = tree.consistencyProof(old: old, new: size)
            #expect(RFC9162.verifyConsistency(first: old, second: size, firstRoot: tree.root(size: old), secondRoot: root, path: path))
        }
    }
}
