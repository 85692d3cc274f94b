import ArgumentParser
import LedgerCore
import LedgerKit

extension Ledger.KeyCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Propose a new key for a committee or oversight member.", "为管委会或监督组成员申请新密钥。"),
            discussion: t("Example: ledger key add --role oversight 何委员=he.pem.pub", "示例：ledger key add --role oversight 何委员=he.pem.pub"))
        @Option(help: ArgumentHelp(t("committee or oversight.", "committee（管理委员会）或 oversight（运作监督组）。"))) var role: Role
        @Argument(help: ArgumentHelp(t("HOLDER=PUBFILE", "持有人=公钥文件"))) var holderKey: HolderKey
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let key = try KeyFile.loadPublicKey(holderKey.publicKey)
            let descriptor = KeyDescriptor(role: role, holder: holderKey.holder, publicKey: key.rawRepresentation)
            try await appendEntry(.keyAdd(KeyAdd(key: descriptor)), global: global)
        }
    }
}
