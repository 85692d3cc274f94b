/// A member's money as the notice board shows it: the balance, what made it, and every movement in order.
///
/// Only entries in force count (not pending, rejected or reversed), so the figures agree with the balance the
/// rules keep. Notes and memos are not part of it: a member's page never shows them. `ledger balance` and the
/// server's member page both read it, so they cannot disagree.
public struct MemberFigures: Sendable {
    /// One movement of the member's money, with the balance after it.
    public struct Line: Sendable {
        public var seq: Int
        public var time: Timestamp
        public var kind: Kind
        public var payload: Payload
        public var delta: Fen
        public var balance: Fen
    }

    public var record: LedgerState.MemberRecord
    /// Produce sold for the member, before fees.
    public private(set) var sales: Fen = 0
    public private(set) var fees: Fen = 0
    public private(set) var grants: Fen = 0
    public private(set) var payouts: Fen = 0
    /// Every movement in the order it took effect.
    public private(set) var lines: [Line] = []

    /// Works out the figures from the entries that touch the member (`entries(member:)`) and the current state.
    public init(record: LedgerState.MemberRecord, entries: [Entry], state: LedgerState) {
        self.record = record
        for entry in entries where state.pending[entry.seq] == nil && !state.rejected.contains(entry.seq)
            && !state.reversed.contains(entry.seq)
        {
            switch entry.payload {
            case .sale(let sale):
                sales += sale.amount
                fees += sale.fee ?? 0
            case .grant(let grant): grants += grant.amount
            case .payout(let payout): payouts += payout.amount
            default: break
            }
        }
        var running: Fen = 0
        let account = Activity.Account.member(record.id)
        for effect in Activity.effects(of: entries, state: state) {
            let delta = effect.delta(for: account)
            guard delta != 0 else { continue }
            running += delta
            lines.append(Line(seq: effect.entry.seq, time: effect.time, kind: effect.entry.kind, payload: effect.entry.payload,
                delta: delta, balance: running))
        }
    }

    /// The figures as the API and `ledger balance --json` give them, in fen.
    public var json: JSONValue {
        [
            "member": .string(record.id), "name": .string(record.name), "balance": .integer(record.balance),
            "closed": .bool(record.closed), "sales": .integer(sales), "fees": .integer(fees), "grants": .integer(grants),
            "payouts": .integer(payouts),
        ]
    }
}
