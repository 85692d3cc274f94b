import Foundation
import LedgerCore
import LedgerServer
import LedgerKit
import LedgerViews

extension WebSite {
    /// `GET /entries/{seq}`: what the entry says, who signed and approved it, and its proof — the printed receipt's
    /// facts when a signed checkpoint covers it, without the memo.
    func entry(_ seq: Int) throws -> String {
        let entry = try existing(seq)
        let title = t("Entry \(seq) · \(Format.kindName(entry.kind))", "第 \(seq) 条 · \(Format.kindName(entry.kind))")
        var body = "<h1>\(HTML.isolated(title))</h1>"
        let related = try ledger.entries(referringTo: seq)
        if let (receipt, point) = try Receipt.covering(entry, in: ledger, state: state) {
            body += HTML.facts(ReceiptPage.facts(receipt, point: point, memo: false) + [(t("Status", "状态"), Format.status(of: seq, kind: entry.kind, in: state))])
            body += "<p><a href=\"\(Self.link("/entries/\(seq)/receipt.json"))\">\(HTML.escape(t("Download the receipt (check it offline with `ledger verify-receipt`)", "下载收据（可用 `ledger verify-receipt` 离线核验）")))</a></p>"
        } else {
            let approvals = related.filter { $0.kind == .approve }.map { "\(holder($0.body.author)) · \(Format.localTime($0.body.time))" }
            var rows: [(String, String)] = [
                (t("Society", "互助社"), society), (t("What", "内容"), Describe.payload(entry.payload, state: state)),
                (t("Time", "时间"), Format.localTime(entry.body.time)), (t("Recorded by", "录入人"), holder(entry.body.author)),
            ]
            if entry.kind.approval != .none {
                rows.append((t("Approved by", "审批人"), approvals.isEmpty ? t("not yet approved", "尚未审批") : approvals.joined(separator: "; ")))
            }
            rows += [(t("Status", "状态"), Format.status(of: seq, kind: entry.kind, in: state)), (t("Entry hash", "条目哈希"), entry.hash.hex)]
            body += HTML.facts(rows)
            body += "<p class=\"note\">\(HTML.escape(t("No signed checkpoint covers this entry yet; its receipt will be ready after the next one.", "尚无签名检查点覆盖此条目；下一个检查点之后即可取得收据。")))</p>"
        }
        if !related.isEmpty {
            body += "<h2>\(HTML.escape(t("Later entries about it", "相关的后续条目")))</h2>"
            body += HTML.table([t("Entry", "条目"), t("Kind", "类型"), t("By", "录入人"), t("Time", "时间")],
                related.map { ["\($0.seq)", Format.kindName($0.kind), holder($0.body.author), Format.localTime($0.body.time)] },
                numeric: [0], links: related.map { Self.link("/entries/\($0.seq)") })
        }
        let size = state.count
        let path = try ledger.inclusionProof(index: seq, size: size)
        let root = try ledger.merkleRoot(size: size)
        let valid = MerkleProof.verifyInclusion(leaf: entry.hash, index: seq, size: size, proof: path, root: root)
        body += "<h2>\(HTML.escape(t("Proof that it is in the ledger", "在账本中的证明")))</h2>"
        body += "<p>\(HTML.escape(valid ? t("✔ These \(path.count) hashes lead from the entry's hash to the root of all \(size) entries.", "✔ 以下 \(path.count) 个哈希从本条目的哈希推出全部 \(size) 条的根哈希。") : t("✘ The proof does not check.", "✘ 证明不成立。")))</p>"
        body += HTML.facts([(t("Entry hash", "条目哈希"), entry.hash.hex), (t("Root", "根哈希"), root.hex)]
            + path.enumerated().map { (t("Step \($0.offset + 1)", "第 \($0.offset + 1) 步"), $0.element.hex) })
        return Self.layout(title: title, body: body)
    }

    /// `GET /entries/{seq}/receipt.json`: the receipt file `ledger receipt` writes.
    func receipt(_ seq: Int) throws -> Data {
        guard let (receipt, _) = try Receipt.covering(try existing(seq), in: ledger, state: state) else {
            throw APIError(404, APIError.Code.notFound, en: "no signed checkpoint covers entry \(seq) yet", zh: "尚无签名检查点覆盖第 \(seq) 条")
        }
        return receipt.jsonData
    }

    func existing(_ seq: Int) throws -> Entry {
        guard let entry = try ledger.entry(seq) else {
            throw APIError(404, APIError.Code.notFound, en: "entry \(seq) does not exist; the ledger has \(state.count) entries",
                zh: "第 \(seq) 条不存在；账本共 \(state.count) 条")
        }
        return entry
    }

    func holder(_ id: KeyID) -> String { state.keys[id]?.holder ?? id }
}
