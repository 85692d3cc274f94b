import Foundation
import LedgerCore
import LedgerKit

/// The public notice (公示) for one month, worked out once for the terminal, the printable page and the web:
/// money in and out net of reversals, pending items, fund balances at the month's end, and the signed checkpoint.
public struct NoticeBoard {
    public let month: Period
    public let title: String
    public let summary: [(String, String)]
    public let sections: [(String, [[String]])]
    public let pending: [[String]]
    public let fundRows: [[String]]
    public let point: CheckpointNote?
    public let checkpointText: String
    /// The hash of entry 0, which a member types on their page (or `ledger verify --genesis` takes) to pin this ledger.
    public let genesisText: String
    public let howTo: String
    public let json: [String: Any]

    public static var itemHeader: [String] { [t("Date", "日期"), t("What", "内容"), t("Entry", "条目")] }
    public static var pendingHeader: [String] { [t("Entry", "条目"), t("Kind", "类型"), t("What", "内容")] }
    public static var fundHeader: [String] { [t("Fund", "基金"), t("Name", "名称"), t("Cash", "现金余额"), t("In kind", "物资价值")] }

    /// - Parameter period: the month (default: the month of the latest entry).
    public init(ledger: some LedgerReader, period: Period?) throws(LedgerError) {
        let state = try ledger.state()
        let latest = try ledger.latestEffect()
        let month = period ?? Period.containing(latest?.time ?? state.lastTime ?? Timestamp.now())
        self.month = month
        // Only this month's movements are read, each with the entry it reverses, if any.
        var inPeriod: [(entry: Entry, time: Timestamp, undone: Entry?)] = []
        for record in try ledger.effects(from: month.start, to: month.end) {
            guard let entry = try ledger.entry(record.seq) else { continue }
            var undone: Entry?
            if case .reversal(let reversal) = entry.payload { undone = try ledger.entry(reversal.target) }
            inPeriod.append((entry, record.time, undone))
        }

        func rows(_ kind: Kind) -> [[String]] {
            inPeriod.filter { $0.entry.kind == kind }.map {
                [Format.localTime($0.time), Describe.payload($0.entry.payload, state: state), "\($0.entry.seq)"]
            }
        }
        // Totals are net of reversals that took effect in the period: a reversed donation counts minus its amount.
        func total(_ kind: Kind, _ amount: (Payload) -> Fen) -> Fen {
            inPeriod.reduce(0) { sum, effect in
                if effect.entry.kind == kind { return sum + amount(effect.entry.payload) }
                if let undone = effect.undone, undone.kind == kind { return sum - amount(undone.payload) }
                return sum
            }
        }
        let cashIn = total(.donation) { if case .donation(let d) = $0, d.form == .cash { d.amount } else { 0 } }
        let inKind = total(.donation) { if case .donation(let d) = $0, d.form == .inKind { d.amount } else { 0 } }
        let raised = total(.sale) { if case .sale(let s) = $0 { s.proceeds } else { 0 } }
        let granted = total(.grant) { if case .grant(let g) = $0 { g.amount } else { 0 } }
        let paid = total(.payout) { if case .payout(let p) = $0 { p.amount } else { 0 } }
        let spent = total(.expense) { if case .expense(let e) = $0 { e.amount } else { 0 } }
        // The funds at the month's end: the balances after its last movement, one read.
        let atEnd = try ledger.effectTotals(before: month.end)
        var funds: [FundID: (cash: Fen, inKind: Fen)] = [:]
        for fund in Set(atEnd.cash.keys).union(atEnd.inKind.keys) {
            funds[fund] = (atEnd.cash[fund] ?? 0, atEnd.inKind[fund] ?? 0)
        }
        pending = state.pending.values.sorted { $0.seq < $1.seq }.map {
            ["\($0.seq)", Format.kindName($0.kind), Describe.payload(state.payload(of: $0), state: state)]
        }
        let note = try ledger.latestCheckpoint()
        let point = note.flatMap { CheckpointNote(text: $0.text) }
        self.point = point
        let signers = note?.signatures.map { state.keys[$0.name]?.holder ?? $0.name } ?? []
        let genesis = try ledger.entry(0)?.hash.hex ?? ""
        genesisText = t("Genesis hash, to type on a member's page so the browser checks it against this ledger: \(genesis)",
            "创始哈希（在本户页面输入，浏览器即据此核验本账本）：\(genesis)")

        json = [
            "society": state.founding?.society ?? "", "period": month.label, "donations_cash": cashIn, "donations_in_kind": inKind,
            "income_raised": raised, "grants": granted, "payouts": paid, "expenses": spent,
            "pending": state.pending.keys.sorted(),
            "funds": funds.mapValues { ["cash": $0.cash, "in_kind": $0.inKind] },
            "genesis": genesis,
            "checkpoint": point.map { ["size": $0.size, "root": $0.root.hex, "fingerprint": $0.fingerprint, "signers": signers] } ?? [:],
        ]
        title = t("Public notice — \(state.founding?.society ?? "") — \(month.label)", "\(state.founding?.society ?? "")财务公示（\(month.label)）")
        summary = [
            (t("Donations received (cash)", "爱心善款（现金）"), Format.money(cashIn)),
            (t("In-kind donations (declared value)", "爱心物资（估值）"), Format.money(inKind)),
            (t("Income raised for households (produce sales)", "助农增收（农产品助销）"), Format.money(raised)),
            (t("Grants to households", "救助金"), Format.money(granted)),
            (t("Paid out to households", "发放给农户"), Format.money(paid)),
            (t("Expenses", "支出"), Format.money(spent)),
        ]
        sections = [
            (t("Donations", "爱心善款与物资"), rows(.donation)), (t("Produce sales", "农产品助销"), rows(.sale)),
            (t("Grants", "救助金"), rows(.grant)), (t("Payouts", "发放"), rows(.payout)), (t("Expenses", "支出"), rows(.expense)),
            (t("Reversals", "冲正"), rows(.reversal)),
        ]
        fundRows = funds.keys.sorted().map { [$0, state.funds[$0]?.name ?? "", Format.money(funds[$0]!.cash), Format.money(funds[$0]!.inKind)] }
        checkpointText = point.map {
            t("Checkpoint: \($0.size) entries, signed by \(signers.joined(separator: ", ")). Fingerprint \($0.fingerprint). Root \($0.root.hex).",
                "检查点：共 \($0.size) 条，签署人：\(signers.joined(separator: "、"))。指纹 \($0.fingerprint)。根哈希 \($0.root.hex)。")
        } ?? t("No signed checkpoint yet: ask the oversight group to run `ledger audit`.", "尚无签名检查点：请运作监督组运行 `ledger audit`。")
        howTo = t("Anyone can check: every household may ask for a receipt of its entries (`ledger receipt`) and check it with `ledger verify-receipt`; the fingerprint in the receipt must equal the one above. Anyone with a copy of the ledger can run `ledger verify --checkpoint` against this checkpoint.",
            "人人可核验：每户均可索取其条目的收据（`ledger receipt`），用 `ledger verify-receipt` 核验；收据中的指纹须与上面的一致。持有账本副本者可用 `ledger verify --checkpoint` 对照本检查点核验。")
    }

    /// The notice as the body of an HTML page; `link(seq)`, when given, links each entry number.
    public func htmlBody(link: ((String) -> String?)? = nil) -> String {
        func links(_ rows: [[String]], column: Int) -> [String?] { rows.map { link?($0[column]) } }
        var body = "<h1>\(HTML.isolated(title))</h1>" + HTML.facts(summary)
        for (heading, items) in sections where !items.isEmpty {
            // The entry number is the last column; put it first when it is a link.
            let rows = link == nil ? items : items.map { [$0[2], $0[0], $0[1]] }
            let header = link == nil ? Self.itemHeader : [Self.itemHeader[2], Self.itemHeader[0], Self.itemHeader[1]]
            body += "<h2>\(HTML.escape(heading))</h2>" + HTML.table(header, rows, numeric: [link == nil ? 2 : 0], links: links(rows, column: 0))
        }
        body += "<h2>\(HTML.escape(t("Waiting for approval", "待审批事项")))</h2>"
        body += pending.isEmpty ? "<p>\(HTML.escape(t("none", "无")))</p>"
            : HTML.table(Self.pendingHeader, pending, numeric: [0], links: links(pending, column: 0))
        body += "<h2>\(HTML.escape(t("Fund balances", "基金余额")))</h2>" + HTML.table(Self.fundHeader, fundRows, numeric: [2, 3])
        body += "<h2>\(HTML.escape(t("Signed checkpoint", "签名检查点")))</h2>"
        if let point { body += "<p class=\"fingerprint\">\(HTML.escape(point.fingerprint))</p>" }
        return body + "<p>\(HTML.escape(checkpointText))</p><p class=\"hash\">\(HTML.escape(genesisText))</p>"
            + "<p class=\"note\">\(HTML.escape(howTo))</p>"
    }

    /// The notice as the terminal shows it.
    public var text: String {
        var parts = [title, Format.table([t("This month", "本月"), ""], summary.map { [$0.0, $0.1] }, rightAligned: [1])]
        for (heading, items) in sections where !items.isEmpty {
            parts.append("\n\(heading)\n" + Format.table(Self.itemHeader, items, rightAligned: [2]))
        }
        parts.append("\n" + t("Waiting for approval", "待审批事项"))
        parts.append(pending.isEmpty ? t("none", "无") : Format.table(Self.pendingHeader, pending, rightAligned: [0]))
        parts.append("\n" + t("Fund balances at the end of \(month.label)", "\(month.label) 月末基金余额"))
        parts.append(Format.table(Self.fundHeader, fundRows, rightAligned: [2, 3]))
        parts.append("\n" + checkpointText)
        parts.append(genesisText)
        parts.append(howTo)
        return parts.joined(separator: "\n")
    }

    /// The notice as a printable page, to pin on the notice board.
    public var page: String { HTML.page(title: title, body: htmlBody()) }
}
