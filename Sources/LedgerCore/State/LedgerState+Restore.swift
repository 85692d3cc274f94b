extension LedgerState {
    /// The part of the state that is small and changes with every entry: everything but keys, funds, members,
    /// pending entries and receipts, which a store keeps as rows.
    public struct Header: Sendable, Hashable, Codable {
        public var founding: Founding?
        public var count: Int
        public var head: EntryHash
        public var lastTime: Timestamp?
        public var policy: Policy
        public var rejected: Set<Int>
        public var reversed: Set<Int>
    }

    public var header: Header {
        Header(founding: founding, count: count, head: head, lastTime: lastTime, policy: policy, rejected: rejected, reversed: reversed)
    }

    /// Rebuilds a state from a store's rows.
    ///
    /// A store may pass only the members and receipts an entry names (see ``membersNamed(by:earlierPayload:)``):
    /// the rules look members and receipts up by the ids an entry gives, and never enumerate them.
    public init(header: Header, keys: [KeyRecord], funds: [FundRecord], members: [MemberRecord], pending: [PendingEntry],
        receipts: Set<String>)
    {
        self.init()
        founding = header.founding
        count = header.count
        head = header.head
        lastTime = header.lastTime
        policy = header.policy
        rejected = header.rejected
        reversed = header.reversed
        self.keys = Dictionary(uniqueKeysWithValues: keys.map { ($0.id, $0) })
        self.funds = Dictionary(uniqueKeysWithValues: funds.map { ($0.id, $0) })
        self.members = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        self.pending = Dictionary(uniqueKeysWithValues: pending.map { ($0.seq, $0) })
        self.receipts = receipts
    }

    /// This whole state after an append that turned `old`, the part of it the append loaded, into `new`: what `new`
    /// changed or removed replaces or leaves this state's rows, and the rest stay — the same rows a store writes.
    public mutating func absorb(from old: LedgerState, to new: LedgerState) {
        founding = new.founding
        count = new.count
        head = new.head
        lastTime = new.lastTime
        policy = new.policy
        rejected = new.rejected
        reversed = new.reversed
        for (id, key) in new.keys where old.keys[id] != key { keys[id] = key }
        for (id, fund) in new.funds where old.funds[id] != fund { funds[id] = fund }
        for (id, member) in new.members where old.members[id] != member { members[id] = member }
        for seq in old.pending.keys where new.pending[seq] == nil { pending[seq] = nil }
        for (seq, entry) in new.pending where old.pending[seq] != entry { pending[seq] = entry }
        receipts.formUnion(new.receipts.subtracting(old.receipts))
    }

    /// Every member whose record applying `entry` may read or change: the one it names, and for an approval,
    /// rejection or reversal, the one its target names.
    public func membersNamed(by entry: Entry, earlierPayload: (Int) throws(LedgerError) -> Payload?) throws(LedgerError)
        -> Set<MemberID>
    {
        var members = Set([entry.payload.member].compactMap { $0 })
        if let target = entry.payload.target {
            if let waiting = pending[target] {
                members.formUnion([payload(of: waiting)?.member].compactMap { $0 })
                if let data = waiting.targetData, let kind = waiting.targetKind,
                    let value = try? CanonicalJSON.parse(data), let targetPayload = try? Payload(kind: kind, data: value)
                {
                    members.formUnion([targetPayload.member].compactMap { $0 })
                }
            } else if case .reversal = entry.payload, let payload = try earlierPayload(target) {
                members.formUnion([payload.member].compactMap { $0 })
            }
        }
        return members
    }
}

extension LedgerState.Header {
    /// The header as a store keeps it: the JSON its `Codable` conformance writes and reads, with keys sorted, built
    /// without Foundation's `JSONEncoder`, which took a fifth of an append's own time. It lives beside the type so a
    /// new field is added to both; a test checks it against `JSONEncoder`'s output.
    public var encodedJSON: [UInt8] {
        func integers(_ set: Set<Int>) -> JSONValue { .array(set.sorted().map { .integer(Int64($0)) }) }
        var object: JSONObject = [
            "count": .integer(Int64(count)),
            "head": .string(head.hex),
            "policy": [
                "governanceCommittee": .integer(Int64(policy.governanceCommittee)),
                "governanceOversight": .integer(Int64(policy.governanceOversight)),
                "moneyApprovals": .integer(Int64(policy.moneyApprovals)),
            ],
            "rejected": integers(rejected),
            "reversed": integers(reversed),
        ]
        if let founding {
            object["founding"] = [
                "society": .string(founding.society), "ledgerID": .string(founding.ledgerID),
                "genesisHash": .string(founding.genesisHash.hex),
            ]
        }
        if let lastTime { object["lastTime"] = .string(lastTime.description) }
        return CanonicalJSON.encode(.object(object))
    }
}
