import LedgerCore
import LedgerKit

/// Sentences more than one front end says, in ``Language/current``.
public enum Sentences {
    /// "INVALID at entry 7 (grant) [bad_signature]: …".
    public static func invalidEntry(_ error: LedgerError) -> String {
        let seq = error.seq ?? 0
        let kind = error.kind.flatMap(Kind.init(rawValue:)).map(Format.kindName) ?? error.kind ?? t("unreadable", "无法读取")
        let message = error.message.localized
        return t("INVALID at entry \(seq) (\(kind)) [\(error.code)]: \(message)", "核验失败：第 \(seq) 条（\(kind)）[\(error.code)]：\(message)")
    }
}
