import Foundation
import LedgerCore
import LedgerServer
import LedgerKit
import LedgerViews

/// One request's view of the ledger, and the frame every page shares.
struct WebSite {
    let ledger: any LedgerReader
    let state: LedgerState

    /// A link that keeps the reader's language.
    static func link(_ path: String) -> String { "\(path)?lang=\(Language.current.rawValue)" }

    static func seq(_ text: String) throws -> Int {
        guard let seq = Int(text), seq >= 0 else {
            throw APIError(400, APIError.Code.badRequest, en: "“\(text)” is not an entry number", zh: "“\(text)”不是条目序号")
        }
        return seq
    }

    /// A page with the site's menu and a switch to the other language. Tables scroll sideways on a narrow phone.
    static func layout(title: String, body: String, modules: [String] = []) -> String {
        let other = Language.current.isChinese ? ("en", "English") : ("zh", "中文")
        let menu = [("/", t("Overview", "概况")), ("/notice", t("Notice", "公示")), ("/pending", t("Pending", "待审批")), ("/desk", t("Desk", "工作台"))]
            .map { "<a href=\"\(link($0.0))\">\(HTML.escape($0.1))</a>" }.joined(separator: " · ")
        let nav = "<nav>\(menu) · <a href=\"?lang=\(other.0)\">\(other.1)</a></nav>"
        return HTML.page(title: title, body: nav + body, style: """
            nav { font-size: .95rem; margin-bottom: .5rem; } a { color: #1a4fa0; }
            table { display: block; overflow-x: auto; } td, th { font-size: .9rem; } td { overflow-wrap: break-word; }
            form input { font-size: 1rem; padding: .3rem; width: 8rem; } form button { font-size: 1rem; padding: .3rem .8rem; }
            #verification { border-left: 6px solid #999; background: #f6f6f6; padding: .4rem .8rem; margin: .8rem 0; }
            #verification[data-verified="true"] { border-color: #2a7a3a; background: #eef8f0; }
            #verification[data-verified="false"] { border-color: #c22; background: #fdecec; }
            #verification .outcome { font-size: 1.05rem; margin: .3rem 0; overflow-wrap: anywhere; }
            #verification pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; background: #fff; padding: .3rem; }
            #verification form input { width: 100%; max-width: 36rem; box-sizing: border-box; font-family: monospace; }
            #record label, #key form label { display: block; } #record p, #key form p { margin: .5rem 0; }
            #record input, #record select, #key form input { display: block; width: 100%; max-width: 28rem; box-sizing: border-box; font-size: 1rem; padding: .35rem; }
            #confirm { border: 2px solid #1a4fa0; background: #f2f6fc; padding: .4rem .9rem; margin: .8rem 0; }
            #confirm .what { font-size: 1.1rem; font-weight: bold; overflow-wrap: anywhere; }
            #confirm button, #record button, #pending button, #key button, #checkpoint button { font-size: 1rem; padding: .4rem 1rem; margin: .2rem .4rem .2rem 0; }
            #key pre, #confirm pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; background: #fff; padding: .3rem; }
            #pending li { margin-bottom: .8rem; } #pending input { width: 100%; max-width: 20rem; box-sizing: border-box; }
            .message:not(:empty) { color: #a11; } .message[data-code="created"], .message[data-code="opened"], .message[data-code="signed"], .message[data-code="progress"] { color: #2a7a3a; }
            #flash { border-left: 6px solid #2a7a3a; background: #eef8f0; padding: .4rem .8rem; }
            """, modules: modules)
    }

    var society: String { state.founding?.society ?? "" }

    /// The latest kept checkpoint with its signers' names.
    func signedCheckpoint() throws -> (point: CheckpointNote, signers: [String])? {
        guard let note = try ledger.latestCheckpoint(), let point = CheckpointNote(text: note.text) else { return nil }
        return (point, note.signatures.map { state.keys[$0.name]?.holder ?? $0.name })
    }

    /// `GET /`: fund balances, the latest month's figures, the signed checkpoint, and a way to a member's page.
    func overview() throws -> String {
        let board = try NoticeBoard(ledger: ledger, period: nil)
        var body = "<h1>\(HTML.isolated(society))</h1>"
        body += "<h2>\(HTML.escape(t("Fund balances", "基金余额")))</h2>"
        body += HTML.table(NoticeBoard.fundHeader, state.funds.values.sorted { $0.id < $1.id }.map {
            [$0.id, $0.name, Format.money($0.cash), Format.money($0.inKind)]
        }, numeric: [2, 3])
        body += "<h2>\(HTML.escape(t("Figures for \(board.month.label)", "\(board.month.label) 收支")))</h2>" + HTML.facts(board.summary)
        body += "<p><a href=\"\(Self.link("/notice"))\">\(HTML.escape(t("The full notice for the month", "本月完整公示")))</a> · "
            + "<a href=\"\(Self.link("/pending"))\">\(HTML.escape(t("\(state.pending.count) waiting for approval", "\(state.pending.count) 条待审批")))</a></p>"
        body += "<h2>\(HTML.escape(t("Signed checkpoint", "签名检查点")))</h2>"
        if let (point, signers) = try signedCheckpoint() {
            body += "<p class=\"fingerprint\">\(HTML.escape(point.fingerprint))</p>"
            body += "<p>\(HTML.escape(t("\(point.size) entries, signed by \(signers.joined(separator: ", ")). Compare the fingerprint with the notice board.", "共 \(point.size) 条，签署人：\(signers.joined(separator: "、"))。请与公示栏上的指纹核对。")))</p>"
        } else {
            body += "<p>\(HTML.escape(t("No signed checkpoint yet.", "尚无签名检查点。")))</p>"
        }
        body += "<h2>\(HTML.escape(t("Your household's page", "查看本户账目")))</h2>"
        body += "<form action=\"/member\" method=\"get\"><input name=\"id\" placeholder=\"H01\" aria-label=\"\(HTML.escape(t("Member id", "成员编号")))\">"
            + "<input type=\"hidden\" name=\"lang\" value=\"\(Language.current.rawValue)\"> "
            + "<button type=\"submit\">\(HTML.escape(t("Open", "查看")))</button></form>"
        body += "<p class=\"note\">\(HTML.escape(t("\(state.count) entries in the ledger. Every entry is signed by its author; anyone can check the whole ledger with `ledger mirror`.", "账本共 \(state.count) 条。每条都有录入人的签名；任何人都可用 `ledger mirror` 核验整本账。")))</p>"
        return Self.layout(title: society, body: body)
    }

    /// `GET /notice?period=YYYY-MM`: the public notice, each entry linked to its page.
    func notice(period: Period?) throws -> String {
        let board = try NoticeBoard(ledger: ledger, period: period)
        return Self.layout(title: board.title, body: board.htmlBody { Self.link("/entries/\($0)") })
    }

    /// `GET /pending`: entries waiting for approval and who may still approve them.
    func pending() -> String {
        let items = state.pending.values.sorted { $0.seq < $1.seq }
        let rows = items.map { item -> [String] in
            let approvers = state.possibleApprovers(of: item).map(\.holder)
            return ["\(item.seq)", Format.kindName(item.kind), Describe.payload(state.payload(of: item), state: state),
                    state.keys[item.author]?.holder ?? item.author, "\(item.approvals.count)",
                    approvers.isEmpty ? t("nobody (reject it)", "无人可审批（请驳回）") : approvers.joined(separator: ", ")]
        }
        let title = t("Waiting for approval", "待审批事项")
        let table = rows.isEmpty ? "<p>\(HTML.escape(t("Nothing is waiting for approval.", "没有待审批的条目。")))</p>"
            : HTML.table([t("Entry", "条目"), t("Kind", "类型"), t("What", "内容"), t("Recorded by", "录入人"), t("Approvals", "已审批"),
                          t("May approve", "可审批人")], rows, numeric: [0, 4], links: items.map { Self.link("/entries/\($0.seq)") })
        return Self.layout(title: title, body: "<h1>\(HTML.isolated(title))</h1>" + table)
    }
}
