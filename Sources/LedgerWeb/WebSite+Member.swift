import Foundation
import LedgerCore
import LedgerServer
import LedgerKit
import LedgerViews

extension WebSite {
    /// `GET /members/{id}`: the balance, what made it, and every movement with a link to its entry and receipt.
    ///
    /// `typed` may be the id in another case or with other leading zeros (`h01`, `H001`), or the household's name,
    /// when that names one household (``MemberName``): the page is that household's.
    func member(_ typed: String) throws -> String {
        let id = (try? MemberName.resolve(typed, in: state)) ?? typed
        guard let record = state.members[id] else {
            throw APIError(404, APIError.Code.notFound, en: "there is no member \(typed): no household has that id or name",
                zh: "没有编号为 \(typed) 的成员，也没有叫这个名字的农户")
        }
        let figures = MemberFigures(record: record, entries: try ledger.entries(of: id), state: state)
        let title = t("Statement for \(record.name) (\(id))", "\(record.name)（\(id)）对账单")
        var body = "<h1>\(HTML.isolated(title))</h1><p>\(HTML.isolated(society))\(record.closed ? HTML.escape(t(" — closed", "——已关闭")) : "")</p>"
        body += Self.verificationBox(member: id)
        body += "<div id=\"figures\">" + HTML.facts([
            (t("Balance held", "代管余额"), Format.money(record.balance)),
            (t("Produce sales", "农产品销售额"), Format.money(figures.sales)), (t("  less fees", "  减：服务费"), Format.money(-figures.fees)),
            (t("Grants", "救助金"), Format.money(figures.grants)), (t("Paid out", "已发放"), Format.money(-figures.payouts)),
        ]) + "</div>"
        // The day alone: on a phone the time would squeeze the description; the entry's page has it.
        let rows = figures.lines.reversed().map {
            ["\($0.seq)", String(Format.localTime($0.time).prefix(10)), Describe.payload($0.payload, state: state), Format.money($0.delta), Format.money($0.balance)]
        }
        body += "<h2>\(HTML.escape(t("Movements, newest first", "收支明细（最新在前）")))</h2>"
        body += rows.isEmpty ? "<p>\(HTML.escape(t("No money has moved yet.", "尚无收支。")))</p>"
            : "<div id=\"movements\">" + HTML.table([t("Entry", "条目"), t("Date", "日期"), t("What", "内容"), t("Amount", "金额"),
                t("Balance", "余额")], rows, numeric: [0, 1, 3, 4], links: figures.lines.reversed().map { Self.link("/entries/\($0.seq)") }) + "</div>"
        let waiting = state.pending.values.filter { state.payload(of: $0)?.member == id }.sorted { $0.seq < $1.seq }
        if !waiting.isEmpty {
            body += "<h2>\(HTML.escape(t("Waiting for approval", "待审批事项")))</h2>"
            body += "<div id=\"waiting\">" + HTML.table([t("Entry", "条目"), t("What", "内容")],
                waiting.map { ["\($0.seq)", Describe.payload(state.payload(of: $0), state: state)] },
                numeric: [0], links: waiting.map { Self.link("/entries/\($0.seq)") }) + "</div>"
        }
        if let (point, _) = try signedCheckpoint() {
            let covered = (figures.lines.last?.seq ?? -1) < point.size
            body += "<p class=\"note\">" + HTML.escape(covered
                ? t("The signed checkpoint of \(point.size) entries covers this statement; fingerprint \(point.fingerprint).",
                    "本对账单由 \(point.size) 条的签名检查点覆盖；指纹 \(point.fingerprint)。")
                : t("The latest entries are newer than the signed checkpoint (\(point.size) entries); they will be covered by the next one.",
                    "最新条目晚于签名检查点（\(point.size) 条），将由下一个检查点覆盖。")) + "</p>"
        }
        body += "<p class=\"note\">\(HTML.escape(t("Each entry number opens the entry with its proof and receipt.", "点击条目序号可查看该条目及其证明和收据。")))</p>"
        return Self.layout(title: title, body: body, modules: ["/assets/member.js"])
    }

    /// Where the page's script says whether this browser could check what the page shows: `data-verified` is
    /// `pending` until it has run, then `true`, or `false` with `data-reason` (docs/BROWSER.md).
    static func verificationBox(member: MemberID) -> String {
        let label = t("Genesis hash from the printed notice", "公示上印的创始哈希")
        return """
            <section id="verification" data-verified="pending" data-member="\(HTML.escape(member))">\
            <p class="outcome">\(HTML.escape(t("Checking this page in your browser…", "正在本浏览器中核验本页…")))</p>\
            <noscript><p>\(HTML.escape(t("Turn on JavaScript to check this page against the signed checkpoint.", "开启 JavaScript 后可对照签名检查点核验本页。")))</p></noscript>\
            <form hidden><label>\(HTML.escape(label)) <input name="genesis" autocomplete="off" spellcheck="false" \
            placeholder="0123…cdef"></label> <button type="submit">\(HTML.escape(t("Check against it", "据此核验")))</button> \
            <span class="message"></span></form></section>
            """
    }
}
