import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews

extension Ledger {
    struct VerifyProof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-proof",
            abstract: t("Check a proof offline against a signed checkpoint, with no ledger file.", "无需账本文件，离线对照签名检查点核验证明。"),
            discussion: t(
                "The checkpoint's signatures are checked with the verifier keys given by --keys (a file from `ledger keys --note`, e.g. copied from the notice board). Example: ledger verify-proof proof.json --checkpoint checkpoint.txt --keys keys.txt",
                "检查点签名用 --keys 指定的验证密钥核验（`ledger keys --note` 生成的文件，例如抄自公示栏）。示例：ledger verify-proof proof.json --checkpoint checkpoint.txt --keys keys.txt"))
        @Argument(help: ArgumentHelp(t("The proof JSON file.", "证明 JSON 文件。"))) var file: String
        @Option(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var checkpoint: String
        @OptionGroup var verifiers: VerifierKeyOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard verifiers.given else {
                throw ValidationError(t("Please give the verifier keys with --keys FILE or --vkey KEY.", "请用 --keys 文件 或 --vkey 密钥 提供验证密钥。"))
            }
        }

        func run() async throws {
            let verifierKeys = try verifiers.load()
            let note = try SignedNote(parsing: try TextFile.read(checkpoint))
            let signers = try note.verify(with: verifierKeys)
            guard let point = CheckpointNote(text: note.text) else {
                throw CLIFailure(.invalidLedger, t("the note is not a ledger checkpoint", "该说明不是账本检查点"))
            }
            guard let data = try TextFile.bytes(file, limit: 1 << 20), let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw CLIFailure(.storage, t("cannot read the proof \(file)", "无法读取证明 \(file)"))
            }
            let message: String
            let kind: String
            if let proof = InclusionProof(json: object) {
                kind = "inclusion"
                guard proof.ledger == point.ledgerID, proof.size == point.size, proof.root == point.root, proof.isValid else {
                    throw proofFailure(t("the inclusion proof does not lead to the checkpoint's root", "包含证明无法推出检查点的根哈希"))
                }
                message = t("✔ Entry \(proof.index) (leaf \(proof.leaf.hex.prefix(12))…) is in the \(point.size) entries of the checkpoint signed by \(signers.joined(separator: ", ")).",
                    "✔ 第 \(proof.index) 条（叶哈希 \(proof.leaf.hex.prefix(12))…）在 \(signers.joined(separator: ", ")) 签署的检查点的 \(point.size) 条之中。")
            } else if let proof = ConsistencyProof(json: object) {
                kind = "consistency"
                let matches = (proof.new == point.size && proof.newRoot == point.root) || (proof.old == point.size && proof.oldRoot == point.root)
                guard proof.ledger == point.ledgerID, matches, proof.isValid else {
                    throw proofFailure(t("the consistency proof does not match the checkpoint", "一致性证明与检查点不符"))
                }
                message = t("✔ The ledger of \(proof.new) entries extends the one of \(proof.old) entries: nothing before was changed.",
                    "✔ \(proof.new) 条的账本是 \(proof.old) 条账本的延续：之前的内容未被改动。")
            } else {
                throw CLIFailure(.usage, t("\(file) is neither an inclusion nor a consistency proof", "\(file) 既不是包含证明也不是一致性证明"))
            }
            if global.json {
                Format.printJSON(["valid": true, "proof": kind, "size": point.size, "root": point.root.hex, "fingerprint": point.fingerprint,
                    "signers": signers])
                return
            }
            print(message)
            print(t("  Checkpoint fingerprint: \(point.fingerprint) — compare it with the notice board.", "  检查点指纹：\(point.fingerprint)——请与公示栏核对。"))
        }

        private func proofFailure(_ message: String) -> Error {
            if global.json {
                Format.printJSON(["valid": false, "code": "bad_proof", "message": message])
                return ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
            }
            return CLIFailure(.invalidLedger, "[bad_proof] " + message)
        }
    }
}
