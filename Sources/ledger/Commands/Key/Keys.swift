import ArgumentParser
import LedgerCore
import LedgerViews

extension Ledger {
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
