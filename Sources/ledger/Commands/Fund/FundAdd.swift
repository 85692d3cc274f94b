import ArgumentParser
import LedgerCore

extension Ledger.FundCommand {
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
