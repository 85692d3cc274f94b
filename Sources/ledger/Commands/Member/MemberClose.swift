import ArgumentParser
import LedgerCore

extension Ledger.MemberCommand {
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Close a member whose balance is 0; they may not be named again.", "关闭余额为 0 的成员，此后不能再使用。"),
            discussion: t("Example: ledger member close H009 --reason 迁出本村", "示例：ledger member close H009 --reason 迁出本村"))
        @Argument(help: ArgumentHelp(t("Member id.", "成员编号。")))
        var id: String
        @Option(help: ArgumentHelp(t("Why the member leaves.", "关闭原因。")))
        var reason: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await appendEntry(.memberClose(MemberClose(member: id, reason: reason)), global: global) }
    }
}
