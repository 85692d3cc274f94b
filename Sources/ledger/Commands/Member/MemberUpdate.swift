import ArgumentParser
import LedgerCore

extension Ledger.MemberCommand {
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Change a member's display name or note.", "修改成员称呼或备注。"),
            discussion: privacyNote + "\n" + t("Example: ledger member update H001 --note 种植黄皮", "示例：ledger member update H001 --note 种植黄皮"))
        @Argument(help: ArgumentHelp(t("Member id.", "成员编号。")))
        var id: String
        @Option(help: ArgumentHelp(t("New display name.", "新称呼。")))
        var name: String?
        @Option(help: ArgumentHelp(t("New note.", "新备注。")))
        var note: String?
        @OptionGroup var global: GlobalOptions
        func validate() throws {
            guard name != nil || note != nil else {
                throw ValidationError(t("Please give --name or --note.", "请提供 --name 或 --note。"))
            }
        }
        func run() async throws { try await appendEntry(.memberUpdate(MemberUpdate(member: id, name: name, note: note)), global: global) }
    }
}
