import Foundation
import LedgerCrypto

/// The rules' state after the first `state.count` entries, as bytes that can be hashed, signed and kept.
///
/// `ledger audit` keeps one next to each checkpoint it records, and signs its hash in a ``StateNote``, so that
/// `verify --since` can check only the entries after the checkpoint. The bytes are JSON with sorted keys and no
/// white space, sets and maps written as arrays in ascending order, so the same state always gives the same bytes
/// and the same hash; the hash is SHA-256 of the bytes, which begin with `{` and so never collide with an entry's
/// (0x00) or a Merkle node's (0x01) hash input.
public struct StateSnapshot: Sendable, Hashable {
    /// The value of the `format` field, which versions the encoding.
    public static let format = "mutual-aid-ledger-state/v1"

    public let state: LedgerState
    /// The canonical bytes: what the hash covers.
    public let bytes: [UInt8]
    /// SHA-256 of ``bytes``.
    public let hash: EntryHash

    /// The snapshot of a state.
    public init(state: LedgerState) {
        self.state = state
        bytes = StateSnapshot.encode(state)
        hash = SHA256.hash(bytes)
    }

    /// Reads snapshot bytes strictly: they must decode and encode back to exactly the same bytes.
    /// - Throws: `bad_snapshot` when they do not.
    public init(bytes: [UInt8]) throws(LedgerError) {
        guard let canonical = try? JSONDecoder().decode(Canonical.self, from: Data(bytes)), canonical.format == StateSnapshot.format
        else {
            throw LedgerError(.badSnapshot, en: "the kept state snapshot cannot be read (\(bytes.count) bytes)",
                zh: "保存的状态快照无法读取（\(bytes.count) 字节）")
        }
        // Each id once, so that rebuilding the maps cannot trap (the canonical check below then refuses the rest).
        guard Set(canonical.keys.map(\.id)).count == canonical.keys.count, Set(canonical.funds.map(\.id)).count == canonical.funds.count,
            Set(canonical.members.map(\.id)).count == canonical.members.count,
            Set(canonical.pending.map(\.seq)).count == canonical.pending.count
        else {
            throw LedgerError(.badSnapshot, en: "the kept state snapshot lists an id twice", zh: "保存的状态快照中有重复的编号")
        }
        let state = canonical.state
        guard StateSnapshot.encode(state) == bytes else {
            throw LedgerError(.badSnapshot, en: "the kept state snapshot is not in its canonical form", zh: "保存的状态快照不是规范格式")
        }
        self.state = state
        self.bytes = bytes
        hash = SHA256.hash(bytes)
    }

    static func encode(_ state: LedgerState) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, an integer, a Boolean or an array or object of them: encoding cannot fail.
        return Array(try! encoder.encode(Canonical(state)))
    }

    /// The state with every set and map as an array in ascending order.
    private struct Canonical: Codable {
        var format: String
        var founding: LedgerState.Founding?
        var count: Int
        var head: EntryHash
        var lastTime: Timestamp?
        var policy: Policy
        var keys: [LedgerState.KeyRecord]
        var funds: [LedgerState.FundRecord]
        var members: [LedgerState.MemberRecord]
        var pending: [LedgerState.PendingEntry]
        var rejected: [Int]
        var reversed: [Int]
        var receipts: [String]

        init(_ state: LedgerState) {
            format = StateSnapshot.format
            founding = state.founding
            count = state.count
            head = state.head
            lastTime = state.lastTime
            policy = state.policy
            keys = state.keys.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            funds = state.funds.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            members = state.members.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            pending = state.pending.values.sorted { $0.seq < $1.seq }
            rejected = state.rejected.sorted()
            reversed = state.reversed.sorted()
            receipts = state.receipts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }

        var state: LedgerState {
            let header = LedgerState.Header(founding: founding, count: count, head: head, lastTime: lastTime, policy: policy,
                rejected: Set(rejected), reversed: Set(reversed))
            return LedgerState(header: header, keys: keys, funds: funds, members: members, pending: pending, receipts: Set(receipts))
        }
    }
}
