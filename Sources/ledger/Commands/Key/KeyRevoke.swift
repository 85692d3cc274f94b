import ArgumentParser
import LedgerCore

extension Ledger.KeyCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Propose revoking a key (lost, stolen, or its holder left).", "申请撤销密钥（遗失、被盗或持有人离任）。"),
            discussion: t("What the key signed before stays valid. Example: ledger key revoke 3f9a0c1d2e4b5a67 --reason 密钥遗失",
                "撤销前签署的条目仍然有效。示例：ledger key revoke 3f9a0c1d2e4b5a67 --reason 密钥遗失"))
        @Argument(help: ArgumentHelp(t("The key id (16 hex characters).", "密钥编号（16 个十六进制字符）。"))) var keyID: String
        @Option(help: ArgumentHelp(t("Why.", "原因。"))) var reason: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await appendEntry(.keyRevoke(KeyRevoke(key: keyID, reason: reason)), global: global) }
    }
}
