/// One change to a balance that an entry makes when it takes effect.
struct Movement: Sendable, Hashable {
    enum Account: Hashable, Sendable {
        case fundCash(FundID)
        case fundInKind(FundID)
        case member(MemberID)
    }
    var account: Account
    var delta: Fen

    /// The movements of an effective donation, sale, grant, payout or expense; empty for other kinds.
    static func of(_ payload: Payload) -> [Movement] {
        switch payload {
        case .donation(let d):
            [Movement(account: d.form == .cash ? .fundCash(d.fund) : .fundInKind(d.fund), delta: d.amount)]
        case .sale(let s):
            [Movement(account: .member(s.member), delta: s.proceeds)]
                + ((s.fee ?? 0) > 0 ? [Movement(account: .fundCash(s.feeFund), delta: s.fee!)] : [])
        case .grant(let g):
            [Movement(account: .fundCash(g.fund), delta: -g.amount), Movement(account: .member(g.member), delta: g.amount)]
        case .payout(let p):
            [Movement(account: .member(p.member), delta: -p.amount)]
        case .expense(let e):
            [Movement(account: .fundCash(e.fund), delta: -e.amount)]
        default:
            []
        }
    }

    var reversed: Movement { Movement(account: account, delta: -delta) }
}

extension LedgerState {
    /// Checks that `movements` leave no balance below zero and overflow nothing; changes nothing.
    func check(_ movements: [Movement]) throws(LedgerError) {
        var after: [Movement.Account: Fen] = [:]
        for movement in movements {
            let before = after[movement.account] ?? balance(of: movement.account)
            let (sum, overflow) = before.addingReportingOverflow(movement.delta)
            guard !overflow else {
                throw LedgerError(.amountOverflow, en: "a balance would exceed what the ledger can count",
                    zh: "余额将超出账本可计数的范围")
            }
            after[movement.account] = sum
        }
        for (account, value) in after where value < 0 {
            switch account {
            case .fundCash(let fund), .fundInKind(let fund):
                let have = Yuan.format(balance(of: account))
                throw LedgerError(.fundOverdraft, en: "fund \"\(fund)\" has only \(have); this would take it below zero",
                    zh: "基金“\(fund)”只有 \(have)，此操作会使其余额为负")
            case .member(let member):
                let have = Yuan.format(balance(of: account))
                throw LedgerError(.memberOverdraft,
                    en: "member \(member) has only \(have) held for them; this would take it below zero",
                    zh: "成员 \(member) 的余额只有 \(have)，此操作会使其余额为负")
            }
        }
    }

    /// Applies movements already passed by ``check(_:)``.
    mutating func apply(_ movements: [Movement]) {
        for movement in movements {
            switch movement.account {
            case .fundCash(let fund): funds[fund]!.cash += movement.delta
            case .fundInKind(let fund): funds[fund]!.inKind += movement.delta
            case .member(let member): members[member]!.balance += movement.delta
            }
        }
    }

    func balance(of account: Movement.Account) -> Fen {
        switch account {
        case .fundCash(let fund): funds[fund]?.cash ?? 0
        case .fundInKind(let fund): funds[fund]?.inKind ?? 0
        case .member(let member): members[member]?.balance ?? 0
        }
    }
}
