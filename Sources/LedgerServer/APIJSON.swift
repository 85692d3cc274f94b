import LedgerCore

/// The JSON shapes the API answers with, in one place so the docs and the clients agree.
enum APIJSON {
    /// What a client needs to build the next entry: `size` (its seq), `head` (its prev), `last_time` (its earliest time).
    static func head(_ state: LedgerState) -> JSONValue {
        var object: JSONObject = [
            "ledger": .string(state.founding?.ledgerID ?? ""), "society": .string(state.founding?.society ?? ""),
            "size": .integer(Int64(state.count)), "head": .string(state.head.hex),
        ]
        if let last = state.lastTime { object["last_time"] = .string(last.description) }
        return .object(object)
    }

    /// An entry: its exact canonical bytes as a string (`entry`), its hash, and what the ledger now says of it.
    static func entry(_ entry: Entry, state: LedgerState) -> JSONValue {
        [
            "seq": .integer(Int64(entry.seq)), "hash": .string(entry.hash.hex), "kind": .string(entry.kind.rawValue),
            "time": .string(entry.body.time.description), "author": .string(entry.body.author),
            "status": .string(state.statusName(of: entry.seq)), "entry": .string(String(decoding: entry.bytes, as: UTF8.self)),
        ]
    }

    /// The answer to a successful `POST`.
    static func appended(_ entry: Entry, status: String, targetTookEffect: Bool?) -> JSONValue {
        var object: JSONObject = [
            "seq": .integer(Int64(entry.seq)), "hash": .string(entry.hash.hex), "kind": .string(entry.kind.rawValue),
            "status": .string(status),
        ]
        if case .approve(let approve) = entry.payload {
            object["target"] = .integer(Int64(approve.target))
            object["target_effective"] = .bool(targetTookEffect ?? false)
        }
        return .object(object)
    }

    static func report(_ report: PeriodReport) -> JSONValue {
        func tally(_ tally: PeriodReport.Tally) -> JSONValue { ["count": .integer(Int64(tally.count)), "amount": .integer(tally.amount)] }
        var object: JSONObject = [
            "donations_cash": tally(report.donations), "donations_in_kind": tally(report.inKind),
            "donors": .integer(Int64(report.donors)), "sales": tally(report.sales), "fees": .integer(report.fees),
            "income_raised": .integer(report.incomeRaised), "grants": tally(report.grants),
            "grant_households": .integer(Int64(report.grantHouseholds)), "payouts": tally(report.payouts),
            "expenses": tally(report.expenses), "households_helped": .integer(Int64(report.householdsHelped)),
            "held_for_members_at_start": .integer(report.heldForMembersAtStart),
            "held_for_members_at_end": .integer(report.heldForMembersAtEnd),
            "funds": .array(report.funds.map {
                ["id": .string($0.id), "name": .string($0.name), "cash_at_start": .integer($0.cashAtStart),
                 "cash_at_end": .integer($0.cashAtEnd), "in_kind_at_start": .integer($0.inKindAtStart),
                 "in_kind_at_end": .integer($0.inKindAtEnd)]
            }),
            "pending": .array(report.pending.map { .integer(Int64($0.seq)) }),
            "rejected": .array(report.rejected.map { .integer(Int64($0.seq)) }),
        ]
        if let start = report.start { object["from"] = .string(start.description) }
        if let end = report.end { object["to"] = .string(end.description) }
        return .object(object)
    }
}

extension LedgerState {
    /// `effective`, `pending`, `rejected` or `reversed`.
    func statusName(of seq: Int) -> String {
        if pending[seq] != nil { return "pending" }
        if rejected.contains(seq) { return "rejected" }
        if reversed.contains(seq) { return "reversed" }
        return "effective"
    }
}
