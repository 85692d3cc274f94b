import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Statement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("A member's statement: every movement, the running balance, totals, and the checkpoint that covers them.",
                "成员对账单：每笔收支、滚动余额、合计，以及覆盖这些条目的检查点。"),
            discussion: t("Example: ledger statement H01 --from 2026-01-01 --to 2026-06-30 --html h01.html",
                "示例：ledger statement H01 --from 2026-01-01 --to 2026-06-30 --html h01.html"))
        @Argument(help: ArgumentHelp(t("Member id or exact name.", "成员编号或完整称呼。"))) var member: String
        @Option(help: ArgumentHelp(t("First day (YYYY-MM-DD, local time).", "起始日期（YYYY-MM-DD，本地时间）。"))) var from: LocalDate?
        @Option(help: ArgumentHelp(t("Last day (YYYY-MM-DD, local time).", "截止日期（YYYY-MM-DD，本地时间）。"))) var to: LocalDate?
        @Option(help: ArgumentHelp(t("Also write a printable HTML page here.", "同时生成可打印的 HTML 页面。"))) var html: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let member = try MemberName.resolve(self.member, in: try ledger.state())
            let statement = try MemberStatement(ledger: ledger, member: member, from: from, to: to)
            if global.json { return Format.printJSON(statement.json) }
            print(statement.text)
            if let html { try AtomicOutput.write(to: html) { $0(Data(statement.html.utf8)) } }
        }
    }
}
