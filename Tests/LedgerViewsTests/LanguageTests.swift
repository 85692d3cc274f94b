import LedgerCore
import LedgerKit
import LedgerTesting
import LedgerViews
import Testing

/// Every view words itself in the language bound for the work at hand, and a later binding is never overruled by an
/// earlier one: the server shows one reader Chinese and the next English from the same process.
@Suite struct LanguageTests {
    @Test func theReportTheNoticeAndTheStatementFollowEachBinding() throws {
        let ledger = try StoredLedger.society()
        let state = try ledger.store.state()
        let report = PeriodReport(entries: try ledger.store.allEntries(), state: state, timeZone: .current)
        for _ in 0..<2 {
            let chinese = try Language.$current.withValue(.zh) {
                (ReportView.text(report, state: state, label: "2026"), try NoticeBoard(ledger: ledger.store, period: nil).text,
                 try MemberStatement(ledger: ledger.store, member: "H001", from: nil, to: nil).text)
            }
            let english = try Language.$current.withValue(.en) {
                (ReportView.text(report, state: state, label: "2026"), try NoticeBoard(ledger: ledger.store, period: nil).text,
                 try MemberStatement(ledger: ledger.store, member: "H001", from: nil, to: nil).text)
            }
            #expect(chinese.0.contains("本期") && !english.0.contains("本期"), "the report's header kept the first language")
            #expect(english.0.contains("This period"))
            #expect(chinese.1.contains("待审批事项") && english.1.contains("Waiting for approval"))
            #expect(chinese.2.contains("对账单") && english.2.contains("Statement for"))
        }
    }

    @Test func kindNamesComeFromTheCoreInBothLanguages() {
        for kind in Kind.allCases {
            let name = kind.displayName
            #expect(!name.english.isEmpty && name.english != name.chinese, "\(kind)")
            #expect(Language.$current.withValue(.zh) { Format.kindName(kind) } == name.chinese)
            #expect(Language.$current.withValue(.en) { Format.kindName(kind) } == name.english)
        }
    }

    @Test func theCommandLinesLocaleAndTheBrowsersHeaderPickTheLanguage() {
        #expect(Language(locale: "zh_CN.UTF-8") == .zh && Language(locale: "C.UTF-8") == .en && Language(locale: "") == .en)
        #expect(Language(acceptLanguage: "zh-CN,zh;q=0.9") == .zh && Language(acceptLanguage: " zh") == .zh)
        #expect(Language(acceptLanguage: "en-US,zh;q=0.5") == .en && Language(acceptLanguage: nil) == .en)
    }
}
