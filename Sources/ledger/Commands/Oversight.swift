import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

/// The hash of entry `seq`, or a refusal naming it.
func hashOfEntry(_ seq: Int, global: GlobalOptions) async throws -> EntryHash {
    guard let entry = try await global.openLedger(readOnly: true).entry(seq) else {
        throw CLIFailure(.refused, t("[not_pending] entry \(seq) does not exist — nothing was written.", "[not_pending] 第 \(seq) 条不存在——未写入任何内容。"))
    }
    return entry.hash
}

extension Ledger {
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Approve a pending entry (审批).", "审批一条待审批条目。"),
            discussion: t("You may not approve your own entry, nor one recorded by another key of yours. Example: ledger approve 42 --key zhang.pem",
                "不能审批自己录入的条目，也不能审批您另一密钥录入的条目。示例：ledger approve 42 --key zhang.pem"))
        @Argument(help: ArgumentHelp(t("The seq of the entry to approve.", "要审批的条目序号。"))) var seq: Int
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            try await appendEntry(.approve(LedgerCore.Approve(target: seq, hash: try await hashOfEntry(seq, global: global))), global: global)
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Reject a pending entry (驳回); it never takes effect.", "驳回一条待审批条目，使其永不生效。"),
            discussion: privacyNote + "\n" + t("Example: ledger reject 43 --reason 材料不全", "示例：ledger reject 43 --reason 材料不全"))
        @Argument(help: ArgumentHelp(t("The seq of the entry to reject.", "要驳回的条目序号。"))) var seq: Int
        @Option(help: ArgumentHelp(t("Why.", "驳回原因。"))) var reason: String
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let hash = try await hashOfEntry(seq, global: global)
            try await appendEntry(.reject(LedgerCore.Reject(target: seq, hash: hash, reason: reason)), global: global)
        }
    }

    struct Reverse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Propose undoing an effective entry (冲正); pending until approved.", "申请冲正一条已生效条目；审批前为待审批。"),
            discussion: t("Entries are never edited: a mistake is corrected by a reversal and, if needed, a new entry. Example: ledger reverse 17 --reason 金额录入错误",
                "条目永不修改：错误以冲正更正，必要时再录入正确条目。示例：ledger reverse 17 --reason 金额录入错误"))
        @Argument(help: ArgumentHelp(t("The seq of the donation, sale, grant, payout or expense to undo.", "要冲正的捐赠、销售、救助金、发放或支出的序号。"))) var seq: Int
        @Option(help: ArgumentHelp(t("Why.", "冲正原因。"))) var reason: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await appendEntry(.reversal(Reversal(target: seq, reason: reason)), global: global) }
    }
}
