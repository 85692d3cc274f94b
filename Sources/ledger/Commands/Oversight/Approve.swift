import ArgumentParser
import LedgerCore

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
}
