/// Money movements in the order they took effect: what statements, notices and reports are made of.
///
/// A donation or sale takes effect where it is recorded; a grant, payout, expense or reversal where its last
/// needed approval was recorded. Entries still pending or rejected move nothing. Reversed entries keep their
/// movement, and the reversal adds the opposite one where it takes effect, so running balances are exact.
public struct Activity: Sendable {
    /// An account whose balance an entry changes.
    public enum Account: Hashable, Sendable {
        case fundCash(FundID)
        case fundInKind(FundID)
        case member(MemberID)
    }

    /// One entry's effect.
    public struct Effect: Sendable {
        /// The entry that moves the money (a reversal for an undo).
        public var entry: Entry
        /// The seq and time at which it took effect.
        public var seq: Int
        public var time: Timestamp
        public var changes: [(account: Account, delta: Fen)]

        /// The change to one account, 0 if untouched.
        public func delta(for account: Account) -> Fen {
            changes.filter { $0.account == account }.reduce(0) { $0 + $1.delta }
        }
    }

    /// The effects among `entries` (in seq order), judged by the ledger's current `state`.
    ///
    /// `entries` may be a subset (one member's), as long as it includes the approvals of the entries it holds
    /// and the targets of the reversals it holds.
    public static func effects(of entries: [Entry], state: LedgerState) -> [Effect] {
        var lastApproval: [Int: Entry] = [:]
        var bySeq: [Int: Entry] = [:]
        for entry in entries {
            bySeq[entry.seq] = entry
            if case .approve(let approve) = entry.payload { lastApproval[approve.target] = entry }
        }
        var effects: [Effect] = []
        for entry in entries where entry.kind.isReversible || entry.kind == .reversal {
            guard state.pending[entry.seq] == nil, !state.rejected.contains(entry.seq) else { continue }
            var movements = Movement.of(entry.payload)
            if case .reversal(let reversal) = entry.payload {
                guard let target = bySeq[reversal.target] else { continue }
                movements = Movement.of(target.payload).map(\.reversed)
            }
            let effective = entry.kind.approval == .none ? entry : lastApproval[entry.seq]
            guard let effective else { continue }
            effects.append(Effect(entry: entry, seq: effective.seq, time: effective.body.time,
                changes: movements.map { (account: Activity.account($0.account), delta: $0.delta) }))
        }
        return effects.sorted { $0.seq < $1.seq }
    }

    static func account(_ account: Movement.Account) -> Account {
        switch account {
        case .fundCash(let fund): .fundCash(fund)
        case .fundInKind(let fund): .fundInKind(fund)
        case .member(let member): .member(member)
        }
    }
}
