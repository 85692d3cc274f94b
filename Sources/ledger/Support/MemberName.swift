import LedgerCore
import LedgerStore

/// Members are named on the command line by id (`H01`) or by their exact display name (`黄大伯`).
enum MemberName {
    /// The member id that `text` names: the member with that id, else the one member with that exact display name.
    ///
    /// - Returns: `text` itself when no member has that id or name, so the caller reports an unknown member
    ///   the way it always has (a record command's rules refuse it with `[unknown_member]`).
    /// - Throws: a usage failure when several members share the name, listing their ids.
    static func resolve(_ text: String, in state: LedgerState) throws -> MemberID {
        if state.members[text] != nil { return text }
        let named = state.members.values.filter { $0.name == text }.sorted { $0.id < $1.id }
        guard named.count <= 1 else {
            let choices = named.map { "\($0.id)\($0.closed ? t(" (closed)", "（已关闭）") : "")" }
            throw CLIFailure(.usage, t(
                "[ambiguous_member] \(named.count) members are called \(text): \(choices.joined(separator: ", ")); name the member by id instead",
                "[ambiguous_member] 有 \(named.count) 位成员都叫“\(text)”：\(choices.joined(separator: "、"))；请改用成员编号"))
        }
        return named.first?.id ?? text
    }

    /// Resolves `text` against the ledger at `global`'s path (read-only, before any write). A name that matches
    /// nobody and could not be an id is refused here as an unknown member; an id is left to the rules.
    static func resolve(_ text: String, global: GlobalOptions) throws -> MemberID {
        let ledger = try global.openLedger(readOnly: true)
        if try ledger.member(text) != nil { return text }
        let member = try resolve(text, in: try ledger.state())
        if member == text, !Rules.isMemberID(text) { throw unknown(text) }
        return member
    }

    /// The refusal for a name that matches no member.
    static func unknown(_ text: String) -> CLIFailure {
        CLIFailure(.refused, t("[unknown_member] member \(text) does not exist: no member has that id or name (see `ledger member list`)",
            "[unknown_member] 成员 \(text) 不存在：没有这个编号或称呼的成员（见 `ledger member list`）"))
    }
}
