import Foundation
import HummingbirdTesting
import LedgerCore
import LedgerServer
import LedgerTesting
import LedgerWeb
import Testing

/// The desk's forms are what `/assets/desk.js` turns into entries: one per kind, its inputs named after exactly the
/// `data` fields of docs/FORMAT.md section 6, so a field renamed or forgotten in the page fails here.
@Suite struct DeskPageTests {
    /// The names of the inputs and selects of each `<form class="entry" data-kind=…>`, memo aside.
    static func forms(_ html: String) -> [String: Set<String>] {
        var forms: [String: Set<String>] = [:]
        for chunk in html.components(separatedBy: "<form class=\"entry\" data-kind=\"").dropFirst() {
            let kind = String(chunk.prefix { $0 != "\"" })
            let form = chunk.components(separatedBy: "</form>")[0]
            let names = form.components(separatedBy: " name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            forms[kind] = Set(names).subtracting(["memo"])
        }
        return forms
    }

    @Test func eachKindHasAFormWithExactlyItsDataFields() async throws {
        let (_, app) = try SitePagesTests.site()
        try await app.test(.router) { client in
            let page = try await SitePagesTests.fetch(client, "/desk")
            #expect(page.status == 200)
            let forms = Self.forms(page.body)
            #expect(forms == [
                "donation": ["donor", "amount", "fund", "form", "item", "quantity", "unit", "receipt"],
                "sale": ["member", "product", "quantity", "unit", "amount", "buyer", "fee", "fund"],
                "grant": ["member", "amount", "fund", "purpose"],
                "payout": ["member", "amount", "method"],
                "expense": ["fund", "amount", "payee", "purpose"],
                "reversal": ["target", "reason"],
                // desk.js nests these into the key object and computes its id from `pub`.
                "key.add": ["holder", "role", "pub"],
            ])
            #expect(page.body.components(separatedBy: "name=\"memo\"").count - 1 == forms.count, "every form takes a memo")
        }
    }

    @Test func theListsOfferOpenMembersAndFundsAndThePendingEntries() async throws {
        let (ledger, app) = try SitePagesTests.site()
        let pending = try ledger.store.state().pending.keys.sorted()
        try await app.test(.router) { client in
            let english = try await SitePagesTests.fetch(client, "/desk")
            #expect(english.body.contains("<option value=\"H001\">黄大伯 (H001)</option>"))
            #expect(english.body.contains("<option value=\"general\">"))
            #expect(english.body.contains("<option value=\"in_kind\">goods (in kind)</option>"))
            #expect(!pending.isEmpty)
            for seq in pending { #expect(english.body.contains("<li data-seq=\"\(seq)\""), "pending \(seq)") }
            let chinese = try await SitePagesTests.fetch(client, "/desk?lang=zh")
            #expect(chinese.body.contains("<option value=\"H001\">黄大伯（H001）</option>"))
            #expect(chinese.body.contains("工作台"))
        }
    }

    /// Names are anyone's input: on the desk they are text in the lists and the pending items, never markup.
    @Test func hostileNamesAreInertInTheListsAndThePendingItems() async throws {
        var ledger = try StoredLedger.society()
        let hostile = "<img src=x onerror=alert(1)>"
        try ledger.append(.memberAdd(MemberAdd(member: "H009", name: hostile)), by: TestKeys.committee1)
        let grant = try ledger.append(.grant(Grant(member: "H009", amount: 10_000, purpose: "<script>alert(2)</script>")), by: TestKeys.committee1)
        let now = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 60)
        let app = LedgerSite.buildApplication(
            api: LedgerSite.api(ledger: ledger.store, limits: ServerLimits(requestsPerSecond: 0), clock: { now }), host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            let page = try await SitePagesTests.fetch(client, "/desk")
            #expect(page.status == 200)
            #expect(!page.body.contains("<img") && !page.body.contains("<script>alert"))
            #expect(page.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(page.body.contains("<li data-seq=\"\(grant.seq)\"") && page.body.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        }
    }
}
