import ArgumentParser
import LedgerCore
import LedgerKit

extension Ledger {
    struct ImportSales: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-sales",
            abstract: t("Record the produce sales of a spreadsheet (CSV), all in one go.", "从电子表格（CSV）一次录入全部农产品助销记录。"),
            discussion: SheetImport.discussion(
                columns: t("member (id or exact name), product, quantity, unit, amount; optional: fee, buyer, fund, date, memo",
                    "成员（编号或完整称呼）、产品、数量、单位、金额；可选：服务费、购买方、基金、日期、备注"),
                example: "ledger import-sales 三月助销.csv --dry-run"))
        @OptionGroup var options: SheetImport.Options
        func run() async throws { try await SheetImport(kind: .sales, options: options).run() }
    }
}
