import LedgerCrypto

/// Checks RFC 9162 inclusion and consistency proofs (sections 2.1.3.2 and 2.1.4.2) with no tree at hand:
/// what a member does offline with a receipt and a published checkpoint.
///
/// Beyond the bare algorithms, the policy is strict: an index outside the tree, a proof of the wrong length,
/// sizes out of order, or a proof from the empty tree are all refused.
public enum MerkleProof {
    /// Whether `proof` shows that `leaf` is leaf `index` of the tree of `size` leaves with root `root`.
    public static func verifyInclusion(leaf: EntryHash, index: Int, size: Int, proof: [EntryHash], root: EntryHash) -> Bool {
        guard index >= 0, index < size else { return false }
        guard let computed = rootFromInclusion(leaf: leaf, index: index, size: size, proof: proof) else { return false }
        return computed == root
    }

    /// The root an inclusion proof leads to, or `nil` when the proof has the wrong length for `index` and `size`.
    public static func rootFromInclusion(leaf: EntryHash, index: Int, size: Int, proof: [EntryHash]) -> EntryHash? {
        guard index >= 0, index < size else { return nil }
        var fn = index
        var sn = size - 1
        var hash = leaf
        for element in proof {
            guard sn > 0 else { return nil }
            if fn & 1 == 1 || fn == sn {
                hash = MerkleTree.interior(element, hash)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                hash = MerkleTree.interior(hash, element)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 ? hash : nil
    }

    /// Whether `proof` shows that the tree of `oldSize` leaves with `oldRoot` is a prefix of the tree of
    /// `newSize` leaves with `newRoot`.
    public static func verifyConsistency(oldSize: Int, newSize: Int, oldRoot: EntryHash, newRoot: EntryHash,
        proof: [EntryHash]) -> Bool
    {
        guard oldSize > 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        guard !proof.isEmpty else { return false }
        var path = proof[...]
        // When the old tree is a complete subtree, its root is the proof's implicit first element.
        if oldSize & (oldSize - 1) == 0 { path = [oldRoot] + path }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        guard var fr = path.first else { return false }
        var sr = fr
        for element in path.dropFirst() {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleTree.interior(element, fr)
                sr = MerkleTree.interior(element, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleTree.interior(sr, element)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && fr == oldRoot && sr == newRoot
    }
}
