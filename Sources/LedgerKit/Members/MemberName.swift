import Foundation
import LedgerCore

/// Members are named on the command line and in a page's address by id (`H01`) or by their display name
/// (`黄大伯`), and an id is forgiven its case and its leading zeros (`h01`, `H001`, `h1` all name `H01`) when that
/// names one member only.
public enum MemberName {
    /// The member id that `text` names: the member with that id, else the one member with that exact display name,
    /// else the one member whose id differs from `text` only in case or in leading zeros of its number.
    ///
    /// - Returns: `text` itself when no member has that id or name, so the caller reports an unknown member
    ///   the way it always has (a record command's rules refuse it with `[unknown_member]`).
    /// - Throws: ``KitError/Code/refused`` (`[ambiguous_member]`) when several members share the name, listing their
    ///   ids: like a name that finds nobody (`[unknown_member]`), the ledger cannot do what was asked of that member.
    public static func resolve(_ text: String, in state: LedgerState) throws(KitError) -> MemberID {
        if state.members[text] != nil { return text }
        let named = state.members.values.filter { $0.name == text }.sorted { $0.id < $1.id }
        guard named.count <= 1 else {
            func choices(_ closed: String, _ separator: String) -> String {
                named.map { "\($0.id)\($0.closed ? closed : "")" }.joined(separator: separator)
            }
            throw KitError(.refused,
                en: "[ambiguous_member] \(named.count) members are called \(text): \(choices(" (closed)", ", ")); name the member by id instead",
                zh: "[ambiguous_member] 有 \(named.count) 位成员都叫“\(text)”：\(choices("（已关闭）", "、"))；请改用成员编号")
        }
        if let member = named.first { return member.id }
        let loose = state.members.keys.filter { Self.loosely($0) == Self.loosely(text) }
        return loose.count == 1 ? loose[0] : text
    }

    /// An id with its letters in upper case and the leading zeros of each run of digits dropped: `h001` → `H1`.
    static func loosely(_ id: String) -> String {
        var out = ""
        var digits = ""
        func flush() {
            let kept = digits.drop { $0 == "0" }
            if !digits.isEmpty { out += kept.isEmpty ? "0" : String(kept) }
            digits = ""
        }
        for character in id.trimmingCharacters(in: .whitespaces).uppercased() {
            if character.isASCII, character.isNumber { digits.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// The refusal for a name that matches no member.
    public static func unknown(_ text: String) -> LedgerError {
        LedgerError(.unknownMember, en: "member \(text) does not exist: no member has that id or name (see `ledger member list`)",
            zh: "成员 \(text) 不存在：没有这个编号或称呼的成员（见 `ledger member list`）")
    }
}
