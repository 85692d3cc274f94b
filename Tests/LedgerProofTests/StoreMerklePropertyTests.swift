import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// A real ledger of 300 entries in an in-memory `SQLiteLedger`, built through the store's rules.
enum ThreeHundredEntries {
    static let count = 300
    static let start = Timestamp("2026-01-01T08:00:00Z")!

    /// Built once and shared: reads on the store are safe from any thread.
    static let built = Result { () throws(LedgerError) -> SQLiteLedger in try build() }

    static func ledger() throws -> SQLiteLedger { try built.get() }

    /// Genesis with two committee keys and one oversight key, then members, donations and, every 50 entries,
    /// a checkpoint entry by the oversight key (so the store's own root check runs too).
    private static func build() throws(LedgerError) -> SQLiteLedger {
        let genesis = Genesis(
            society: "三百条互助社", ledger: "00112233445566778899aabbccddeeff",
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")],
            keys: [
                TestKeys.descriptor(TestKeys.committee1, .committee, "陈"),
                TestKeys.descriptor(TestKeys.committee2, .committee, "李"),
                TestKeys.descriptor(TestKeys.oversight1, .oversight, "张"),
            ],
            policy: Policy())
        let ledger = try SQLiteLedger.inMemory()
        try ledger.append(try LedgerState().compose(.genesis(genesis), signer: TestKeys.committee1, now: start), now: start)
        for seq in 1..<count {
            let now = Timestamp(secondsSinceEpoch: start.secondsSinceEpoch + Int64(seq) * 60)
            if seq.isMultiple(of: 50) {
                let size = seq / 2
                let root = try ledger.merkleRoot(size: size)
                try ledger.append(.checkpoint(Checkpoint(size: size, root: root)), signer: TestKeys.oversight1, now: now)
            } else if seq % 10 == 1 {
                try ledger.append(.memberAdd(MemberAdd(member: "H\(seq)", name: "农户\(seq)")), signer: TestKeys.committee1, now: now)
            } else {
                try ledger.append(.donation(Donation(donor: "爱心人士\(seq)", amount: Fen(seq) * 100)),
                    signer: seq.isMultiple(of: 2) ? TestKeys.committee1 : TestKeys.committee2, now: now)
            }
        }
        return ledger
    }

    /// The independent tree over the stored entries' exact bytes.
    static func naive() throws -> NaiveRFC9162 {
        NaiveRFC9162(data: try ledger().entries().map(\.bytes))
    }
}

/// The store's `merkle_nodes` table gives the same roots and proofs as RFC 9162's recursive definitions computed
/// from scratch (`NaiveRFC9162`), and `MerkleProof` accepts them.
///
/// Cost: in a debug build every store call is a read transaction plus one SQL lookup per node, about 1–3 ms, so
/// all 45,150 (index, size) and 45,150 (old, new) pairs through the store take minutes. The default run therefore
/// checks, through the store: the root at every size 0…300; at every size 1…300 the first, second, middle and
/// last two indices (and old sizes 1, 2, half, new − 1, new); and every pair at 26 sizes (1…9, each power of two
/// from 16 to 256 and its neighbours, 299 and 300): 3,502 inclusion and 3,502 consistency proofs. Together these read every node the table holds (every leaf's audit path at sizes 256 and
/// 300) and every ragged right edge (the roots). The complete grid is checked against `MerkleTree`, which runs
/// the same `MerkleNodeReader` algorithm over in-memory nodes. Set `LEDGER_PROOF_EXHAUSTIVE=1` to run the
/// complete grid through the store as well.
@Suite struct StoreMerklePropertyTests {
    /// At most this many mismatches are described, so a systematic bug reports readably.
    static let shown = 5
    static let exhaustive = ProcessInfo.processInfo.environment["LEDGER_PROOF_EXHAUSTIVE"].map { !$0.isEmpty && $0 != "0" } ?? false

    /// Sizes at which every index (and every old size) is checked through the store.
    static let everyPairSizes: Set<Int> = Set(1...9).union([15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 299, 300])

    /// The (index, size) pairs checked through the store by default.
    static func sampledInclusion() -> [(index: Int, size: Int)] {
        (1...ThreeHundredEntries.count).flatMap { size in
            let indices = everyPairSizes.contains(size) ? Array(0..<size) : Array(Set([0, 1, size / 2, size - 2, size - 1])).sorted()
            return indices.map { (index: $0, size: size) }
        }
    }

    /// The (old, new) pairs checked through the store by default.
    static func sampledConsistency() -> [(old: Int, new: Int)] {
        (1...ThreeHundredEntries.count).flatMap { new in
            let olds = everyPairSizes.contains(new) ? Array(1...new) : Array(Set([1, 2, new / 2, new - 1, new])).sorted()
            return olds.map { (old: $0, new: new) }
        }
    }

    static func allInclusion() -> [(index: Int, size: Int)] {
        (1...ThreeHundredEntries.count).flatMap { size in (0..<size).map { (index: $0, size: size) } }
    }

    static func allConsistency() -> [(old: Int, new: Int)] {
        (1...ThreeHundredEntries.count).flatMap { new in (1...new).map { (old: $0, new: new) } }
    }

    /// Compares `proof` with the naive audit path for every pair and verifies it; the pairs that fail.
    static func inclusionMismatches(_ pairs: [(index: Int, size: Int)], naive: NaiveRFC9162,
        proof: (Int, Int) throws -> [EntryHash]) rethrows -> [String]
    {
        var mismatches: [String] = []
        for (index, size) in pairs {
            let path = try proof(index, size)
            if path != naive.path(index: index, size: size)
                || !MerkleProof.verifyInclusion(leaf: naive.leafHashes[index], index: index, size: size, proof: path, root: naive.root(size: size))
            {
                mismatches.append("\(index)/\(size)")
            }
        }
        return mismatches
    }

    /// Compares `proof` with the naive consistency proof for every pair and verifies it; the pairs that fail.
    static func consistencyMismatches(_ pairs: [(old: Int, new: Int)], naive: NaiveRFC9162,
        proof: (Int, Int) throws -> [EntryHash]) rethrows -> [String]
    {
        var mismatches: [String] = []
        for (old, new) in pairs {
            let path = try proof(old, new)
            if path != naive.proof(old: old, new: new)
                || !MerkleProof.verifyConsistency(oldSize: old, newSize: new, oldRoot: naive.root(size: old), newRoot: naive.root(size: new), proof: path)
            {
                mismatches.append("\(old)→\(new)")
            }
        }
        return mismatches
    }

    @Test func theLedgerHoldsThreeHundredEntriesWhoseHashesAreTheLeaves() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let expectedCount: Int = ThreeHundredEntries.count
        #expect(try ledger.count() == expectedCount)
        let entries = try ledger.entries()
        let naive = try ThreeHundredEntries.naive()
        #expect(entries.map(\.hash) == naive.leafHashes)
        #expect(entries.map(\.seq) == Array(0..<expectedCount))
        // Every entry obeyed the rules: the chain verifies from scratch, root included.
        guard case .valid(let summary) = TestLedger.verify(entries.map(\.bytes), batchSize: 64) else {
            Issue.record("the 300-entry ledger does not verify")
            return
        }
        #expect(summary.root == naive.root(size: expectedCount))
    }

    @Test func rootsOfEverySizeMatch() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let naive = try ThreeHundredEntries.naive()
        var mismatches: [Int] = []
        for size in 0...ThreeHundredEntries.count where try ledger.merkleRoot(size: size) != naive.root(size: size) {
            mismatches.append(size)
        }
        #expect(mismatches.isEmpty, "roots differ at sizes \(mismatches.prefix(StoreMerklePropertyTests.shown))")
        #expect(try ledger.merkleRoot() == naive.root(size: ThreeHundredEntries.count))
        #expect(try ledger.merkleRoot(size: 0) == SHA256.hash([]))
    }

    @Test func theSampleCoversWhatItClaims() {
        let inclusion = StoreMerklePropertyTests.sampledInclusion()
        #expect(Set(inclusion.map(\.size)) == Set(1...ThreeHundredEntries.count))
        #expect(inclusion.filter { $0.size == 300 }.count == 300)
        #expect(inclusion.filter { $0.size == 256 }.count == 256)
        let sampled: Int = 3_502
        #expect(inclusion.count == sampled)
        #expect(StoreMerklePropertyTests.sampledConsistency().count == sampled)
        let consistency = StoreMerklePropertyTests.sampledConsistency()
        #expect(Set(consistency.map(\.new)) == Set(1...ThreeHundredEntries.count))
        #expect(consistency.allSatisfy { 1 <= $0.old && $0.old <= $0.new })
        let all: Int = ThreeHundredEntries.count * (ThreeHundredEntries.count + 1) / 2
        #expect(StoreMerklePropertyTests.allInclusion().count == all)
        #expect(StoreMerklePropertyTests.allConsistency().count == all)
    }

    @Test func storeInclusionProofsMatchAndVerify() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let naive = try ThreeHundredEntries.naive()
        let pairs = StoreMerklePropertyTests.exhaustive ? StoreMerklePropertyTests.allInclusion() : StoreMerklePropertyTests.sampledInclusion()
        let mismatches = try StoreMerklePropertyTests.inclusionMismatches(pairs, naive: naive) { index, size in
            try ledger.inclusionProof(index: index, size: size)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) inclusion proofs differ, e.g. \(mismatches.prefix(StoreMerklePropertyTests.shown))")
    }

    @Test func storeConsistencyProofsMatchAndVerify() throws {
        let ledger = try ThreeHundredEntries.ledger()
        let naive = try ThreeHundredEntries.naive()
        let pairs = StoreMerklePropertyTests.exhaustive ? StoreMerklePropertyTests.allConsistency() : StoreMerklePropertyTests.sampledConsistency()
        let mismatches = try StoreMerklePropertyTests.consistencyMismatches(pairs, naive: naive) { old, new in
            try ledger.consistencyProof(old: old, new: new)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) consistency proofs differ, e.g. \(mismatches.prefix(StoreMerklePropertyTests.shown))")
    }

    /// Every (index, size) and (old, new) pair of the 300 entries, through the in-memory tree.
    @Test func everyPairThroughTheInMemoryTreeMatchesAndVerifies() throws {
        let naive = try ThreeHundredEntries.naive()
        var tree = MerkleTree()
        for leaf in naive.leafHashes { tree.append(leaf) }
        for size in 0...ThreeHundredEntries.count { #expect(tree.root(size: size) == naive.root(size: size)) }
        let inclusion = StoreMerklePropertyTests.inclusionMismatches(StoreMerklePropertyTests.allInclusion(), naive: naive) {
            tree.inclusionProof(index: $0, size: $1)
        }
        #expect(inclusion.isEmpty, "\(inclusion.count) inclusion proofs differ, e.g. \(inclusion.prefix(StoreMerklePropertyTests.shown))")
        let consistency = StoreMerklePropertyTests.consistencyMismatches(StoreMerklePropertyTests.allConsistency(), naive: naive) {
            tree.consistencyProof(old: $0, new: $1)
        }
        #expect(consistency.isEmpty, "\(consistency.count) consistency proofs differ, e.g. \(consistency.prefix(StoreMerklePropertyTests.shown))")
    }

    /// The naive implementation is itself checked against the published vectors, so agreement above means
    /// agreement with RFC 9162 rather than two copies of one mistake.
    @Test func theNaiveImplementationReproducesTheVectors() throws {
        let vectors = try RFC6962Vectors.load()
        let naive = NaiveRFC9162(data: try vectors.leafInputs.map { try #require(Hex.decode($0)) })
        #expect((0...8).map { naive.root(size: $0).hex } == vectors.rootsBySize.roots)
        for vector in try RFC6962Vectors.allInclusion() {
            #expect(naive.path(index: vector.leafIndex, size: vector.treeSize).map(\.hex) == vector.proof)
        }
        for vector in try RFC6962Vectors.allConsistency() {
            #expect(naive.proof(old: vector.size1, new: vector.size2).map(\.hex) == vector.proof)
        }
    }
}
