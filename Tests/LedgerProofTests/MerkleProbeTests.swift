import LedgerCore
import LedgerCrypto
import Testing

/// transparency-dev/merkle's 98 inclusion and 98 consistency probes: `MerkleProof` succeeds exactly when
/// `wantErr` is false.
///
/// `MerkleProof` takes `EntryHash` values, which are 32 bytes by construction, and `Int` sizes. So the test
/// harness decides three things before calling it:
/// - **Hashes that must be 32 bytes.** The vectors' policy rule ("hashes (leafHash, root, proof elements) that are
///   not 32 bytes must be rejected") is applied here: an inclusion probe's leaf, root or proof element, or a
///   consistency proof element, that is not exactly 32 bytes makes the harness reject the probe without calling
///   the verifier. This is what refuses `single-entry/empty-root-and-leaf.json`, which the bare RFC 9162
///   algorithm would accept.
/// - **Consistency roots of another length.** The policy only compares these (with each other when the sizes are
///   equal, or with the root the proof leads to), and one *positive* probe,
///   `additional/sizes-are-equal-one-and-proof-is-empty.json`, has two equal 12-byte roots. Rejecting it would
///   contradict `wantErr: false`. So such a root is replaced by a 32-byte stand-in, SHA-256 of a tag and its
///   bytes, which is equal to another stand-in exactly when the original bytes are and can never be the root a
///   proof leads to; the verifier then decides. (The README's blanket "reject any hash that is not 32 bytes"
///   would refuse that probe; its `policyNotes` scope the rule to leafHash, root and proof elements.)
/// - **`uint64` values.** `leafIdx-sub-@1` holds 2^64 − 1 (index 0 minus one, wrapped in Go); it is passed on
///   as the `Int` with the same bits, −1, and the verifier must refuse it. A `null` proof is the empty proof.
///
/// Everything else (index ≥ size, wrong proof length, size1 > size2, size1 == 0, equal sizes, empty proofs,
/// wrong roots) is left to the verifier.
@Suite struct MerkleProbeTests {
    /// The probe's hashes, or `nil` when the harness rejects one for not being 32 bytes.
    static func hashes(_ hexes: [String]) -> [EntryHash]? {
        let parsed = hexes.compactMap { EntryHash(hex: $0) }
        return parsed.count == hexes.count ? parsed : nil
    }

    static func verify(_ probe: ProbeVectors.Inclusion) -> Bool {
        guard let fixed = hashes([probe.leafHash, probe.root]), let proof = hashes(probe.proof ?? []) else { return false }
        return MerkleProof.verifyInclusion(leaf: fixed[0], index: Int(truncatingIfNeeded: probe.leafIndex),
            size: Int(truncatingIfNeeded: probe.treeSize), proof: proof, root: fixed[1])
    }

    /// A consistency root as the verifier sees it: itself when it is 32 bytes, else an equality-preserving stand-in.
    static func comparedRoot(_ hex: String) -> EntryHash? {
        if let root = EntryHash(hex: hex) { return root }
        guard let bytes = Hex.decode(hex) else { return nil }
        return SHA256.hash(Array("stand-in for a \(bytes.count)-byte root\n".utf8), bytes)
    }

    static func verify(_ probe: ProbeVectors.Consistency) -> Bool {
        guard let oldRoot = comparedRoot(probe.root1), let newRoot = comparedRoot(probe.root2),
            let proof = hashes(probe.proof ?? [])
        else { return false }
        return MerkleProof.verifyConsistency(oldSize: Int(truncatingIfNeeded: probe.size1), newSize: Int(truncatingIfNeeded: probe.size2),
            oldRoot: oldRoot, newRoot: newRoot, proof: proof)
    }

    @Test(arguments: try ProbeVectors.load().inclusion)
    func inclusionProbe(probe: ProbeVectors.Inclusion) {
        #expect(MerkleProbeTests.verify(probe) == !probe.wantErr, "\(probe.desc)")
    }

    @Test(arguments: try ProbeVectors.load().consistency)
    func consistencyProbe(probe: ProbeVectors.Consistency) {
        #expect(MerkleProbeTests.verify(probe) == !probe.wantErr, "\(probe.desc)")
    }

    /// The two probes the README singles out as passing the bare algorithms: one is refused by the harness's
    /// 32-byte rule, the other by the verifier itself (a proof from the empty tree); and the positive probe
    /// with 12-byte roots is accepted by the verifier through the stand-ins.
    @Test func thePolicyProbesAreDecidedWhereTheReadmeSays() throws {
        let probes = try ProbeVectors.load()
        let emptyLeaf = try #require(probes.inclusion.first { $0.file.hasSuffix("single-entry/empty-root-and-leaf.json") })
        #expect(emptyLeaf.wantErr)
        #expect(MerkleProbeTests.hashes([emptyLeaf.leafHash, emptyLeaf.root]) == nil)
        let fromEmpty = try #require(probes.consistency.first { $0.file.hasSuffix("additional/sizes-are-equal-zero-and-proof-is-empty.json") })
        #expect(fromEmpty.wantErr)
        let emptyRoot = SHA256.hash([])
        #expect(!MerkleProof.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: emptyRoot, newRoot: emptyRoot, proof: []))
        #expect(!MerkleProbeTests.verify(fromEmpty))
        let equalShortRoots = try #require(probes.consistency.first { $0.file.hasSuffix("additional/sizes-are-equal-one-and-proof-is-empty.json") })
        #expect(!equalShortRoots.wantErr)
        #expect(Hex.decode(equalShortRoots.root1)?.count == 12)
        #expect(MerkleProbeTests.comparedRoot(equalShortRoots.root1) == MerkleProbeTests.comparedRoot(equalShortRoots.root2))
        #expect(MerkleProbeTests.comparedRoot("646f6e277420636172652031") != MerkleProbeTests.comparedRoot("646f6e277420636172652032"))
        let wrapped = try #require(probes.inclusion.first { $0.file == "testdata/inclusion/1/leafIdx-sub-@1.json" })
        #expect(Int(truncatingIfNeeded: wrapped.leafIndex) == -1)
        #expect(MerkleProof.rootFromInclusion(leaf: MerkleTree().root, index: -1, size: 8, proof: []) == nil)
    }
}
