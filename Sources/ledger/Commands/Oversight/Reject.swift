import ArgumentParser
import LedgerCore

extension Ledger {
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
}
