import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct MemberCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: t("The register of member households.", "成员（农户）名册。"),
            discussion: t("Examples: ledger member add H001 --name 黄大伯\n          ledger member list",
                "示例：ledger member add H001 --name 黄大伯\n      ledger member list"),
            subcommands: [Add.self, Update.self, Close.self, List.self])

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

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: t("List members with their balances.", "列出成员及其余额。"),
                discussion: t("Example: ledger member list", "示例：ledger member list"))
            @OptionGroup var global: GlobalOptions
            func run() async throws {
                let state = try await global.openLedger(readOnly: true).state()
                printMembers(state, global: global)
            }
        }
    }
}

/// The member table shared by `member list` and `balance`.
func printMembers(_ state: LedgerState, global: GlobalOptions) {
    let members = state.members.values.sorted { $0.id < $1.id }
    if global.json {
        Format.printJSON(["members": members.map { member -> [String: Any] in
            var object: [String: Any] = ["id": member.id, "name": member.name, "balance": member.balance, "closed": member.closed]
            if let note = member.note { object["note"] = note }
            return object
        }])
        return
    }
    let rows = members.map { member in
        [member.id, member.name, Format.money(member.balance), member.closed ? t("closed", "已关闭") : "", member.note ?? ""]
    }
    print(Format.table([t("Member", "编号"), t("Name", "称呼"), t("Balance", "余额"), t("Status", "状态"), t("Note", "备注")],
        rows, rightAligned: [2]))
    let total = members.reduce(Fen(0)) { $0 + $1.balance }
    print(t("\(members.count) members · held for members: \(Format.money(total))", "共 \(members.count) 户 · 代成员保管：\(Format.money(total))"))
}
