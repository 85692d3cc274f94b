import ArgumentParser
import LedgerCore

extension Ledger {
    struct KeyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: t("Add or revoke signing keys (needs governance approval).", "添加或撤销签名密钥（需按规则审批）。"),
            discussion: t("Example: ledger key add --role oversight 何委员=he.pem.pub", "示例：ledger key add --role oversight 何委员=he.pem.pub"),
            subcommands: [Add.self, Revoke.self])
    }
}
