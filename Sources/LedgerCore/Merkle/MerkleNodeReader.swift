import LedgerCrypto

/// Anything that can read the hash of a complete, aligned subtree: `node(level: l, index: i)` covers leaves
/// `i·2^l ..< (i+1)·2^l`.
///
/// Roots and proofs at any size need only O(log n) such nodes, so the in-memory ``MerkleTree`` and a store's
/// node table share one implementation of RFC 9162 section 2.1.
public protocol MerkleNodeReader {
    func node(level: Int, index: Int) throws(LedgerError) -> EntryHash
}

extension MerkleNodeReader {
    /// The root of the first `size` leaves; the hash of the empty string for 0.
    public func root(ofSize size: Int) throws(LedgerError) -> EntryHash {
        if size == 0 { return SHA256.hash([]) }
        return try subtree(start: 0, count: size)
    }

    /// The RFC 9162 audit path for leaf `index` in the tree of the first `size` leaves, leaf side first.
    public func auditPath(index: Int, size: Int) throws(LedgerError) -> [EntryHash] {
        precondition(index >= 0 && index < size)
        return try path(index: index, start: 0, count: size)
    }

    /// The RFC 9162 consistency proof from the tree of `old` leaves to that of `new` leaves (0 < old ≤ new).
    public func consistencyPath(old: Int, new: Int) throws(LedgerError) -> [EntryHash] {
        precondition(old > 0 && old <= new)
        if old == new { return [] }
        return try subproof(m: old, start: 0, count: new, complete: true)
    }

    /// The frontier of the first `size` leaves: the roots of the complete, aligned subtrees they split into, one
    /// per bit set in `size`, largest (leftmost) first. These O(log n) hashes give the root at `size` and at every
    /// later size once the later leaves are known (``MerkleTree/init(size:frontier:)``).
    public func frontier(size: Int) throws(LedgerError) -> [EntryHash] {
        var nodes: [EntryHash] = []
        var start = 0
        for level in stride(from: Int.bitWidth - 2, through: 0, by: -1) where size & (1 << level) != 0 {
            nodes.append(try node(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }

    /// MTH of leaves `start ..< start + count`, `start` aligned to the largest power of two below `count`.
    func subtree(start: Int, count: Int) throws(LedgerError) -> EntryHash {
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            return try node(level: level, index: start >> level)
        }
        let split = MerkleTree.largestPowerOfTwo(below: count)
        return MerkleTree.interior(try subtree(start: start, count: split), try subtree(start: start + split, count: count - split))
    }

    private func path(index: Int, start: Int, count: Int) throws(LedgerError) -> [EntryHash] {
        if count == 1 { return [] }
        let split = MerkleTree.largestPowerOfTwo(below: count)
        if index < split {
            return try path(index: index, start: start, count: split) + [try subtree(start: start + split, count: count - split)]
        }
        return try path(index: index - split, start: start + split, count: count - split) + [try subtree(start: start, count: split)]
    }

    private func subproof(m: Int, start: Int, count: Int, complete: Bool) throws(LedgerError) -> [EntryHash] {
        if m == count { return complete ? [] : [try subtree(start: start, count: count)] }
        let split = MerkleTree.largestPowerOfTwo(below: count)
        if m <= split {
            return try subproof(m: m, start: start, count: split, complete: complete)
                + [try subtree(start: start + split, count: count - split)]
        }
        return try subproof(m: m - split, start: start + split, count: count - split, complete: false)
            + [try subtree(start: start, count: split)]
    }

    /// The nodes that appending leaf number `index` completes, bottom up, given a way to read its left
    /// neighbours: what a store writes along with each entry.
    public static func nodesCompleted(byLeaf leaf: EntryHash, at index: Int,
        leftNeighbour: (_ level: Int, _ index: Int) throws(LedgerError) -> EntryHash) throws(LedgerError)
        -> [(level: Int, index: Int, hash: EntryHash)]
    {
        var nodes = [(level: 0, index: index, hash: leaf)]
        var (level, position, hash) = (0, index, leaf)
        while position & 1 == 1 {
            hash = MerkleTree.interior(try leftNeighbour(level, position - 1), hash)
            level += 1
            position >>= 1
            nodes.append((level, position, hash))
        }
        return nodes
    }
}
