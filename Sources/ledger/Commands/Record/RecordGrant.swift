import ArgumentParser
import LedgerCore

struct RecordGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: t("Propose a grant to a household (救助金); pending until approved.", "申请向农户发放救助金；审批前为待审批。"),
        discussion: privacyNote + "\n" + t(
            "Example: ledger record grant --member H003 --amount 2000 --purpose 医疗救助",
            "示例：ledger record grant --member H003 --amount 2000 --purpose 医疗救助"))
    @Option(help: ArgumentHelp(t("The household: member id or exact name.", "农户：成员编号或完整称呼。"))) var member: String
    @Option(parsing: .unconditional, help: amountHelp(t("Grant amount", "救助金额"))) var amount: YuanAmount
    @Option(help: ArgumentHelp(t("A category such as 医疗救助 or 助学, never a diagnosis.", "类别，如“医疗救助”“助学”，不写病情。"))) var purpose: String
    @Option(help: ArgumentHelp(t("Fund paying it.", "支付的基金。"))) var fund = "general"
    @OptionGroup var memo: MemoOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await appendEntry(.grant(Grant(member: try await global.member(member), amount: amount.fen, fund: fund, purpose: purpose)), memo: memo.memo, global: global)
    }
}
