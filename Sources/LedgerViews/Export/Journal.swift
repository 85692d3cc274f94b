import Foundation
import LedgerCore
import LedgerKit

/// A plain-text accounting journal (hledger, also readable by Ledger) of the ledger's money movements.
///
/// Accounts:
/// - `assets:funds:FUND:cash` — a fund's cash (`ledger funds`, Cash);
/// - `assets:funds:FUND:in kind` — declared value of goods given to it (`ledger funds`, In kind);
/// - `assets:held for members` — the cash the society holds for households, and
///   `liabilities:members:MEMBER` — what it owes each one (`ledger balance`, as a negative liability);
/// - `income:donations:cash`, `income:donations:in kind`, `income:produce sales`;
/// - `expenses:grants`, `expenses:fund expenses`, and `expenses:sale proceeds for households` — the households'
///   share of a sale (助农增收), owed to them until it is paid out.
///
/// A reversal is the reversed transaction of what it undoes, dated where it took effect. Every transaction
/// carries the entry's seq (also as its code), kind and hash as tags, and `effective:` the seq where it took effect.
public struct Journal {
    public struct Transaction {
        public var date: String
        public var seq: Int
        public var effectiveSeq: Int
        public var kind: String
        public var hash: String
        public var description: String
        public var postings: [(account: String, amount: Fen)]
    }

    public static let commodity = "CNY"
    public static let heldForMembers = "assets:held for members"
    public static func fundCash(_ fund: FundID) -> String { "assets:funds:\(fund):cash" }
    public static func fundInKind(_ fund: FundID) -> String { "assets:funds:\(fund):in kind" }
    public static func member(_ member: MemberID) -> String { "liabilities:members:\(member)" }

    public let society: String
    public let ledgerID: String
    public let transactions: [Transaction]

    public init(entries: [Entry], state: LedgerState) {
        society = state.founding?.society ?? ""
        ledgerID = state.founding?.ledgerID ?? ""
        var bySeq: [Int: Entry] = [:]
        for entry in entries where entry.kind.isReversible { bySeq[entry.seq] = entry }
        transactions = Activity.effects(of: entries, state: state).compactMap { effect in
            var payload = effect.entry.payload
            var sign: Fen = 1
            if case .reversal(let reversal) = payload {
                guard let target = bySeq[reversal.target] else { return nil }
                payload = target.payload
                sign = -1
            }
            let postings = Journal.postings(payload).map { (account: $0.account, amount: sign * $0.amount) }
            guard !postings.isEmpty else { return nil }
            return Transaction(
                date: String(Format.localTime(effect.time).prefix(10)), seq: effect.entry.seq, effectiveSeq: effect.seq,
                kind: effect.entry.kind.rawValue, hash: effect.entry.hash.hex,
                description: Format.kindName(effect.entry.kind) + " · " + Describe.payload(effect.entry.payload, state: state),
                postings: postings)
        }
    }

    /// The balanced postings of an effective donation, sale, grant, payout or expense.
    public static func postings(_ payload: Payload) -> [(account: String, amount: Fen)] {
        switch payload {
        case .donation(let d) where d.form == .cash:
            return [(fundCash(d.fund), d.amount), ("income:donations:cash", -d.amount)]
        case .donation(let d):
            return [(fundInKind(d.fund), d.amount), ("income:donations:in kind", -d.amount)]
        case .sale(let s):
            var postings: [(account: String, amount: Fen)] = []
            if s.proceeds > 0 { postings.append((heldForMembers, s.proceeds)) }
            if let fee = s.fee, fee > 0 { postings.append((fundCash(s.feeFund), fee)) }
            postings.append(("income:produce sales", -s.amount))
            if s.proceeds > 0 {
                postings += [("expenses:sale proceeds for households", s.proceeds), (member(s.member), -s.proceeds)]
            }
            return postings
        case .grant(let g):
            return [("expenses:grants", g.amount), (fundCash(g.fund), -g.amount), (heldForMembers, g.amount), (member(g.member), -g.amount)]
        case .payout(let p):
            return [(member(p.member), p.amount), (heldForMembers, -p.amount)]
        case .expense(let e):
            return [("expenses:fund expenses", e.amount), (fundCash(e.fund), -e.amount)]
        default:
            return []
        }
    }

    /// The journal: a header comment, commodity and account declarations (so `hledger check --strict` passes),
    /// then the transactions in the order they took effect.
    public var text: String {
        var lines = [
            "; \(Journal.clean(society)) — mutual-aid ledger \(ledgerID)",
            "; " + t("Exported by `ledger export --format journal`: one transaction per money movement that took effect.",
                "由 `ledger export --format journal` 导出：每笔已生效的收支一笔交易。"),
            "; " + t("hledger balance equals `ledger funds` (assets:funds) and `ledger balance` (liabilities:members).",
                "hledger balance 与 `ledger funds`（assets:funds）和 `ledger balance`（liabilities:members）一致。"),
            "",
            "decimal-mark .",
            "commodity 1000.00 \(Journal.commodity)",
            "",
        ]
        let accounts = Set(transactions.flatMap { $0.postings.map(\.account) })
        for account in accounts.sorted() {
            let type = account.hasPrefix("assets") ? "A" : account.hasPrefix("liabilities") ? "L" : account.hasPrefix("income") ? "R" : "X"
            lines.append("account \(account)  ; type: \(type)")
        }
        for transaction in transactions {
            var tags = "seq:\(transaction.seq), kind:\(transaction.kind), hash:\(transaction.hash)"
            if transaction.effectiveSeq != transaction.seq { tags += ", effective:\(transaction.effectiveSeq)" }
            lines.append("")
            lines.append("\(transaction.date) (\(transaction.seq)) \(Journal.clean(transaction.description))  ; \(tags)")
            for posting in transaction.postings {
                lines.append("    \(posting.account)  \(Yuan.plain(posting.amount)) \(Journal.commodity)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Free text made safe for a description: a `;` would start a comment.
    public static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: ";", with: ",")
    }
}
