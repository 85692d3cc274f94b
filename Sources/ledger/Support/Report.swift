import LedgerCore
import LedgerViews
import LedgerStore

/// What every appending command prints: the new entry's seq, hash and status.
enum Report {
    static func appended(_ result: AppendResult, json: Bool) {
        let entry = result.entry
        if json {
            var object: [String: Any] = [
                "seq": entry.seq, "hash": entry.hash.hex, "kind": entry.kind.rawValue, "status": result.status.rawValue,
            ]
            if case .approve(let approve) = entry.payload {
                object["target"] = approve.target
                object["target_effective"] = result.targetTookEffect
            }
            Format.printJSON(object)
            return
        }
        let status = result.status == .pending ? t("pending approval", "待审批") : t("effective", "已生效")
        print(t("Recorded entry \(entry.seq) (\(Format.kindName(entry.kind))) · hash \(entry.hash.hex) · \(status)",
            "已记录第 \(entry.seq) 条（\(Format.kindName(entry.kind))）· 哈希 \(entry.hash.hex) · \(status)"))
        if case .approve(let approve) = entry.payload {
            print(result.targetTookEffect
                ? t("Entry \(approve.target) now has every approval it needs and has taken effect.", "第 \(approve.target) 条已获得全部所需审批，现已生效。")
                : t("Entry \(approve.target) still waits for more approvals (see `ledger pending`).", "第 \(approve.target) 条仍需更多审批（见 `ledger pending`）。"))
        }
    }
}
