import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("The public notice (公示) for a month: money in and out, pending items, balances, and the signed checkpoint.",
                "月度公示：收支、待审批事项、余额以及签名检查点。"),
            discussion: t("Example: ledger notice --period 2026-06 --html notice-2026-06.html", "示例：ledger notice --period 2026-06 --html notice-2026-06.html"))
        @Option(help: ArgumentHelp(t("The month, YYYY-MM (default: the month of the latest entry).", "月份，YYYY-MM（默认为最新条目所在月份）。")))
        var period: Period?
        @Option(help: ArgumentHelp(t("Write a printable one-page HTML notice here.", "生成可打印的单页 HTML 公示。"))) var html: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let board = try NoticeBoard(ledger: try await global.openLedger(readOnly: true), period: period)
            if global.json { return Format.printJSON(board.json) }
            print(board.text)
            if let html { try AtomicOutput.write(to: html) { $0(Data(board.page.utf8)) } }
        }
    }
}
