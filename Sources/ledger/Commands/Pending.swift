import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
    struct Pending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Entries waiting for approval, and who may approve them.", "待审批条目及可审批人。"),
            discussion: t("Example: ledger pending", "示例：ledger pending"))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let state = try await global.openLedger(readOnly: true).state()
            let pending = state.pending.values.sorted { $0.seq < $1.seq }
            if global.json {
                Format.printJSON(["pending": pending.map { entry -> [String: Any] in
                    [
                        "seq": entry.seq, "kind": entry.kind.rawValue, "hash": entry.hash.hex, "author": entry.author,
                        "approvals": entry.approvals, "may_approve": state.possibleApprovers(of: entry).map(\.id),
                        "summary": Describe.payload(state.payload(of: entry), state: state),
                    ]
                }])
                return
            }
            guard !pending.isEmpty else {
                print(t("Nothing is waiting for approval.", "没有待审批的条目。"))
                return
            }
            let rows = pending.map { entry -> [String] in
                let approvers = state.possibleApprovers(of: entry).map { "\($0.holder) (\($0.id.prefix(8)))" }
                return ["\(entry.seq)", Format.kindName(entry.kind), Describe.payload(state.payload(of: entry), state: state),
                        state.keys[entry.author]?.holder ?? entry.author, "\(entry.approvals.count)",
                        approvers.isEmpty ? t("nobody (reject it)", "无人可审批（请驳回）") : approvers.joined(separator: ", ")]
            }
            print(Format.table(
                [t("Seq", "序号"), t("Kind", "类型"), t("What", "内容"), t("Recorded by", "录入人"), t("Approvals", "已审批"),
                 t("May approve", "可审批人")], rows, rightAligned: [0, 4]))
        }
    }
}
