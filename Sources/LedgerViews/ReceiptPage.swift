import LedgerCore
import LedgerKit

/// A receipt's printed forms, in the member's language: what the entry says, who signed and approved it,
/// and the checkpoint fingerprint to compare with the notice board.
public enum ReceiptPage {
    /// - Parameter memo: whether to show the author's memo (a web page for everyone leaves it out).
    public static func facts(_ receipt: Receipt, point: CheckpointNote, memo showMemo: Bool = true) -> [(String, String)] {
        let entry = receipt.entry.entry
        func holder(_ id: KeyID) -> String { receipt.signers.first { $0.id == id }.map { "\($0.holder) (\(id))" } ?? id }
        var rows: [(String, String)] = [
            (t("Society", "互助社"), receipt.society),
            (t("Entry", "条目"), "\(entry.seq) · \(Format.kindName(entry.kind))"),
            (t("What", "内容"), Describe.payload(entry.payload, state: LedgerState())),
            (t("Time", "时间"), Format.localTime(entry.body.time)),
            (t("Recorded by", "录入人"), holder(entry.body.author)),
        ]
        if showMemo, let memo = entry.body.memo { rows.append((t("Memo", "备注"), memo)) }
        if entry.kind.approval != .none {
            let approvers = receipt.approvals.map { "\(holder($0.entry.body.author)) · \(Format.localTime($0.entry.body.time))" }
            rows.append((t("Approved by", "审批人"), approvers.isEmpty ? t("not yet approved", "尚未审批") : approvers.joined(separator: "; ")))
        }
        rows += [
            (t("Entry hash", "条目哈希"), entry.hash.hex),
            (t("Checkpoint", "检查点"), t("\(point.size) entries, signed by ", "共 \(point.size) 条，签署人：")
                + ((try? SignedNote(parsing: receipt.checkpoint))?.signatures.map { holder($0.name) }.joined(separator: ", ") ?? "")),
            (t("Fingerprint", "指纹"), point.fingerprint),
        ]
        return rows
    }

    public static func text(_ receipt: Receipt, point: CheckpointNote) -> String {
        let rows = facts(receipt, point: point)
        return Format.table([t("Receipt", "收据"), ""], rows.map { [$0.0, $0.1] })
    }

    public static func html(_ receipt: Receipt, point: CheckpointNote) -> String {
        let title = t("Ledger receipt — entry \(receipt.entry.entry.seq)", "账本收据——第 \(receipt.entry.entry.seq) 条")
        let body = """
            <h1>\(HTML.isolated(title))</h1>
            \(HTML.facts(facts(receipt, point: point)))
            <h2>\(HTML.escape(t("How to check this receipt", "如何核验本收据")))</h2>
            <p>\(HTML.escape(t("Compare the fingerprint below with the one on the society's notice board (公示栏). They must be the same.",
                "请将下面的指纹与互助社公示栏上的指纹核对，两者必须相同。")))</p>
            <p class="fingerprint">\(HTML.escape(point.fingerprint))</p>
            <p class="note">\(HTML.escape(t("Anyone can check the receipt file offline with: ledger verify-receipt RECEIPT.json --keys KEYS.txt",
                "任何人都可以离线核验收据文件：ledger verify-receipt 收据.json --keys 密钥.txt")))</p>
            """
        return HTML.page(title: title, body: body)
    }
}
