import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("List entries, optionally for one member or kind.", "列出条目，可按成员或类型筛选。"),
            discussion: t("Examples: ledger log --member H001 --limit 20\n          ledger log --member 黄大伯 --kind sale",
                "示例：ledger log --member H001 --limit 20\n      ledger log --member 黄大伯 --kind sale"))
        @Option(help: ArgumentHelp(t("Only entries touching this member (id or exact name).", "只列出涉及该成员（编号或完整称呼）的条目。"))) var member: String?
        @Option(help: ArgumentHelp(t("Only entries of this kind (donation, sale, grant…).", "只列出该类型条目（donation、sale、grant……）。"))) var kind: Kind?
        @Option(help: ArgumentHelp(t("Start at this seq.", "从该序号开始。"))) var from = 0
        @Option(help: ArgumentHelp(t("At most this many entries.", "最多列出的条目数。"))) var limit: Int?
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            let member = try self.member.map { try MemberName.resolve($0, in: state) }
            let entries = try ledger.entries(from: from, limit: limit, kind: kind, member: member)
            if global.json {
                Format.printJSON(["entries": entries.map { entryJSON($0, state: state) }])
                return
            }
            let rows = entries.map { entry in
                ["\(entry.seq)", Format.localTime(entry.body.time), Format.kindName(entry.kind),
                 Describe.payload(entry.payload, state: state), state.keys[entry.body.author]?.holder ?? entry.body.author,
                 Format.status(of: entry.seq, kind: entry.kind, in: state)]
            }
            print(Format.table([t("Seq", "序号"), t("Time", "时间"), t("Kind", "类型"), t("What", "内容"), t("By", "录入人"), t("Status", "状态")],
                rows, rightAligned: [0]))
        }
    }

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
                throw CLIFailure(.usage, t("entry \(seq) does not exist; the ledger has \(state.count) entries (0–\(state.count - 1))",
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
                print("  → \(other.seq) \(Format.kindName(other.kind)) · \(holder) · \(Format.localTime(other.body.time))")
            }
            print(t("Exact bytes:", "原始字节："))
            print(String(decoding: entry.bytes, as: UTF8.self))
        }
    }
}

/// An entry for `--json` output: its exact data plus what the ledger says about it.
func entryJSON(_ entry: Entry, state: LedgerState) -> [String: Any] {
    var object: [String: Any] = [
        "seq": entry.seq, "kind": entry.kind.rawValue, "time": entry.body.time.description, "author": entry.body.author,
        "hash": entry.hash.hex, "prev": entry.body.prev.hex,
        "status": state.pending[entry.seq] != nil ? "pending" : state.rejected.contains(entry.seq) ? "rejected"
            : state.reversed.contains(entry.seq) ? "reversed" : "effective",
    ]
    if let data = try? JSONSerialization.jsonObject(with: Data(CanonicalJSON.encode(entry.payload.data))) { object["data"] = data }
    if let memo = entry.body.memo { object["memo"] = memo }
    return object
}
