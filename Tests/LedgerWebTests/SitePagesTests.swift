import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LedgerCore
import LedgerServer
import LedgerTesting
import LedgerWeb
import Testing

/// The member pages `ledger serve` shows, through the very application it runs (``LedgerSite``), driven by
/// Hummingbird's router test client: no port, no process, the same responder.
@Suite struct SitePagesTests {
    /// The site of ``StoredLedger/society(path:)``, with its clock a minute after the last entry.
    static func site() throws -> (StoredLedger, some ApplicationProtocol) {
        let ledger = try StoredLedger.society()
        let now = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 60)
        let api = LedgerSite.api(ledger: ledger.store, limits: ServerLimits(requestsPerSecond: 0), clock: { now })
        return (ledger, LedgerSite.buildApplication(api: api, host: "127.0.0.1", port: 0))
    }

    /// Fetches `uri` and returns the status, content type and body text.
    static func fetch(_ client: some TestClientProtocol, _ uri: String, language: String? = nil) async throws
        -> (status: Int, type: String, body: String)
    {
        var headers = HTTPFields()
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (Int(response.status.code), response.headers[.contentType] ?? "", String(buffer: response.body))
        }
    }

    /// The `<script` tags of `html`: the site's own modules only, never an inline script.
    static func scripts(_ html: String) -> [String] {
        html.components(separatedBy: "<script").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test func everyPageLoadsInBothLanguagesWithoutInlineScriptsOrPrivateText() async throws {
        let (_, app) = try Self.site()
        try await app.test(.router) { client in
            for path in ["/", "/notice", "/pending", "/members/H001", "/members/H002", "/entries/5", "/entries/1", "/desk"] {
                let english = try await Self.fetch(client, path)
                #expect(english.status == 200, "\(path)")
                #expect(english.type.hasPrefix("text/html"), "\(path): \(english.type)")
                // Only a member's page and the desk run a script: the site's module for it, from this site.
                let wanted = path.hasPrefix("/members/") ? [#" type="module" src="/assets/member.js""#]
                    : path == "/desk" ? [#" type="module" src="/assets/desk.js""#] : []
                #expect(Self.scripts(english.body) == wanted, "\(path)")
                #expect(english.body.contains("</script>") == !wanted.isEmpty && !english.body.contains("<script>"), "\(path)")
                for secret in ["private note", "private memo", "grant memo"] {
                    #expect(!english.body.contains(secret), "\(path) shows \(secret)")
                }
                let chinese = try await Self.fetch(client, path + "?lang=zh")
                #expect(chinese.status == 200, "\(path)")
                #expect(chinese.body.contains("lang=\"zh-Hans\""), "\(path)")
                #expect(chinese.body != english.body, "\(path) is the same in both languages")
            }
        }
    }

    @Test func theModulesAreServedFromTheBinaryWithTheirTypeAndRevalidated() async throws {
        let (_, app) = try Self.site()
        try await app.test(.router) { client in
            for name in ["canonical.js", "merkle.js", "note.js", "pins.js", "member.js", "pem.js", "keyring.js", "chain.js", "api.js", "forms.js", "words.js", "desk.js"] {
                let (status, type, etag, policy, body) = try await client.execute(uri: "/assets/\(name)", method: .get) { response in
                    (Int(response.status.code), response.headers[.contentType] ?? "", response.headers[.eTag] ?? "",
                     response.headers[.contentSecurityPolicy] ?? "", String(buffer: response.body))
                }
                #expect(status == 200 && type == "text/javascript; charset=utf-8", "\(name): \(status) \(type)")
                #expect(body.contains("export") || body.contains("import"), "\(name) is not the module")
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"), "\(name): \(policy)")
                var revalidate = HTTPFields()
                revalidate[.ifNoneMatch] = etag
                let again = try await client.execute(uri: "/assets/\(name)", method: .get, headers: revalidate) { response in
                    (Int(response.status.code), response.body.readableBytes)
                }
                #expect(etag.count == 34 && again == (304, 0), "\(name): \(etag) \(again)")
            }
            let missing = try await Self.fetch(client, "/assets/other.js")
            #expect(missing.status == 404)
        }
    }

    @Test func theLanguageFollowsEachRequestNotTheFirstOne() async throws {
        let (_, app) = try Self.site()
        try await app.test(.router) { client in
            let first = try await Self.fetch(client, "/", language: "zh-CN,zh;q=0.9")
            #expect(first.body.contains("基金余额"))
            let second = try await Self.fetch(client, "/", language: "en-US")
            #expect(second.body.contains("Fund balances") && !second.body.contains("基金余额"))
            let third = try await Self.fetch(client, "/notice?lang=zh")
            #expect(third.body.contains("待审批事项"))
        }
    }

    @Test func theMemberPageShowsTheBalanceAndLinksEachEntry() async throws {
        let (ledger, app) = try Self.site()
        let balance = try #require(try ledger.store.member("H001")?.balance)
        try await app.test(.router) { client in
            let page = try await Self.fetch(client, "/members/H001")
            #expect(page.body.contains(Yuan.format(balance)))
            #expect(page.body.contains("/entries/4"))
            let lookup = try await Self.fetch(client, "/member?id=H001")
            #expect(lookup.status == 200 && lookup.body.contains("黄大伯"))
            // What people type finds the household: another case, other zeros, the name (in the address, encoded).
            for typed in ["/members/h001", "/members/H1", "/member?id=%E9%BB%84%E5%A4%A7%E4%BC%AF", "/members/%E9%BB%84%E5%A4%A7%E4%BC%AF"] {
                let page = try await Self.fetch(client, typed)
                #expect(page.status == 200 && page.body.contains("data-member=\"H001\""), "\(typed)")
            }
            #expect(try await Self.fetch(client, "/members/H404").status == 404)
        }
    }

    @Test func aBadLinkGetsAPageInTheReadersLanguageAndNothingChanges() async throws {
        let (ledger, app) = try Self.site()
        let before = try ledger.store.count()
        try await app.test(.router) { client in
            let missing = try await Self.fetch(client, "/members/H999?lang=zh")
            #expect(missing.status == 404)
            #expect(missing.type.hasPrefix("text/html") && missing.body.contains("H999"))
            let badEntry = try await Self.fetch(client, "/entries/abc")
            #expect(badEntry.status == 400)
            let nowhere = try await Self.fetch(client, "/nowhere")
            #expect(nowhere.status == 404)
            let post = try await client.execute(uri: "/", method: .post) { Int($0.status.code) }
            #expect(post == 405)
        }
        #expect(try ledger.store.count() == before)
    }

    @Test func theEntryPageOffersItsReceiptOnceACheckpointCoversIt() async throws {
        var (ledger, _) = try Self.site()
        let state = try ledger.store.state()
        let root = try ledger.store.merkleRoot(size: state.count)
        try ledger.append(.checkpoint(Checkpoint(size: state.count, root: root)), by: TestKeys.oversight2)
        var note = SignedNote(text: CheckpointNote(ledgerID: state.founding!.ledgerID, size: state.count, root: root).text)
        try note.sign(with: NoteSigner(name: TestKeys.id(TestKeys.oversight2), key: TestKeys.oversight2))
        try ledger.store.saveCheckpointNote(note, size: state.count)
        let fingerprint = try #require(CheckpointNote(text: note.text)).fingerprint
        let now = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 60)
        let app = LedgerSite.buildApplication(
            api: LedgerSite.api(ledger: ledger.store, limits: ServerLimits(requestsPerSecond: 0), clock: { now }), host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            let receipt = try await Self.fetch(client, "/entries/5/receipt.json")
            #expect(receipt.status == 200 && receipt.type.hasPrefix("application/json"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(receipt.body.utf8)) as? [String: Any])
            #expect(object["checkpoint"] as? String != nil, "\(object.keys)")
            let page = try await Self.fetch(client, "/entries/5")
            #expect(page.body.contains(fingerprint))
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let (_, app) = try Self.site()
        try await app.test(.router) { client in
            for uri in ["/", "/members/H001", "/members/H999", "/api/v1/head", "/api/v1/entries/99", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), "\(uri): \(policy)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/entries", method: .post, body: ByteBuffer(string: "{")) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    /// An entry format v1 allowed, holding a right-to-left override: every page shows it isolated in `<bdi>`, so it
    /// cannot turn the amount beside it around.
    @Test func ledgerTextIsIsolatedSoItCannotReorderTheAmountBesideIt() async throws {
        let ledger = try StoredLedger.society()
        var chain = HandSignedChain(lines: ledger.fixture.bytes, time: ledger.now)
        try chain.append(.donation(Donation(donor: "\u{202E}业企心爱", amount: 12_300)), by: TestKeys.committee2)
        try ledger.store.append(try Entry(bytes: try #require(chain.lines.last)), now: ledger.now)
        let now = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 3_600)
        let app = LedgerSite.buildApplication(
            api: LedgerSite.api(ledger: ledger.store, limits: ServerLimits(requestsPerSecond: 0), clock: { now }), host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            for path in ["/entries/8", "/notice", "/"] {
                let page = try await Self.fetch(client, path)
                #expect(page.status == 200)
                if page.body.contains("\u{202E}") {
                    #expect(page.body.contains("<bdi>\u{202E}"), "\(path) shows the override outside <bdi>")
                }
            }
            let entry = try await Self.fetch(client, "/entries/8")
            #expect(entry.body.contains("<bdi>\u{202E}"))
        }
        _ = ledger
    }
}
