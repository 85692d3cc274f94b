import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("A member's balance with totals, or a table of all members.", "查询某成员余额及合计，或列出全部成员余额。"),
            discussion: t("Examples: ledger balance H001\n          ledger balance 黄大伯", "示例：ledger balance H001\n      ledger balance 黄大伯"))
        @Argument(help: ArgumentHelp(t("Member id or exact name (omit for all).", "成员编号或完整称呼（省略则列出全部）。"))) var member: String?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            guard let named = self.member else {
                printMembers(state, global: global)
                return
            }
            let member = try MemberName.resolve(named, in: state)
            guard let record = state.members[member] else { throw MemberName.unknown(named) }
            let figures = MemberFigures(record: record, entries: try ledger.entries(member: member), state: state)
            let (sales, fees, grants, payouts) = (figures.sales, figures.fees, figures.grants, figures.payouts)
            if global.json {
                Format.printJSON([
                    "member": member, "name": record.name, "balance": record.balance, "closed": record.closed,
                    "sales": sales, "fees": fees, "grants": grants, "payouts": payouts,
                ])
                return
            }
            print("\(record.name) (\(member))\(record.closed ? t(" — closed", "——已关闭") : "")")
            print(Format.table([t("Item", "项目"), t("Amount", "金额")], [
                [t("Produce sales", "农产品销售额"), Format.money(sales)],
                [t("  less fees", "  减：服务费"), Format.money(-fees)],
                [t("Grants", "救助金"), Format.money(grants)],
                [t("Paid out", "已发放"), Format.money(-payouts)],
                [t("Balance held", "代管余额"), Format.money(record.balance)],
            ], rightAligned: [1]))
        }
    }
}
