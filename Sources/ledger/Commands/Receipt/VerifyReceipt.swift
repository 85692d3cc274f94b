import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct VerifyReceipt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-receipt",
            abstract: t("Check a receipt offline: signatures, approvals, inclusion in the signed checkpoint.", "离线核验收据：签名、审批以及是否包含在签名检查点中。"),
            discussion: t("Give the verifier keys from the notice board with --keys to trust them rather than the receipt's own. Example: ledger verify-receipt receipt-42.json --keys keys.txt",
                "用 --keys 提供公示栏上的验证密钥，以代替收据自带的密钥。示例：ledger verify-receipt receipt-42.json --keys keys.txt"))
        @Argument(help: ArgumentHelp(t("The receipt file.", "收据文件。"))) var file: String
        @OptionGroup var verifiers: VerifierKeyOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            guard let data = try TextFile.bytes(file, limit: 16 << 20) else {
                throw CLIFailure(.storage, t("\(file) is too large to be a receipt", "\(file) 太大，不是收据文件"))
            }
            let trusted = try verifiers.load()
            do {
                let receipt = try Receipt(json: data)
                let check = try receipt.verify(trusting: trusted)
                if global.json {
                    Format.printJSON(["valid": true, "seq": receipt.entry.entry.seq, "size": check.checkpoint.size,
                        "fingerprint": check.checkpoint.fingerprint, "signers": check.checkpointSigners, "trusted_keys": check.trustedKeysUsed])
                    return
                }
                print(ReceiptPage.text(receipt, point: check.checkpoint))
                print(t("✔ The receipt checks out: the entry and its approvals are signed and are in the checkpoint.",
                    "✔ 收据核验通过：条目及其审批均已签名，且包含在检查点中。"))
                if !check.trustedKeysUsed {
                    print(t("  Checked with the keys inside the receipt: compare the fingerprint \(check.checkpoint.fingerprint) with the notice board.",
                        "  使用收据自带的密钥核验：请将指纹 \(check.checkpoint.fingerprint) 与公示栏核对。"))
                }
            } catch {
                if global.json {
                    Format.printJSON(["valid": false, "code": error.code.rawValue, "message": error.message.text(chinese: Language.current.isChinese)])
                } else {
                    print("✘ [\(error.code)] " + error.message.text(chinese: Language.current.isChinese))
                }
                throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
            }
        }
    }
}
