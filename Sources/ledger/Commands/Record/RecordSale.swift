import ArgumentParser
import LedgerCore

struct RecordSale: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sale",
        abstract: t("Record produce sold for a household (农产品助销).", "记录为农户代销的农产品（农产品助销）。"),
        discussion: privacyNote + "\n" + t(
            "The household is credited the amount less the fee. Example: ledger record sale --member H001 --product 黄皮 --quantity 120 --unit 斤 --amount 960 --fee 48",
            "农户得到金额减去服务费。示例：ledger record sale --member H001 --product 黄皮 --quantity 120 --unit 斤 --amount 960 --fee 48"))
    @Option(help: ArgumentHelp(t("The household: member id or exact name.", "农户：成员编号或完整称呼。"))) var member: String
    @Option(help: ArgumentHelp(t("What was sold (黄皮, 荔枝, 番薯…).", "销售的产品（黄皮、荔枝、番薯……）。"))) var product: String
    @Option(help: ArgumentHelp(t("Quantity sold (e.g. 120 or 12.5).", "销售数量（如 120 或 12.5）。"))) var quantity: String
    @Option(help: ArgumentHelp(t("Unit (斤, 件, kg).", "单位（斤、件、kg）。"))) var unit: String
    @Option(parsing: .unconditional, help: amountHelp(t("Sale amount", "销售金额"))) var amount: YuanAmount
    @Option(help: ArgumentHelp(t("Who bought (optional).", "购买方（可选）。"))) var buyer: String?
    @Option(parsing: .unconditional, help: amountHelp(t("The society's fee (optional, at most the amount)", "互助社服务费（可选，不超过金额）"))) var fee: YuanAmount?
    @Option(help: ArgumentHelp(t("Fund receiving the fee (default general).", "收取服务费的基金（默认 general）。"))) var fund: String?
    @OptionGroup var memo: MemoOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let sale = Sale(
            member: try await global.member(member), product: product, quantity: quantity, unit: unit, amount: amount.fen, buyer: buyer,
            fee: fee?.fen, fund: fund)
        try await appendEntry(.sale(sale), memo: memo.memo, global: global)
    }
}
