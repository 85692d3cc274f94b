/// The balances right after a money movement took effect: each fund's cash and goods, and what the society
/// holds for all its members together. The store keeps them with each effect, so the figures of any month —
/// a fund at the month's end, what was held at its start — are one read, however long the ledger.
public struct EffectTotals: Sendable, Hashable, Codable {
    public var cash: [FundID: Fen] = [:]
    public var inKind: [FundID: Fen] = [:]
    public var heldForMembers: Fen = 0

    public init() {}

    /// Adds one effect's changes.
    public mutating func add(_ changes: [(account: Activity.Account, delta: Fen)]) {
        for change in changes {
            switch change.account {
            case .fundCash(let fund): cash[fund, default: 0] += change.delta
            case .fundInKind(let fund): inKind[fund, default: 0] += change.delta
            case .member: heldForMembers += change.delta
            }
        }
    }
}

/// A money movement where it took effect, as the store indexes it: `at` is the entry at which it took effect
/// (the movement itself, or its last needed approval), `seq` the entry that moves the money, `time` the time of
/// `at`. The balances after it are kept beside it and read only where a figure needs them.
public struct EffectRecord: Sendable, Hashable {
    public var at: Int
    public var seq: Int
    public var time: Timestamp

    public init(at: Int, seq: Int, time: Timestamp) {
        self.at = at
        self.seq = seq
        self.time = time
    }

    /// Every effect of `entries` (the whole ledger, in order), each with the balances right after it, judged by
    /// the ledger's `state`: what a store without an effects table answers from.
    public static func all(entries: [Entry], state: LedgerState) -> [(record: EffectRecord, totals: EffectTotals)] {
        var totals = EffectTotals()
        return Activity.effects(of: entries, state: state).map { effect in
            totals.add(effect.changes)
            return (EffectRecord(at: effect.seq, seq: effect.entry.seq, time: effect.time), totals)
        }
    }
}

extension Activity {
    /// The money that moves when `entry` is applied, giving the state `after`: a donation's or a sale's own, or —
    /// for an approval that was the last one needed — its target's (a grant, payout, expense or reversal), read from
    /// `waiting`, the target's pending record before the approval. `nil` when no money moves. The rule of
    /// ``effects(of:state:)``, one entry at a time, for a store or a verifier that keeps the effects as entries
    /// arrive.
    public static func movedMoney(appending entry: Entry, waiting: LedgerState.PendingEntry?, after: LedgerState)
        -> (seq: Int, changes: [(account: Account, delta: Fen)])?
    {
        var movements: [Movement]
        let seq: Int
        if entry.kind.isReversible, entry.kind.approval == .none {
            (seq, movements) = (entry.seq, Movement.of(entry.payload))
        } else if case .approve(let approve) = entry.payload, let target = waiting, target.seq == approve.target,
            after.pending[approve.target] == nil, !after.rejected.contains(approve.target)
        {
            if target.kind == .reversal {
                guard let kind = target.targetKind, let data = target.targetData, let parsed = try? CanonicalJSON.parse(data),
                    let undone = try? Payload(kind: kind, data: parsed)
                else { return nil }
                movements = Movement.of(undone).map(\.reversed)
            } else if target.kind.isReversible, let payload = after.payload(of: target) {
                movements = Movement.of(payload)
            } else {
                return nil
            }
            seq = approve.target
        } else {
            return nil
        }
        return (seq, movements.map { (account: Activity.account($0.account), delta: $0.delta) })
    }

    /// The balance changes of `entry` taking effect; a reversal's are the opposite of those of `undone`, the entry
    /// it reverses.
    public static func changes(of entry: Entry, undoing undone: Entry?) -> [(account: Account, delta: Fen)] {
        let movements: [Movement]
        if entry.kind == .reversal {
            movements = undone.map { Movement.of($0.payload).map(\.reversed) } ?? []
        } else {
            movements = Movement.of(entry.payload)
        }
        return movements.map { (account: Activity.account($0.account), delta: $0.delta) }
    }
}
