import Foundation
import LedgerTesting
import Testing

/// `ledger report` on the mixed society (see ``Society/mixed()``), against figures worked out by hand.
@Suite struct ReportCommandTests {
    static func int(_ object: Any?, _ key: String) -> Int? { (object as? [String: Any])?[key] as? Int }

    @Test func theWholeLedgerByHand() async throws {
        let society = try await Society.mixed()
        let result = try await society.ledger(["report", "--json"])
        #expect(result.status == 0, "\(result)")
        let report = try result.json()
        #expect(report["society"] as? String == "测试互助社")
        // Cash: ¥10,000 (3) and ¥200 (14) less its reversal (15); in kind ¥800 (5). Donors: 爱心企业, 爱心超市.
        let donations = report["donations"]
        #expect(Self.int(donations, "count") == 1)
        #expect(Self.int(donations, "cash") == 1_000_000)
        #expect(Self.int(donations, "in_kind_count") == 1)
        #expect(Self.int(donations, "in_kind") == 80_000)
        #expect(Self.int(donations, "donors") == 2)
        // Sales 8 (¥960, fee 48), 9 (¥300, fee 15) and 22 (¥100), less the reversal of 9.
        #expect(Self.int(report["sales"], "count") == 2)
        #expect(Self.int(report["sales"], "amount") == 106_000)
        #expect(Self.int(report["sales"], "fees") == 4_800)
        #expect(report["income_raised"] as? Int == 91_200 + 10_000)
        let produce = try #require(report["produce"] as? [[String: Any]])
        #expect(produce.map { $0["product"] as? String } == ["番薯", "鸡心黄皮"])  // 荔枝 was taken back
        #expect(produce.map { $0["quantity"] as? String } == ["50", "120"])
        #expect(produce.map { $0["unit"] as? String } == ["斤", "斤"])
        #expect(produce.map { $0["proceeds"] as? Int } == [10_000, 91_200])
        // Grant 10 took effect; grant 21 waits. The expense was rejected.
        #expect(Self.int(report["grants"], "count") == 1)
        #expect(Self.int(report["grants"], "amount") == 200_000)
        #expect(Self.int(report["grants"], "households") == 1)
        #expect(Self.int(report["payouts"], "count") == 1)
        #expect(Self.int(report["payouts"], "amount") == 91_200)
        #expect(Self.int(report["expenses"], "count") == 0)
        #expect(Self.int(report["expenses"], "amount") == 0)
        #expect(report["households_helped"] as? Int == 3)  // H001, H002 (grant), H003
        // general: 10,000 + 48 − 2,000 + 200 − 200; education: fee 15 taken back with the sale.
        let funds = try #require(report["funds"] as? [[String: Any]])
        #expect(funds.map { $0["id"] as? String } == ["education", "general"])
        #expect(funds.map { $0["cash_start"] as? Int } == [0, 0])
        #expect(funds.map { $0["cash_end"] as? Int } == [0, 804_800])
        #expect(funds.map { $0["in_kind_end"] as? Int } == [0, 80_000])
        // H001: 912 − 912; H002: 285 + 2,000 − 285; H003: 100.
        #expect(Self.int(report["held_for_members"], "end") == 210_000)
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(rejected.map { $0["seq"] as? Int } == [12])
        #expect(rejected.first?["rejected_by"] as? Int == 13)
        #expect(rejected.first?["reason"] as? String == "运费由买方承担")
        #expect((report["pending"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [21])
        let months = try #require(report["months"] as? [[String: Any]])
        #expect(months.count == 1 || months.count == 2, "the ledger was written within a minute or two: \(months.count) months")
        #expect(months.reduce(0) { $0 + ($1["income_raised"] as? Int ?? 0) } == 101_200)

        // The same figures agree with the ledger's own balances.
        let state = try society.state()
        #expect(state.funds["general"]?.cash == 804_800)
        #expect(state.members.values.reduce(0) { $0 + $1.balance } == 210_000)

        let text = try await society.ledger(["report"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Income raised for households"))
        #expect(text.stdout.contains("¥1,012.00"))
        #expect(text.stdout.contains("番薯"))
        let chinese = try await society.ledger(["report"], lang: "zh_CN.UTF-8")
        #expect(chinese.stdout.contains("助农增收"))
        #expect(chinese.stdout.contains("工作报告"))
    }

    @Test func aPeriodBeforeTheLedgerIsEmpty() async throws {
        let society = try await Society.mixed()
        let report = try await society.ledger(["report", "--period", "2020", "--json"]).json()
        #expect(report["period"] as? String == "2020")
        #expect(Self.int(report["donations"], "cash") == 0)
        #expect(report["income_raised"] as? Int == 0)
        #expect((report["pending"] as? [Any])?.isEmpty == true)
        #expect((report["months"] as? [[String: Any]])?.map { $0["month"] as? String } == (1...12).map { "2020-\($0 < 10 ? "0" : "")\($0)" })
        let month = try await society.ledger(["report", "--period", "2020-02", "--json"]).json()
        #expect((month["months"] as? [[String: Any]])?.count == 1)
        let range = try await society.ledger(["report", "--from", "2020-01-01", "--to", "2020-03-31", "--json"]).json()
        #expect((range["months"] as? [[String: Any]])?.count == 3)
    }

    @Test(arguments: [
        ["--period", "2026-13"], ["--period", "26"], ["--from", "2026-02-30"], ["--period", "2026", "--from", "2026-01-01"],
        ["--from", "2026-03-01", "--to", "2026-02-01"],
    ])
    func badPeriodsAreRefused(_ arguments: [String]) async throws {
        let society = try await Society()
        let result = try await society.ledger(["report"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theHTMLPageIsSelfContained() async throws {
        let society = try await Society.mixed()
        let page = society.path("report.html")
        let result = try await society.ledger(["report", "--html", page], lang: "zh_CN.UTF-8")
        #expect(result.status == 0, "\(result)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"zh-Hans\">"))
        #expect(html.contains("测试互助社工作报告"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("每月助农增收"))
        #expect(html.contains("每月爱心捐赠"))
        #expect(html.contains("Content-Security-Policy"))
        for forbidden in ["<script", "http://", "https://", "<link", "@import", "url("] {
            let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains(forbidden), "the page contains \(forbidden)")
        }
        let english = try await society.ledger(["report", "--html", page])
        #expect(english.stdout.contains("Wrote the printable report"))
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Income raised for households, by month"))
    }
}
