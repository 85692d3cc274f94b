import ArgumentParser
import LedgerCore

struct RecordPayout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payout",
        abstract: t("Propose handing money held for a household to it (发放); pending until approved.", "申请向农户发放代管款项；审批前为待审批。"),
        discussion: t("Example: ledger record payout --member H001 --amount 912 --method bank", "示例：ledger record payout --member H001 --amount 912 --method bank"))
    @Option(help: ArgumentHelp(t("The household: member id or exact name.", "农户：成员编号或完整称呼。"))) var member: String
    @Option(parsing: .unconditional, help: amountHelp(t("Amount paid out", "发放金额"))) var amount: YuanAmount
    @Option(help: ArgumentHelp(t("cash, bank or mobile.", "cash（现金）、bank（银行）或 mobile（移动支付）。"))) var method: Payout.Method
    @OptionGroup var memo: MemoOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await appendEntry(.payout(Payout(member: try await global.member(member), amount: amount.fen, method: method)), memo: memo.memo, global: global)
    }
}
