import Foundation
import LedgerCore
import LedgerKit

/// The printed forms of a ``PeriodReport``: a terminal table, JSON (amounts in fen), and a printable page.
public enum ReportView {
    public static func title(_ state: LedgerState, label: String) -> String {
        let society = state.founding?.society ?? ""
        return t("\(society) — report for \(label)", "\(society)工作报告（\(label)）")
    }

    /// Label/count/amount rows of the summary.
    public static func summary(_ report: PeriodReport) -> [[String]] {
        [
            [t("Donations (cash)", "爱心善款（现金）"), "\(report.donations.count)", Format.money(report.donations.amount)],
            [t("In-kind donations (declared value)", "爱心物资（估值）"), "\(report.inKind.count)", Format.money(report.inKind.amount)],
            [t("Donors", "捐赠方"), "\(report.donors)", ""],
            [t("Produce sales", "农产品助销"), "\(report.sales.count)", Format.money(report.sales.amount)],
            [t("  less the society's fees", "  减：服务费"), "", Format.money(-report.fees)],
            [t("Income raised for households", "助农增收"), "", Format.money(report.incomeRaised)],
            [t("Grants", "救助金"), "\(report.grants.count)", Format.money(report.grants.amount)],
            [t("  households granted", "  受助农户"), "\(report.grantHouseholds)", ""],
            [t("Paid out to households", "发放给农户"), "\(report.payouts.count)", Format.money(report.payouts.amount)],
            [t("Expenses", "支出"), "\(report.expenses.count)", Format.money(report.expenses.amount)],
            [t("Households helped (sales or grants)", "服务农户（助销或救助）"), "\(report.householdsHelped)", ""],
        ]
    }

    public static var summaryHeader: [String] { [t("This period", "本期"), t("Count", "笔数"), t("Amount", "金额")] }

    public static var produceHeader: [String] {
        [t("Product", "产品"), t("Unit", "单位"), t("Sales", "笔数"), t("Quantity", "数量"), t("Amount", "销售额"), t("To households", "农户所得")]
    }

    public static func produceRows(_ report: PeriodReport) -> [[String]] {
        report.produce.map {
            [$0.product, $0.unit, "\($0.sales)", $0.quantity.description, Format.money($0.amount), Format.money($0.proceeds)]
        }
    }

    public static var monthHeader: [String] {
        [t("Month", "月份"), t("Donations", "爱心善款"), t("In kind", "物资估值"), t("Income raised", "助农增收"), t("Grants", "救助金"),
         t("Paid out", "发放"), t("Expenses", "支出")]
    }

    public static func monthRows(_ report: PeriodReport) -> [[String]] {
        report.months.map {
            [$0.label, Format.money($0.donations.amount), Format.money($0.inKind.amount), Format.money($0.incomeRaised),
             Format.money($0.grants.amount), Format.money($0.payouts.amount), Format.money($0.expenses.amount)]
        }
    }

    public static var fundHeader: [String] {
        [t("Fund", "基金"), t("Name", "名称"), t("Cash at start", "期初现金"), t("Cash at end", "期末现金"),
         t("In kind at start", "期初物资"), t("In kind at end", "期末物资")]
    }

    public static func fundRows(_ report: PeriodReport) -> [[String]] {
        report.funds.map {
            [$0.id, $0.name, Format.money($0.cashAtStart), Format.money($0.cashAtEnd), Format.money($0.inKindAtStart),
             Format.money($0.inKindAtEnd)]
        }
    }

    /// Money held for households at both ends (it belongs to them, not to any fund).
    public static func heldLine(_ report: PeriodReport) -> String {
        t("Held for households: \(Format.money(report.heldForMembersAtStart)) at the start, \(Format.money(report.heldForMembersAtEnd)) at the end.",
            "代农户保管：期初 \(Format.money(report.heldForMembersAtStart))，期末 \(Format.money(report.heldForMembersAtEnd))。")
    }

    public static var rejectedHeader: [String] { [t("Entry", "条目"), t("Kind", "类型"), t("What", "内容"), t("Reason", "驳回理由")] }

    public static func rejectedRows(_ report: PeriodReport, state: LedgerState) -> [[String]] {
        report.rejected.map { ["\($0.seq)", Format.kindName($0.kind), Describe.payload($0.payload, state: state), $0.reason ?? ""] }
    }

    public static var pendingHeader: [String] { [t("Entry", "条目"), t("Kind", "类型"), t("What", "内容"), t("Recorded", "录入时间")] }

    public static func pendingRows(_ report: PeriodReport, state: LedgerState) -> [[String]] {
        report.pending.map { ["\($0.seq)", Format.kindName($0.kind), Describe.payload($0.payload, state: state), Format.localTime($0.time)] }
    }

    public static func text(_ report: PeriodReport, state: LedgerState, label: String) -> String {
        var out = [title(state, label: label), Format.table(summaryHeader, summary(report), rightAligned: [1, 2])]
        if !report.produce.isEmpty {
            out += ["", t("Produce sold", "农产品助销明细"), Format.table(produceHeader, produceRows(report), rightAligned: [2, 3, 4, 5])]
        }
        out += ["", t("Month by month", "按月"), Format.table(monthHeader, monthRows(report), rightAligned: [1, 2, 3, 4, 5, 6])]
        out += ["", t("Funds", "基金"), Format.table(fundHeader, fundRows(report), rightAligned: [2, 3, 4, 5]), heldLine(report)]
        out += ["", t("Rejected in this period", "本期驳回")]
        out.append(report.rejected.isEmpty ? t("none", "无") : Format.table(rejectedHeader, rejectedRows(report, state: state), rightAligned: [0]))
        out += ["", t("Waiting for approval at the end of the period", "期末待审批")]
        out.append(report.pending.isEmpty ? t("none", "无") : Format.table(pendingHeader, pendingRows(report, state: state), rightAligned: [0]))
        return out.joined(separator: "\n")
    }

    public static func json(_ report: PeriodReport, state: LedgerState, label: String) -> [String: Any] {
        func tally(_ tally: PeriodReport.Tally) -> [String: Any] { ["count": tally.count, "amount": tally.amount] }
        return [
            "society": state.founding?.society ?? "", "period": label,
            "start": report.start.map { $0.description } ?? NSNull(), "end": report.end.map { $0.description } ?? NSNull(),
            "donations": ["count": report.donations.count, "cash": report.donations.amount, "in_kind_count": report.inKind.count,
                          "in_kind": report.inKind.amount, "donors": report.donors],
            "sales": ["count": report.sales.count, "amount": report.sales.amount, "fees": report.fees],
            "income_raised": report.incomeRaised,
            "grants": ["count": report.grants.count, "amount": report.grants.amount, "households": report.grantHouseholds],
            "payouts": tally(report.payouts), "expenses": tally(report.expenses), "households_helped": report.householdsHelped,
            "produce": report.produce.map {
                ["product": $0.product, "unit": $0.unit, "sales": $0.sales, "quantity": $0.quantity.description, "amount": $0.amount,
                 "proceeds": $0.proceeds]
            },
            "funds": report.funds.map {
                ["id": $0.id, "name": $0.name, "cash_start": $0.cashAtStart, "cash_end": $0.cashAtEnd, "in_kind_start": $0.inKindAtStart,
                 "in_kind_end": $0.inKindAtEnd]
            },
            "held_for_members": ["start": report.heldForMembersAtStart, "end": report.heldForMembersAtEnd],
            "rejected": report.rejected.map {
                ["seq": $0.seq, "kind": $0.kind.rawValue, "rejected_by": $0.rejectedBy ?? -1, "reason": $0.reason ?? "",
                 "summary": Describe.payload($0.payload, state: state)]
            },
            "pending": report.pending.map { ["seq": $0.seq, "kind": $0.kind.rawValue, "summary": Describe.payload($0.payload, state: state)] },
            "months": report.months.map {
                ["month": $0.label, "donations": tally($0.donations), "in_kind": tally($0.inKind), "sales": tally($0.sales),
                 "income_raised": $0.incomeRaised, "grants": tally($0.grants), "payouts": tally($0.payouts), "expenses": tally($0.expenses)]
            },
        ]
    }

    /// The label under a month's bar: `3月` / `Mar` within one year, `25-11` when the period spans years.
    public static func barLabel(_ month: String, oneYear: Bool) -> String {
        let number = Int(month.suffix(2)) ?? 0
        guard oneYear else { return String(month.dropFirst(2)) }
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return t(english[max(0, min(11, number - 1))], "\(number)月")
    }

    public static func html(_ report: PeriodReport, state: LedgerState, label: String, entries: Int, head: EntryHash) -> String {
        let title = title(state, label: label)
        let oneYear = Set(report.months.map { $0.label.prefix(4) }).count <= 1
        let income = BarChart(
            title: t("Income raised for households, by month", "每月助农增收"),
            series: [.init(name: t("Income raised", "助农增收"), color: "#2e7d32")],
            bars: report.months.map { (barLabel($0.label, oneYear: oneYear), [$0.incomeRaised]) })
        let donations = BarChart(
            title: t("Donations, by month", "每月爱心捐赠"),
            series: [.init(name: t("Cash", "善款"), color: "#c62828"), .init(name: t("In kind (declared value)", "物资（估值）"), color: "#f9a825")],
            bars: report.months.map { (barLabel($0.label, oneYear: oneYear), [$0.donations.amount, $0.inKind.amount]) })
        let cards: [(label: String, value: String, note: String)] = [
            (t("Income raised for households", "助农增收"), Format.money(report.incomeRaised), wan(report.incomeRaised)),
            (t("Households helped", "服务农户"), t("\(report.householdsHelped)", "\(report.householdsHelped) 户"),
             t("with sales or grants", "助销或救助")),
            (t("Donations received", "爱心善款"), Format.money(report.donations.amount),
             wan(report.donations.amount) ?? t("from \(report.donors) donors", "来自 \(report.donors) 位捐赠方")),
            (t("Grants to households", "救助金"), Format.money(report.grants.amount),
             wan(report.grants.amount) ?? t("\(report.grants.count) grants", "共 \(report.grants.count) 笔")),
        ].map { ($0.0, $0.1, $0.2 ?? "") }
        var body = "<h1>\(HTML.isolated(title))</h1>"
        body += "<div class=\"cards\">" + cards.map {
            "<div class=\"card\"><div class=\"card-label\">\(HTML.escape($0.label))</div><div class=\"card-value\">\(HTML.escape($0.value))</div>"
                + "<div class=\"card-note\">\(HTML.escape($0.note))</div></div>"
        }.joined() + "</div>"
        body += "<div class=\"charts\">" + income.svg() + donations.svg() + "</div>"
        body += "<h2>\(HTML.escape(t("Summary", "汇总")))</h2>" + HTML.table(summaryHeader, summary(report), numeric: [1, 2])
        if !report.produce.isEmpty {
            body += "<h2>\(HTML.escape(t("Produce sold", "农产品助销明细")))</h2>" + HTML.table(produceHeader, produceRows(report), numeric: [2, 3, 4, 5])
        }
        body += "<h2>\(HTML.escape(t("Month by month", "按月")))</h2>" + HTML.table(monthHeader, monthRows(report), numeric: [1, 2, 3, 4, 5, 6])
        body += "<h2>\(HTML.escape(t("Funds", "基金")))</h2>" + HTML.table(fundHeader, fundRows(report), numeric: [2, 3, 4, 5])
            + "<p>\(HTML.escape(heldLine(report)))</p>"
        body += "<h2>\(HTML.escape(t("Rejected in this period", "本期驳回")))</h2>"
        body += report.rejected.isEmpty ? "<p>\(HTML.escape(t("none", "无")))</p>"
            : HTML.table(rejectedHeader, rejectedRows(report, state: state), numeric: [0])
        body += "<h2>\(HTML.escape(t("Waiting for approval at the end of the period", "期末待审批")))</h2>"
        body += report.pending.isEmpty ? "<p>\(HTML.escape(t("none", "无")))</p>"
            : HTML.table(pendingHeader, pendingRows(report, state: state), numeric: [0])
        let note = t(
            "Made from a ledger of \(entries) entries (head \(head.hex)). Amounts count when they took effect; a reversal counts against what it reverses. Anyone with a copy can check the figures with `ledger verify` and `ledger report`.",
            "根据共 \(entries) 条的账本生成（最新哈希 \(head.hex)）。金额按生效时间计入，冲正从被冲正的项目中扣除。持有账本副本者可用 `ledger verify` 和 `ledger report` 核对。")
        body += "<p class=\"note\">\(HTML.escape(note))</p>"
        return HTML.page(title: title, body: body, style: style)
    }

    /// `约 94.2 万元` for a large amount, as the society's own reports put it; `nil` in English or below ¥10,000.
    public static func wan(_ fen: Fen) -> String? {
        guard Language.current.isChinese, fen.magnitude >= 1_000_000 else { return nil }
        let tenths = (fen.magnitude + 50_000) / 100_000
        return "约 \(fen < 0 ? "-" : "")\(tenths / 10).\(tenths % 10) 万元"
    }

    public static let style = """
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 1rem 0; }
        .card { border: 1px solid #d8cfc0; border-top: 4px solid #b22; padding: .5rem .6rem; background: #fbf8f3; }
        .card-label { font-size: .8rem; color: #555; }
        .card-value { font-size: 1.2rem; font-weight: bold; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .card-note { font-size: .8rem; color: #555; min-height: 1.2em; }
        .charts svg { display: block; margin: .5rem 0 1rem; break-inside: avoid; }
        .chart-title { font-size: 14px; font-weight: bold; fill: #222; }
        .chart-legend, .chart-label { font-size: 11px; fill: #444; }
        .chart-value { font-size: 10px; fill: #222; }
        table { break-inside: auto; } tr { break-inside: avoid; }
        @page { size: A4; margin: 12mm; }
        """
}
