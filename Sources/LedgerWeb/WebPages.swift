import Foundation
import LedgerCore
import LedgerServer
import LedgerKit
import LedgerViews

/// The pages `ledger serve` shows to members: the same words, tables and receipts the command line prints,
/// in the reader's language, readable on a phone, with no scripts.
///
/// Pages show what the notice board shows: names, amounts and purposes. Memos and members' private notes are
/// never on them.
public struct WebPages: PageRenderer {
    public init() {}

    public func page(_ path: [String], query: [String: String], language: Language, ledger: any LedgerReader) throws
        -> RenderedPage?
    {
        try Language.$current.withValue(language) {
            let site = WebSite(ledger: ledger, state: try ledger.state())
            switch path.count {
            case 0: return RenderedPage(html: try site.overview())
            case 1 where path[0] == "pending": return RenderedPage(html: site.pending())
            case 1 where path[0] == "desk": return RenderedPage(html: site.desk())
            case 1 where path[0] == "notice":
                return RenderedPage(html: try site.notice(period: try query["period"].map { text in
                    guard let period = Period(parsing: text) else {
                        throw APIError(400, APIError.Code.badRequest, en: "period=\(text) is not a month YYYY-MM", zh: "period=\(text) 不是 YYYY-MM 格式的月份")
                    }
                    return period
                }))
            case 1 where path[0] == "member":
                return RenderedPage(html: try site.member(query["id"]?.trimmingCharacters(in: .whitespaces) ?? ""))
            case 2 where path[0] == "members": return RenderedPage(html: try site.member(path[1].removingPercentEncoding ?? path[1]))
            case 2 where path[0] == "entries": return RenderedPage(html: try site.entry(try WebSite.seq(path[1])))
            case 3 where path[0] == "entries" && path[2] == "receipt.json":
                return RenderedPage(json: Array(try site.receipt(try WebSite.seq(path[1]))))
            default: return nil
            }
        }
    }

    public func errorPage(status: Int, message: String, language: Language) -> String {
        Language.$current.withValue(language) {
            WebSite.layout(title: "\(status)", body: "<h1>\(status)</h1><p>\(HTML.escape(message))</p>")
        }
    }
}
