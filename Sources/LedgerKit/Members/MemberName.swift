import LedgerCore

/// Members are named on the command line by id (`H01`) or by their exact display name (`黄大伯`).
public enum MemberName {
    /// The member id that `text` names: the member with that id, else the one member with that exact display name.
    ///
    /// - Returns: `text` itself when no member has that id or name, so the caller reports an unknown member
    ///   the way it always has (a record command's rules refuse it with `[unknown_member]`).
    /// - Throws: ``KitError/Code/badInput`` (`[ambiguous_member]`) when several members share the name, listing their ids.
    public static func resolve(_ text: String, in state: LedgerState) throws(KitError) -> MemberID {
        if state.members[text] != nil { return text }
        let named = state.members.values.filter { $0.name == text }.sorted { $0.id < $1.id }
        guard named.count <= 1 else {
            func choices(_ closed: String, _ separator: String) -> String {
                named.map { "\($0.id)\($0.closed ? closed : "")" }.joined(separator: separator)
            }
            throw KitError(.badInput,
                en: "[ambiguous_member] \(named.count) members are called \(text): \(choices(" (closed)", ", ")); name the member by id instead",
                zh: "[ambiguous_member] 有 \(named.count) 位成员都叫“\(text)”：\(choices("（已关闭）", "、"))；请改用成员编号")
        }
        return named.first?.id ?? text
    }

    /// The refusal for a name that matches no member.
    public static func unknown(_ text: String) -> LedgerError {
        LedgerError(.unknownMember, en: "member \(text) does not exist: no member has that id or name (see `ledger member list`)",
            zh: "成员 \(text) 不存在：没有这个编号或称呼的成员（见 `ledger member list`）")
    }
}
