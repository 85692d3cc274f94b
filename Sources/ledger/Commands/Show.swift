import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Show one entry in full: its fields, hash, signer, status and approvals.", "显示一条条目的全部内容：字段、哈希、签名人、状态和审批。"),
            discussion: t("Example: ledger show 12", "示例：ledger show 12"))
        @Argument(help: ArgumentHelp(t("The entry's seq.", "条目序号。"))) var seq: Int
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            guard let entry = try ledger.entry(seq) else {
                throw CLIFailure.notFound(t("entry \(seq) does not exist; the ledger has \(state.count) entries (0–\(state.count - 1))",
                    "第 \(seq) 条不存在；账本共 \(state.count) 条（0–\(state.count - 1)）"))
            }
            let related = try ledger.entries(referringTo: seq)
            if global.json {
                var object = entryJSON(entry, state: state)
                object["bytes"] = String(decoding: entry.bytes, as: UTF8.self)
                object["referred_by"] = related.map { ["seq": $0.seq, "kind": $0.kind.rawValue, "author": $0.body.author] }
                Format.printJSON(object)
                return
            }
            let author = state.keys[entry.body.author]
            print(Format.table([t("Field", "字段"), t("Value", "值")], [
                [t("Seq", "序号"), "\(entry.seq)"],
                [t("Kind", "类型"), "\(Format.kindName(entry.kind)) (\(entry.kind.rawValue))"],
                [t("Time", "时间"), "\(Format.localTime(entry.body.time)) (\(entry.body.time))"],
                [t("Signed by", "签名人"), "\(author?.holder ?? "?") · \(entry.body.author)"],
                [t("What", "内容"), Describe.payload(entry.payload, state: state)],
                [t("Memo", "备注"), entry.body.memo ?? ""],
                [t("Status", "状态"), Format.status(of: seq, kind: entry.kind, in: state)],
                [t("Hash", "哈希"), entry.hash.hex],
                [t("Prev", "前一哈希"), entry.body.prev.hex],
            ]))
            for other in related {
                let holder = state.keys[other.body.author]?.holder ?? other.body.author
                print(Format.visible("  → \(other.seq) \(Format.kindName(other.kind)) · \(holder) · \(Format.localTime(other.body.time))"))
            }
            print(t("Exact bytes:", "原始字节："))
            print(Format.visible(String(decoding: entry.bytes, as: UTF8.self)))
        }
    }
}
