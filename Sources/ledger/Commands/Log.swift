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
