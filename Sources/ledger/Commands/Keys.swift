import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct KeyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: t("Add or revoke signing keys (needs governance approval).", "添加或撤销签名密钥（需按规则审批）。"),
            discussion: t("Example: ledger key add --role oversight 何委员=he.pem.pub", "示例：ledger key add --role oversight 何委员=he.pem.pub"),
            subcommands: [Add.self, Revoke.self])

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

    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("List the ledger's keys, their roles, holders and status.", "列出账本的密钥、角色、持有人和状态。"),
            discussion: t("Example: ledger keys", "示例：ledger keys"))
        @Flag(help: ArgumentHelp(t("Print signed-note verifier keys of the active keys (for checkpoints and receipts).",
            "输出有效密钥的签名说明验证密钥（用于检查点和收据）。")))
        var note = false
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            let state = try await global.openLedger(readOnly: true).state()
            if note {
                let verifiers = state.noteVerifierKeys(activeAtSize: state.count)
                if global.json {
                    Format.printJSON(["keys": verifiers.map { ["vkey": $0.encoded, "holder": state.keys[$0.name]?.holder ?? ""] }])
                } else {
                    verifiers.forEach { print($0.encoded) }
                }
                return
            }
            let keys = state.keys.values.sorted { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }
            if global.json {
                Format.printJSON(["keys": keys.map { key -> [String: Any] in
                    var object: [String: Any] = [
                        "id": key.id, "role": key.role.rawValue, "holder": key.holder, "status": key.status.rawValue,
                        "added_at": key.addedAt, "pub": Base64.encode(key.descriptor.publicKey),
                    ]
                    if let revokedAt = key.revokedAt { object["revoked_at"] = revokedAt }
                    return object
                }])
                return
            }
            let rows = keys.map { key in
                [key.id, key.role == .committee ? t("committee", "管理委员会") : t("oversight", "运作监督组"), key.holder,
                 statusName(key.status), "\(key.addedAt)"]
            }
            print(Format.table([t("Key", "密钥"), t("Role", "角色"), t("Holder", "持有人"), t("Status", "状态"), t("Added at", "添加于")],
                rows, rightAligned: [4]))
        }

        private func statusName(_ status: LedgerState.KeyRecord.Status) -> String {
            switch status {
            case .active: t("active", "有效")
            case .proposed: t("awaiting approval", "待审批")
            case .revoked: t("revoked", "已撤销")
            case .refused: t("refused", "已驳回")
            }
        }
    }
}
