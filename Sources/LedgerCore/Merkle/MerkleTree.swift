import LedgerCrypto

/// An RFC 9162 section 2.1 Merkle tree over entry hashes, grown one leaf at a time.
///
/// It keeps the hash of every complete, aligned subtree (2n − 1 hashes for n leaves, in flat byte arrays),
/// so the root at any earlier size costs O(log n) hashes. The leaf hash of an entry is its entry hash.
///
/// A tree resumed from a frontier (``init(size:frontier:)``) knows only the subtrees of its first ``startSize``
/// leaves that a root needs: it gives roots at sizes from ``startSize`` on, not earlier ones, nor proofs into them.
public struct MerkleTree: Sendable, MerkleNodeReader {
    /// `levels[l]` holds, 32 bytes each, the hashes of the complete subtrees of 2^l leaves, left to right, starting
    /// with subtree number `offsets[l]` (0 unless the tree was resumed from a frontier).
    private var levels: [[UInt8]] = [[]]
    private var offsets: [Int] = [0]

    /// The number of leaves before the first one this tree holds itself: 0, or the size it was resumed at.
    public private(set) var startSize = 0

    public init() {}

    /// Resumes the tree of `size` leaves from its frontier: the roots of the complete subtrees that make up the
    /// first `size` leaves, largest (leftmost) first, one per bit set in `size` (see
    /// ``MerkleNodeReader/frontier(size:)``). Leaves appended afterwards complete subtrees exactly as in a full
    /// tree, so roots at every size from `size` on come out the same. `nil` if the count does not fit `size`.
    public init?(size: Int, frontier: [EntryHash]) {
        guard size >= 0, frontier.count == size.nonzeroBitCount else { return nil }
        guard size > 0 else { return }
        let top = Int.bitWidth - 1 - size.leadingZeroBitCount
        levels = Array(repeating: [], count: top + 1)
        offsets = (0...top).map { size >> $0 }
        var remaining = frontier[...]
        for level in stride(from: top, through: 0, by: -1) where size & (1 << level) != 0 {
            offsets[level] -= 1
            remaining.removeFirst().withUnsafeBytes { levels[level].append(contentsOf: $0) }
        }
        startSize = size
    }

    /// The number of leaves.
    public var size: Int { offsets[0] + levels[0].count / 32 }

    /// Adds a leaf, completing whatever subtrees it closes.
    public mutating func append(_ leaf: EntryHash) {
        leaf.withUnsafeBytes { levels[0].append(contentsOf: $0) }
        var level = 0
        var index = size - 1
        while index & 1 == 1 {
            let node = MerkleTree.interior(node(level: level, index: index - 1), node(level: level, index: index))
            level += 1
            index >>= 1
            if levels.count == level {
                levels.append([])
                offsets.append(0)
            }
            node.withUnsafeBytes { levels[level].append(contentsOf: $0) }
        }
    }

    /// The root of the first `size` leaves (``startSize`` ≤ `size` ≤ ``size``); the hash of the empty string for 0.
    public func root(size: Int) -> EntryHash {
        precondition(size >= startSize && size <= self.size, "no tree of that size here")
        return try! root(ofSize: size)
    }

    /// The root of all leaves.
    public var root: EntryHash { root(size: size) }

    /// The RFC 9162 audit path for leaf `index` in the tree of the first `size` leaves, leaf side first.
    public func inclusionProof(index: Int, size: Int) -> [EntryHash] {
        precondition(startSize == 0 && index >= 0 && index < size && size <= self.size)
        return try! auditPath(index: index, size: size)
    }

    /// The RFC 9162 consistency proof from the tree of `old` leaves to the tree of `new` leaves (0 < old ≤ new).
    public func consistencyProof(old: Int, new: Int) -> [EntryHash] {
        precondition(startSize == 0 && old > 0 && old <= new && new <= size)
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
        let position = index - offsets[level]
        precondition(position >= 0, "a subtree before the frontier this tree was resumed from")
        return levels[level].withUnsafeBytes { buffer in
            EntryHash(storage: buffer.loadUnaligned(fromByteOffset: position * 32, as: SIMD32<UInt8>.self))
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
