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
        restore(header)
        self.keys = Dictionary(uniqueKeysWithValues: keys.map { ($0.id, $0) })
        self.funds = Dictionary(uniqueKeysWithValues: funds.map { ($0.id, $0) })
        self.members = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        self.pending = Dictionary(uniqueKeysWithValues: pending.map { ($0.seq, $0) })
        self.receipts = receipts
    }

    /// The rows a store keeps that differ between `old` and this state (derived from it by one entry): each key,
    /// fund, member and pending entry changed or new, the pending entries settled, and the receipts first used.
    public struct RowChanges: Sendable {
        public var keys: [KeyRecord] = []
        public var funds: [FundRecord] = []
        public var members: [MemberRecord] = []
        public var pending: [PendingEntry] = []
        public var settled: [Int] = []
        public var receipts: [String] = []
    }

    public func rowChanges(since old: LedgerState) -> RowChanges {
        RowChanges(keys: keys.values.filter { old.keys[$0.id] != $0 }, funds: funds.values.filter { old.funds[$0.id] != $0 },
            members: members.values.filter { old.members[$0.id] != $0 },
            pending: pending.values.filter { old.pending[$0.seq] != $0 },
            settled: old.pending.keys.filter { pending[$0] == nil }, receipts: Array(receipts.subtracting(old.receipts)))
    }

    /// This whole state after an append that turned `old`, the part of it the append loaded, into `new`: the rows
    /// `new` changed (``rowChanges(since:)``, what a store writes) replace or leave this state's, and the rest stay.
    public mutating func absorb(from old: LedgerState, to new: LedgerState) {
        let changes = new.rowChanges(since: old)
        restore(new.header)
        for key in changes.keys { keys[key.id] = key }
        for fund in changes.funds { funds[fund.id] = fund }
        for member in changes.members { members[member.id] = member }
        for seq in changes.settled { pending[seq] = nil }
        for entry in changes.pending { pending[entry.seq] = entry }
        receipts.formUnion(changes.receipts)
    }

    private mutating func restore(_ header: Header) {
        founding = header.founding
        count = header.count
        head = header.head
        lastTime = header.lastTime
        policy = header.policy
        rejected = header.rejected
        reversed = header.reversed
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
