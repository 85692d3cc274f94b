import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
    struct MemberCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: t("The register of member households.", "成员（农户）名册。"),
            discussion: t("Examples: ledger member add H001 --name 黄大伯\n          ledger member list",
                "示例：ledger member add H001 --name 黄大伯\n      ledger member list"),
            subcommands: [Add.self, Update.self, Close.self, List.self])
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
