import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
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
