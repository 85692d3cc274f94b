import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

/// A year (`2026`) or a month (`2026-03`) in the local time zone.
struct ReportPeriod: ExpressibleByArgument {
    let label: String
    let start: Timestamp
    let end: Timestamp

    init?(argument: String) {
        if argument.count == 7, let month = Period(argument: argument) {
            (label, start, end) = (month.label, month.start, month.end)
            return
        }
        guard argument.count == 4, let first = LocalDate.parse(argument, format: "yyyy"),
            let next = Calendar.current.date(byAdding: .year, value: 1, to: first)
        else { return nil }
        label = argument
        start = Timestamp(secondsSinceEpoch: Int64(first.timeIntervalSince1970))
        end = Timestamp(secondsSinceEpoch: Int64(next.timeIntervalSince1970))
    }
}

extension Ledger {
    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: t("The society's report for a period: money in and out, produce sold, income raised for households, funds, month by month.",
                "互助社工作报告：收支、农产品助销、助农增收、基金余额，并按月列出。"),
            discussion: t(
                """
                Without a period, the report covers the whole ledger. Amounts count where they took effect, and a reversal counts against what it reverses. --html writes one printable page with bar charts (no scripts, nothing fetched from the network).
                Examples: ledger report --period 2026
                          ledger report --period 2026-03 --html report-2026-03.html
                          ledger report --from 2026-01-01 --to 2026-06-30 --json
                """,
                """
                不指定期间时，报告覆盖整个账本。金额按生效时间计入，冲正从被冲正的项目中扣除。--html 生成一页可打印的网页，含柱状图（无脚本，不联网）。
                示例：ledger report --period 2026
                      ledger report --period 2026-03 --html report-2026-03.html
                      ledger report --from 2026-01-01 --to 2026-06-30 --json
                """))

        @Option(help: ArgumentHelp(t("A year (YYYY) or a month (YYYY-MM).", "年份（YYYY）或月份（YYYY-MM）。")))
        var period: ReportPeriod?
        @Option(help: ArgumentHelp(t("First day (YYYY-MM-DD, local time).", "起始日期（YYYY-MM-DD，本地时间）。"))) var from: LocalDate?
        @Option(help: ArgumentHelp(t("Last day, included (YYYY-MM-DD, local time).", "截止日期（含当天，YYYY-MM-DD，本地时间）。"))) var to: LocalDate?
        @Option(help: ArgumentHelp(t("Also write a printable HTML page with charts here.", "同时生成含图表的可打印 HTML 页面。"), valueName: "file"),
            completion: .file(extensions: ["html"]))
        var html: String?
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if period != nil, from != nil || to != nil {
                throw ValidationError(t("Please give either --period or --from/--to, not both.", "--period 与 --from/--to 只能二选一。"))
            }
            if let from, let to, to.end <= from.start {
                throw ValidationError(t("Please give a --to that is not before --from.", "--to 不能早于 --from。"))
            }
        }

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            let entries = try ledger.entries()
            let start = period?.start ?? from?.start
            let end = period?.end ?? to?.end
            let report = PeriodReport(entries: entries, state: state, start: start, end: end, timeZone: .current)
            let label = periodLabel(entries: entries)
            if global.json {
                Format.printJSON(ReportView.json(report, state: state, label: label))
            } else {
                print(ReportView.text(report, state: state, label: label))
            }
            if let html {
                let page = ReportView.html(report, state: state, label: label, entries: entries.count, head: state.head)
                try AtomicOutput.write(to: html) { $0(Data(page.utf8)) }
                if !global.json { print(t("\nWrote the printable report to \(html).", "\n已生成可打印的报告：\(html)。")) }
            }
        }

        /// `2026`, `2026-03`, or the first and last day covered.
        private func periodLabel(entries: [Entry]) -> String {
            if let period { return period.label }
            let first = from.map { Format.localTime($0.start) } ?? entries.first.map { Format.localTime($0.body.time) } ?? ""
            let last = to.map { Format.localTime($0.start) } ?? entries.last.map { Format.localTime($0.body.time) } ?? ""
            return "\(first.prefix(10)) – \(last.prefix(10))"
        }
    }
}
