import ArgumentParser
import LedgerCore

extension Ledger {
    struct FundCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fund", abstract: t("Manage funds.", "管理基金。"),
            discussion: t("Example: ledger fund add education --name 助学基金 (then `ledger funds` shows its balance)",
                "示例：ledger fund add education --name 助学基金（之后用 `ledger funds` 查看余额）"),
            subcommands: [Add.self])
    }
}
