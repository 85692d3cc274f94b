import ArgumentParser
import LedgerCore
import LedgerKit

extension Ledger {
    struct ImportDonations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-donations",
            abstract: t("Record the donations of a spreadsheet (CSV), all in one go.", "从电子表格（CSV）一次录入全部爱心捐赠记录。"),
            discussion: SheetImport.discussion(
                columns: t("donor, amount; optional: item (makes it a donation of goods, amount = declared value), quantity, unit, receipt, fund, date, memo",
                    "捐赠方、金额；可选：物资（填写即为物资捐赠，金额为估值）、数量、单位、收据编号、基金、日期、备注"),
                example: "ledger import-donations donations-2026.csv"))
        @OptionGroup var options: SheetImport.Options
        func run() async throws { try await SheetImport(kind: .donations, options: options).run() }
    }
}
