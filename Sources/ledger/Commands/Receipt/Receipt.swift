import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct ReceiptCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receipt",
            abstract: t("Write a receipt a member can keep and check offline: the entry, its approvals, proofs and the checkpoint.",
                "生成成员可保存并离线核验的收据：条目、审批、证明和检查点。"),
            discussion: t("Uses the latest kept checkpoint that covers the entry (from `ledger audit` or `ledger checkpoint`). Example: ledger receipt 42 --out receipt-42.json --html receipt-42.html",
                "使用已保存的、覆盖该条目的最新检查点（来自 `ledger audit` 或 `ledger checkpoint`）。示例：ledger receipt 42 --out receipt-42.json --html receipt-42.html"))
        @Argument(help: ArgumentHelp(t("The entry's seq.", "条目序号。"))) var seq: Int
        @Option(help: ArgumentHelp(t("Write the receipt file here (default: standard output).", "收据文件路径（默认为标准输出）。"))) var out: String?
        @Option(help: ArgumentHelp(t("Also write a printable HTML page here.", "同时生成可打印的 HTML 页面。"))) var html: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            guard let entry = try ledger.entry(seq) else {
                throw CLIFailure.notFound(t("entry \(seq) does not exist", "第 \(seq) 条不存在"))
            }
            guard let covered = try Receipt.covering(entry, in: ledger, state: state) else {
                throw CLIFailure(.refused, t("no kept checkpoint covers entry \(seq) and its approvals yet; run `ledger audit` (oversight) or `ledger checkpoint` first",
                    "尚无覆盖第 \(seq) 条及其审批的检查点；请先运行 `ledger audit`（监督组）或 `ledger checkpoint`"))
            }
            let (receipt, point) = covered
            try AtomicOutput.write(to: out) { $0(receipt.jsonData + Data("\n".utf8)) }
            if let html {
                try AtomicOutput.write(to: html) { $0(Data(ReceiptPage.html(receipt, point: point).utf8)) }
            }
            if out != nil {
                print(ReceiptPage.text(receipt, point: point))
            }
        }
    }
}
