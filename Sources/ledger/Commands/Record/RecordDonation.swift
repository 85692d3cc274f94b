import ArgumentParser
import LedgerCore

struct RecordDonation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "donation",
        abstract: t("Record a donation in cash or in kind (爱心善款 / 爱心物资).", "记录爱心善款或爱心物资。"),
        discussion: privacyNote + "\n" + t(
            "Examples: ledger record donation --donor 某某农业公司 --amount 5000 --receipt R-2026-001\n          ledger record donation --donor 爱心超市 --amount 800 --in-kind 大米 --quantity 200 --unit 斤",
            "示例：ledger record donation --donor 某某农业公司 --amount 5000 --receipt R-2026-001\n      ledger record donation --donor 爱心超市 --amount 800 --in-kind 大米 --quantity 200 --unit 斤"))
    @Option(help: ArgumentHelp(t("Who gave (a company or display name).", "捐赠方（企业名或称呼）。"))) var donor: String
    @Option(parsing: .unconditional, help: amountHelp(t("Amount, or declared value of goods", "金额，或物资估值"))) var amount: YuanAmount
    @Option(help: ArgumentHelp(t("Fund receiving it.", "接收的基金。"))) var fund = "general"
    @Option(name: .customLong("in-kind"), help: ArgumentHelp(t("The goods given, for an in-kind donation.", "实物捐赠的物品。"))) var inKind: String?
    @Option(help: ArgumentHelp(t("Quantity of goods (e.g. 200 or 12.5).", "物品数量（如 200 或 12.5）。"))) var quantity: String?
    @Option(help: ArgumentHelp(t("Unit of the quantity (斤, 件, kg).", "数量单位（斤、件、kg）。"))) var unit: String?
    @Option(help: ArgumentHelp(t("Receipt number (never used twice).", "收据编号（不可重复）。"))) var receipt: String?
    @OptionGroup var memo: MemoOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if inKind == nil, quantity != nil || unit != nil {
            throw ValidationError(t("Please use --quantity and --unit only with --in-kind.", "--quantity 和 --unit 只能与 --in-kind 一起使用。"))
        }
        if (quantity == nil) != (unit == nil) {
            throw ValidationError(t("Please give --quantity and --unit together.", "--quantity 和 --unit 须同时提供。"))
        }
    }

    func run() async throws {
        let donation = Donation(
            donor: donor, amount: amount.fen, fund: fund, form: inKind == nil ? .cash : .inKind, item: inKind,
            quantity: quantity, unit: unit, receipt: receipt)
        try await appendEntry(.donation(donation), memo: memo.memo, global: global)
    }
}
