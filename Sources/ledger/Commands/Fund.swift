import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct FundCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fund", abstract: t("Manage funds.", "管理基金。"),
            discussion: t("Example: ledger fund add education --name 助学基金 (then `ledger funds` shows its balance)",
                "示例：ledger fund add education --name 助学基金（之后用 `ledger funds` 查看余额）"),
            subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: t("Propose a new fund (takes effect when the oversight group approves).", "新增基金（经运作监督组审批后生效）。"),
                discussion: t("Example: ledger fund add education --name 助学基金", "示例：ledger fund add education --name 助学基金"))
            @Argument(help: ArgumentHelp(t("Fund id: lowercase letters, digits and -.", "基金编号：小写字母、数字和 -。")))
            var id: String
            @Option(help: ArgumentHelp(t("The fund's name.", "基金名称。")))
            var name: String
            @OptionGroup var global: GlobalOptions
            func run() async throws { try await appendEntry(.fundAdd(FundAdd(fund: FundDescriptor(id: id, name: name))), global: global) }
        }
    }

    struct Funds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Show each fund's cash and in-kind value.", "显示各基金的现金余额和物资价值。"),
            discussion: t("Example: ledger funds --json", "示例：ledger funds --json"))
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let state = try await global.openLedger(readOnly: true).state()
            let funds = state.funds.values.sorted { $0.id < $1.id }
            if global.json {
                Format.printJSON(["funds": funds.map { ["id": $0.id, "name": $0.name, "cash": $0.cash, "in_kind": $0.inKind] }])
                return
            }
            print(Format.table([t("Fund", "基金"), t("Name", "名称"), t("Cash", "现金余额"), t("In kind", "物资价值")],
                funds.map { [$0.id, $0.name, Format.money($0.cash), Format.money($0.inKind)] }, rightAligned: [2, 3]))
        }
    }
}
