import ArgumentParser
import LedgerCore

extension Ledger {
    struct Reverse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Propose undoing an effective entry (冲正); pending until approved.", "申请冲正一条已生效条目；审批前为待审批。"),
            discussion: t("Entries are never edited: a mistake is corrected by a reversal and, if needed, a new entry. Example: ledger reverse 17 --reason 金额录入错误",
                "条目永不修改：错误以冲正更正，必要时再录入正确条目。示例：ledger reverse 17 --reason 金额录入错误"))
        @Argument(help: ArgumentHelp(t("The seq of the donation, sale, grant, payout or expense to undo.", "要冲正的捐赠、销售、救助金、发放或支出的序号。"))) var seq: Int
        @Option(help: ArgumentHelp(t("Why.", "冲正原因。"))) var reason: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await appendEntry(.reversal(Reversal(target: seq, reason: reason)), global: global) }
    }
}
