import ArgumentParser
import LedgerCore

struct RecordExpense: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expense",
        abstract: t("Propose an expense from a fund (支出); pending until approved.", "申请基金支出；审批前为待审批。"),
        discussion: privacyNote + "\n" + t(
            "Example: ledger record expense --amount 350 --payee 镇物流站 --purpose 黄皮运费",
            "示例：ledger record expense --amount 350 --payee 镇物流站 --purpose 黄皮运费"))
    @Option(parsing: .unconditional, help: amountHelp(t("Amount", "金额"))) var amount: YuanAmount
    @Option(help: ArgumentHelp(t("Who is paid.", "收款方。"))) var payee: String
    @Option(help: ArgumentHelp(t("What it is for.", "用途。"))) var purpose: String
    @Option(help: ArgumentHelp(t("Fund paying it.", "支付的基金。"))) var fund = "general"
    @OptionGroup var memo: MemoOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await appendEntry(.expense(Expense(fund: fund, amount: amount.fen, payee: payee, purpose: purpose)), memo: memo.memo, global: global)
    }
}
