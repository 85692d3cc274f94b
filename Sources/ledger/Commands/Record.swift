import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Record money coming in or going out.", "记录资金收支。"),
            discussion: privacyNote + "\n" + t(
                "Examples: ledger record donation --donor 爱心企业甲 --amount 5000\n          ledger record sale --member 黄大伯 --product 黄皮 --quantity 120 --unit 斤 --amount 960",
                "示例：ledger record donation --donor 爱心企业甲 --amount 5000\n      ledger record sale --member 黄大伯 --product 黄皮 --quantity 120 --unit 斤 --amount 960"),
            subcommands: [RecordDonation.self, RecordSale.self, RecordGrant.self, RecordPayout.self, RecordExpense.self])
    }
}

/// The memo option every record command shares.
struct MemoOption: ParsableArguments {
    @Option(help: ArgumentHelp(t("A public remark (at most 500 characters).", "公开备注（最多 500 字）。")))
    var memo: String?
}

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
