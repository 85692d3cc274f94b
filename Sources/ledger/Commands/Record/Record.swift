import ArgumentParser
import LedgerCore

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
