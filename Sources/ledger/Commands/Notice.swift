import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

extension Ledger {
    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("The public notice (公示) for a month: money in and out, pending items, balances, and the signed checkpoint.",
                "月度公示：收支、待审批事项、余额以及签名检查点。"),
            discussion: t("Example: ledger notice --period 2026-06 --html notice-2026-06.html", "示例：ledger notice --period 2026-06 --html notice-2026-06.html"))
        @Option(help: ArgumentHelp(t("The month, YYYY-MM (default: the month of the latest entry).", "月份，YYYY-MM（默认为最新条目所在月份）。")))
        var period: Period?
        @Option(help: ArgumentHelp(t("Write a printable one-page HTML notice here.", "生成可打印的单页 HTML 公示。"))) var html: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let board = try NoticeBoard(ledger: try global.openLedger(readOnly: true), period: period)
            if global.json {
                Format.printJSON(board.json)
                return
            }
            print(board.title)
            print(Format.table([t("This month", "本月"), ""], board.summary.map { [$0.0, $0.1] }, rightAligned: [1]))
            for (heading, items) in board.sections where !items.isEmpty {
                print("\n\(heading)")
                print(Format.table(NoticeBoard.itemHeader, items, rightAligned: [2]))
            }
            print("\n" + t("Waiting for approval", "待审批事项"))
            print(board.pending.isEmpty ? t("none", "无") : Format.table(NoticeBoard.pendingHeader, board.pending, rightAligned: [0]))
            print("\n" + t("Fund balances at the end of \(board.month.label)", "\(board.month.label) 月末基金余额"))
            print(Format.table(NoticeBoard.fundHeader, board.fundRows, rightAligned: [2, 3]))
            print("\n" + board.checkpointText)
            print(board.howTo)
            if let html {
                try AtomicOutput.write(to: html) { $0(Data(HTML.page(title: board.title, body: board.htmlBody()).utf8)) }
            }
        }
    }
}
