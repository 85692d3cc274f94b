import LedgerCrypto

/// Everything the rules need to judge the next entry: keys, policy, funds, members, pending approvals.
///
/// The state is the result of applying entries `0 ..< count` in order with ``apply(_:context:)``. Its size
/// grows with the number of keys, funds, members and open items, not with the number of entries, so a
/// store can keep it as a snapshot. It never holds private keys.
public struct LedgerState: Sendable, Hashable, Codable {
    /// Who founded the ledger.
    public struct Founding: Sendable, Hashable, Codable {
        public var society: String
        public var ledgerID: String
        public var genesisHash: EntryHash
    }

    /// A key that appeared in genesis or a `key.add`.
    public struct KeyRecord: Sendable, Hashable, Codable {
        public enum Status: String, Sendable, Hashable, Codable {
            /// Proposed by `key.add`, waiting for governance approval.
            case proposed
            case active
            case revoked
            /// Its `key.add` was rejected; the id stays used.
            case refused
        }
        public var descriptor: KeyDescriptor
        public var status: Status
        /// The seq of the genesis or `key.add` that introduced it.
        public var addedAt: Int
        /// The seq at which it became active (0 for genesis keys; the last approval for an added key).
        public var activeSince: Int?
        /// The seq at which its revocation took effect.
        public var revokedAt: Int?

        /// Whether the key was active once the first `size` entries had been applied: checkpoints of that size
        /// count only its signature then.
        public func wasActive(atSize size: Int) -> Bool {
            guard let activeSince, activeSince < size else { return false }
            return revokedAt.map { $0 >= size } ?? true
        }

        public var id: KeyID { descriptor.id }
        public var role: Role { descriptor.role }
        public var holder: String { descriptor.holder }
    }

    public struct FundRecord: Sendable, Hashable, Codable {
        public var id: FundID
        public var name: String
        /// Cash held, in fen.
        public var cash: Fen = 0
        /// Declared value of in-kind donations received, in fen.
        public var inKind: Fen = 0

        public init(id: FundID, name: String, cash: Fen = 0, inKind: Fen = 0) {
            self.id = id
            self.name = name
            self.cash = cash
            self.inKind = inKind
        }
    }

    public struct MemberRecord: Sendable, Hashable, Codable {
        public var id: MemberID
        public var name: String
        public var note: String?
        /// Money the society holds for the household, in fen.
        public var balance: Fen = 0
        public var closed = false
        public var addedAt: Int

        public init(id: MemberID, name: String, note: String? = nil, balance: Fen = 0, closed: Bool = false, addedAt: Int) {
            self.id = id
            self.name = name
            self.note = note
            self.balance = balance
            self.closed = closed
            self.addedAt = addedAt
        }
    }

    /// An entry waiting for approval.
    public struct PendingEntry: Sendable, Hashable, Codable {
        public var seq: Int
        public var hash: EntryHash
        public var kind: Kind
        public var author: KeyID
        public var time: Timestamp
        /// The entry's `data`, canonical bytes (kept as bytes so the state encodes simply).
        public var data: [UInt8]
        /// Keys that approved it so far, in order.
        public var approvals: [KeyID] = []
        /// For a reversal, the `data` of the entry it undoes, so its effect can be undone without reading it again.
        public var targetData: [UInt8]?
        public var targetKind: Kind?
    }

    public internal(set) var founding: Founding?
    /// How many entries have been applied; the next entry's seq.
    public internal(set) var count = 0
    /// The hash of the last entry applied; the next entry's `prev`.
    public internal(set) var head = EntryHash.zero
    public internal(set) var lastTime: Timestamp?
    public internal(set) var policy = Policy()
    public internal(set) var keys: [KeyID: KeyRecord] = [:]
    public internal(set) var funds: [FundID: FundRecord] = [:]
    public internal(set) var members: [MemberID: MemberRecord] = [:]
    public internal(set) var pending: [Int: PendingEntry] = [:]
    /// Entries the oversight group rejected.
    public internal(set) var rejected: Set<Int> = []
    /// Entries undone by an effective reversal.
    public internal(set) var reversed: Set<Int> = []
    /// Donation receipt numbers already used.
    public internal(set) var receipts: Set<String> = []

    public init() {}

    /// Keys that may author or approve right now.
    public var activeKeys: [KeyRecord] { keys.values.filter { $0.status == .active }.sorted { $0.addedAt < $1.addedAt } }

    /// The payload of a pending entry.
    public func payload(of pending: PendingEntry) -> Payload? {
        guard let data = try? CanonicalJSON.parse(pending.data) else { return nil }
        return try? Payload(kind: pending.kind, data: data)
    }

    /// Keys that could still approve a pending entry: active, not the author or the author's holder, not yet
    /// approved, and of a role whose approval still counts.
    public func possibleApprovers(of entry: PendingEntry) -> [KeyRecord] {
        let authorHolder = keys[entry.author]?.holder
        return activeKeys.filter { key in
            key.id != entry.author && key.holder != authorHolder && !entry.approvals.contains(key.id)
                && approvalCounts(role: key.role, for: entry.kind)
        }
    }

    /// Whether an approval by a key of `role` counts toward an entry of `kind`.
    func approvalCounts(role: Role, for kind: Kind) -> Bool {
        switch kind.approval {
        case .money: role == .oversight
        case .governance: true
        case .none: false
        }
    }
}
