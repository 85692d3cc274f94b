import Foundation
import LedgerCore
import LedgerKit

/// A member's statement for a span of days: every movement with the running balance, the totals, and the kept
/// checkpoint that covers them — worked out once for the terminal, the printable page and `--json`.
public struct MemberStatement {
    /// One movement of the member's balance.
    public struct Line {
        public var seq: Int
        public var time: Timestamp
        public var what: String
        public var delta: Fen
        public var balance: Fen
    }

    public let member: MemberID
    public let name: String
    public let society: String
    public let lines: [Line]
    public let opening: Fen
    public let credits: Fen
    public let debits: Fen
    public let closing: Fen
    /// The latest kept checkpoint, when it covers every line.
    public let checkpoint: CheckpointNote?

    /// - Parameters:
    ///   - from: the first day shown (earlier movements make the opening balance).
    ///   - to: the last day shown.
    /// - Throws: `LedgerError` (`unknown_member`) for a member the ledger does not have.
    public init(ledger: some LedgerReader, member: MemberID, from: LocalDate?, to: LocalDate?) throws(LedgerError) {
        let state = try ledger.state()
        guard let record = state.members[member] else { throw MemberName.unknown(member) }
        let account = Activity.Account.member(member)
        var opening: Fen = 0
        var running: Fen = 0
        var lines: [Line] = []
        for effect in Activity.effects(of: try ledger.entries(of: member), state: state) {
            let delta = effect.delta(for: account)
            guard delta != 0 else { continue }
            running += delta
            if let from, effect.time < from.start {
                opening = running
                continue
            }
            if let to, effect.time >= to.end { break }
            lines.append(Line(seq: effect.entry.seq, time: effect.time, what: Describe.payload(effect.entry.payload, state: state),
                delta: delta, balance: running))
        }
        self.member = member
        self.name = record.name
        self.society = state.founding?.society ?? ""
        self.lines = lines
        self.opening = opening
        self.credits = lines.filter { $0.delta > 0 }.reduce(Fen(0)) { $0 + $1.delta }
        self.debits = -lines.filter { $0.delta < 0 }.reduce(Fen(0)) { $0 + $1.delta }
        self.closing = lines.last?.balance ?? opening
        let point = try ledger.latestCheckpoint().flatMap { CheckpointNote(text: $0.text) }
        self.checkpoint = point.flatMap { $0.size > (lines.last?.seq ?? -1) ? $0 : nil }
    }

    public var title: String { t("Statement for \(name) (\(member))", "\(name)（\(member)）对账单") }

    private var header: [String] { [t("Seq", "序号"), t("Date", "日期"), t("What", "内容"), t("Amount", "金额"), t("Balance", "余额")] }

    private var rows: [[String]] {
        lines.map { ["\($0.seq)", Format.localTime($0.time), $0.what, Format.money($0.delta), Format.money($0.balance)] }
    }

    private var totals: [(String, String)] {
        [
            (t("Opening balance", "期初余额"), Format.money(opening)), (t("Money in", "收入"), Format.money(credits)),
            (t("Money out", "支出"), Format.money(debits)), (t("Closing balance", "期末余额"), Format.money(closing)),
        ]
    }

    private var coverage: String {
        checkpoint.map {
            t("Checkpoint of \($0.size) entries covers this statement; fingerprint \($0.fingerprint).",
                "本对账单由 \($0.size) 条的检查点覆盖；指纹 \($0.fingerprint)。")
        } ?? t("No published checkpoint covers these entries yet.", "尚无已公示的检查点覆盖这些条目。")
    }

    /// The statement as the terminal shows it.
    public var text: String {
        [title, Format.table(header, rows, rightAligned: [0, 3, 4]),
         Format.table([t("Total", "合计"), ""], totals.map { [$0.0, $0.1] }, rightAligned: [1]), coverage].joined(separator: "\n")
    }

    /// The statement as a printable page.
    public var html: String {
        let body = "<h1>\(HTML.isolated(title))</h1><p>\(HTML.isolated(society))</p>" + HTML.table(header, rows, numeric: [0, 3, 4])
            + HTML.facts(totals) + "<p class=\"note\">\(HTML.escape(coverage))</p>"
        return HTML.page(title: title, body: body)
    }

    /// The statement for `--json`, amounts in fen.
    public var json: [String: Any] {
        [
            "member": member, "name": name, "opening": opening, "closing": closing, "credits": credits, "debits": debits,
            "lines": lines.map { ["seq": $0.seq, "time": $0.time.description, "what": $0.what, "delta": $0.delta, "balance": $0.balance] },
            "checkpoint": checkpoint.map { ["size": $0.size, "fingerprint": $0.fingerprint] } ?? [:],
        ]
    }
}
