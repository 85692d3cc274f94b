import ArgumentParser
import LedgerCore

extension Ledger.MemberCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Add a member household (balance 0).", "添加成员农户（余额为 0）。"),
            discussion: privacyNote + "\n" + t("Example: ledger member add H001 --name 黄大伯", "示例：ledger member add H001 --name 黄大伯"))
        @Argument(help: ArgumentHelp(t("Member id: letters, digits and -, up to 32.", "成员编号：字母、数字和 -，最多 32 个字符。")))
        var id: String
        @Option(help: ArgumentHelp(t("Display name.", "称呼。")))
        var name: String
        @Option(help: ArgumentHelp(t("A short public note.", "简短的公开备注。")))
        var note: String?
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await appendEntry(.memberAdd(MemberAdd(member: id, name: name, note: note)), global: global) }
    }
}
