import ArgumentParser
import LedgerCore

extension Ledger.MemberCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("List members with their balances.", "列出成员及其余额。"),
            discussion: t("Example: ledger member list", "示例：ledger member list"))
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let state = try await global.openLedger(readOnly: true).state()
            printMembers(state, global: global)
        }
    }
}
