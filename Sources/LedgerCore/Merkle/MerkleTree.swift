import LedgerCrypto

/// An RFC 9162 section 2.1 Merkle tree over entry hashes, grown one leaf at a time.
///
/// It keeps the hash of every complete, aligned subtree (2n − 1 hashes for n leaves, in flat byte arrays),
/// so the root at any earlier size costs O(log n) hashes. The leaf hash of an entry is its entry hash.
public struct MerkleTree: Sendable, MerkleNodeReader {
    /// `levels[l]` holds, 32 bytes each, the hashes of the complete subtrees of 2^l leaves, left to right.
    private var levels: [[UInt8]] = [[]]

    public init() {}

    /// The number of leaves.
    public var size: Int { levels[0].count / 32 }

    /// Adds a leaf, completing whatever subtrees it closes.
    public mutating func append(_ leaf: EntryHash) {
        leaf.withUnsafeBytes { levels[0].append(contentsOf: $0) }
        var level = 0
        var index = size - 1
        while index & 1 == 1 {
            let node = MerkleTree.interior(node(level: level, index: index - 1), node(level: level, index: index))
            level += 1
            index >>= 1
            if levels.count == level { levels.append([]) }
            node.withUnsafeBytes { levels[level].append(contentsOf: $0) }
        }
    }

    /// The root of the first `size` leaves (`size` ≤ ``size``); the hash of the empty string for 0.
    public func root(size: Int) -> EntryHash {
        precondition(size >= 0 && size <= self.size, "no tree of that size yet")
        return try! root(ofSize: size)
    }

    /// The root of all leaves.
    public var root: EntryHash { root(size: size) }

    /// The RFC 9162 audit path for leaf `index` in the tree of the first `size` leaves, leaf side first.
    public func inclusionProof(index: Int, size: Int) -> [EntryHash] {
        precondition(index >= 0 && index < size && size <= self.size)
        return try! auditPath(index: index, size: size)
    }

    /// The RFC 9162 consistency proof from the tree of `old` leaves to the tree of `new` leaves (0 < old ≤ new).
    public func consistencyProof(old: Int, new: Int) -> [EntryHash] {
        precondition(old > 0 && old <= new && new <= size)
        return try! consistencyPath(old: old, new: new)
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func interior(_ left: EntryHash, _ right: EntryHash) -> EntryHash {
        var hasher = SHA256.Hasher()
        hasher.update(byte: 1)
        hasher.update(left)
        hasher.update(right)
        return hasher.finalize()
    }

    public func node(level: Int, index: Int) -> EntryHash {
        levels[level].withUnsafeBytes { buffer in
            EntryHash(storage: buffer.loadUnaligned(fromByteOffset: index * 32, as: SIMD32<UInt8>.self))
        }
    }

    /// The largest power of two strictly less than `n` (n ≥ 2).
    static func largestPowerOfTwo(below n: Int) -> Int {
        1 << (Int.bitWidth - (n - 1).leadingZeroBitCount - 1)
    }
}

extension MerkleTree {
    /// The nodes that leaf `index` completed when it was appended, bottom up (the leaf itself first).
    public func nodesCompleted(byLeafAt index: Int) -> [(level: Int, index: Int, hash: EntryHash)] {
        var nodes = [(level: 0, index: index, hash: node(level: 0, index: index))]
        var (level, position) = (0, index)
        while position & 1 == 1 {
            level += 1
            position >>= 1
            nodes.append((level, position, node(level: level, index: position)))
        }
        return nodes
    }
}
