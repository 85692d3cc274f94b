import Foundation
import LedgerCore
import LedgerTesting
import Testing

/// The pages `ledger serve` shows, fetched over HTTP from the real binary.
///
/// Pages are fetched with `curl` in a process of its own, as a phone's browser would: nothing of the test
/// process's own networking stands between the server and the page.
@Suite(.serialized) struct WebPageTests {
    private func fetch(_ url: String) async throws -> (status: Int, type: String, body: String) {
        let folder = FileManager.default.temporaryDirectory
        let file = folder.appendingPathComponent("page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let curl = try await Child.run("/usr/bin/curl", ["-s", "-o", file.path, "-w", "%{http_code} %{content_type}", url],
            environment: ProcessInfo.processInfo.environment, folder: folder)
        let written = curl.stdout.split(separator: " ", maxSplits: 1)
        let status = Int(written.first ?? "") ?? 0
        return (status, written.count > 1 ? String(written[1]) : "", String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self))
    }

    @Test func everyPageLoadsInBothLanguagesAndKeepsMemosOff() async throws {
        let site = try Site()
        try site.found("society.db")
        try site.append(["member", "update", "H001", "--note", "SECRET-NOTE", "--ledger", "society.db"], key: "c1")
        let grant = try site.append(["record", "grant", "--member", "H001", "--amount", "120", "--purpose", "助学",
            "--memo", "SECRET-MEMO", "--ledger", "society.db"], key: "c1")
        try site.append(["approve", "\(grant)", "--ledger", "society.db"], key: "o1")
        #expect(try site.run(["checkpoint", "--ledger", "society.db"], key: "o2").status == 0)
        let server = try site.serve("society.db")
        defer { server.stop() }

        let overview = try await fetch(server.url + "/")
        #expect(overview.status == 200 && overview.type.hasPrefix("text/html"))
        #expect(overview.body.contains("测试互助社") && overview.body.contains("Fund balances"))
        let fingerprint = try #require(overview.body.range(of: #"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"#, options: .regularExpression))
        #expect(!overview.body.contains("<script"))
        let chinese = try await fetch(server.url + "/?lang=zh")
        #expect(chinese.body.contains("基金余额") && chinese.body.contains(String(overview.body[fingerprint])))

        let member = try await fetch(server.url + "/members/H001")
        #expect(member.status == 200)
        #expect(member.body.contains("黄大伯") && member.body.contains("¥120.00"))
        #expect(member.body.contains("href=\"/entries/\(grant)?lang=en\""))
        let lookup = try await fetch(server.url + "/member?id=H001&lang=zh")
        #expect(lookup.body.contains("对账单"))

        let entry = try await fetch(server.url + "/entries/\(grant)")
        #expect(entry.status == 200)
        #expect(entry.body.contains("Approved by") && entry.body.contains("张"))
        #expect(entry.body.contains("✔ These"))
        let receipt = try await fetch(server.url + "/entries/\(grant)/receipt.json")
        #expect(receipt.type.hasPrefix("application/json") && receipt.body.contains("mutual-aid-ledger-receipt/v1"))

        #expect(try await fetch(server.url + "/pending").body.contains("Nothing is waiting"))
        #expect(try await fetch(server.url + "/notice").body.contains("Public notice"))
        for page in [overview, chinese, member, lookup, entry] {
            #expect(!page.body.contains("SECRET-MEMO") && !page.body.contains("SECRET-NOTE"))
        }

        let missing = try await fetch(server.url + "/members/H999?lang=zh")
        #expect(missing.status == 404 && missing.type.hasPrefix("text/html") && missing.body.contains("没有编号为 H999 的成员"))
        #expect(try await fetch(server.url + "/entries/abc").status == 400)
        #expect(try await fetch(server.url + "/notice?period=June").status == 400)
        #expect(try await fetch(server.url + "/nowhere").status == 404)
    }
}
