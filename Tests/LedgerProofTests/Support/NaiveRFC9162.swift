import LedgerCore
import LedgerCrypto

/// RFC 9162 section 2.1 written straight from the RFC's recursive definitions (MTH, PATH, PROOF/SUBPROOF),
/// sharing nothing with `MerkleTree` or `MerkleNodeReader` but SHA-256.
///
/// Leaves are given as data (entry bytes) and hashed here. `MTH` of every range it is asked for is memoised,
/// so the roots and proofs of all sizes 1…n cost O(n log n) hashes in total rather than O(n²).
final class NaiveRFC9162 {
    private let leaves: [EntryHash]
    private var memo: [Range<Int>: EntryHash] = [:]

    /// - Parameter data: the data of each leaf, in order (for the ledger: each entry's exact bytes).
    init(data: [[UInt8]]) {
        leaves = data.map { SHA256.hash([0x00], $0) }
    }

    var leafHashes: [EntryHash] { leaves }

    /// The largest power of two smaller than n (n > 1): the RFC's k.
    private static func k(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    private static func node(_ left: EntryHash, _ right: EntryHash) -> EntryHash {
        SHA256.hash([0x01], left.bytes, right.bytes)
    }

    /// MTH(D[range]) (section 2.1.1).
    func mth(_ range: Range<Int>) -> EntryHash {
        if let known = memo[range] { return known }
        let n = range.count
        let result: EntryHash
        switch n {
        case 0: result = SHA256.hash([])
        case 1: result = leaves[range.lowerBound]
        default:
            let split = range.lowerBound + NaiveRFC9162.k(n)
            result = NaiveRFC9162.node(mth(range.lowerBound..<split), mth(split..<range.upperBound))
        }
        memo[range] = result
        return result
    }

    /// The root of the first `size` leaves.
    func root(size: Int) -> EntryHash { mth(0..<size) }

    /// PATH(m, D[n]) (section 2.1.3.1) for the first `size` leaves.
    func path(index m: Int, size n: Int) -> [EntryHash] { path(m, 0..<n) }

    private func path(_ m: Int, _ d: Range<Int>) -> [EntryHash] {
        let n = d.count
        if n == 1 { return [] }
        let k = NaiveRFC9162.k(n)
        let split = d.lowerBound + k
        if m < k { return path(m, d.lowerBound..<split) + [mth(split..<d.upperBound)] }
        return path(m - k, split..<d.upperBound) + [mth(d.lowerBound..<split)]
    }

    /// PROOF(m, D[n]) (section 2.1.4.1) between the first `old` and the first `new` leaves.
    func proof(old m: Int, new n: Int) -> [EntryHash] { subproof(m, 0..<n, true) }

    private func subproof(_ m: Int, _ d: Range<Int>, _ b: Bool) -> [EntryHash] {
        let n = d.count
        if m == n { return b ? [] : [mth(d)] }
        let k = NaiveRFC9162.k(n)
        let split = d.lowerBound + k
        if m <= k { return subproof(m, d.lowerBound..<split, b) + [mth(split..<d.upperBound)] }
        return subproof(m - k, split..<d.upperBound, false) + [mth(d.lowerBound..<split)]
    }
}
