import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

extension Ledger {
    struct Prove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Print an inclusion proof for an entry, or a consistency proof between two sizes (JSON).",
                "输出某条目的包含证明，或两个大小之间的一致性证明（JSON）。"),
            discussion: t("Examples: ledger prove 42 --size 180 · ledger prove --from 150 --to 180", "示例：ledger prove 42 --size 180 · ledger prove --from 150 --to 180"))
        @Argument(help: ArgumentHelp(t("The entry's seq (for an inclusion proof).", "条目序号（包含证明）。"))) var seq: Int?
        @Option(help: ArgumentHelp(t("Tree size for the inclusion proof (default: the whole ledger).", "包含证明的树大小（默认为整个账本）。"))) var size: Int?
        @Option(help: ArgumentHelp(t("Old size, for a consistency proof.", "一致性证明的旧大小。"))) var from: Int?
        @Option(help: ArgumentHelp(t("New size, for a consistency proof.", "一致性证明的新大小。"))) var to: Int?
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard (seq != nil) != (from != nil || to != nil) else {
                throw ValidationError(t("Please give either SEQ, or --from and --to.", "请提供 SEQ，或同时提供 --from 和 --to。"))
            }
            if seq == nil, from == nil || to == nil {
                throw ValidationError(t("Please give both --from and --to.", "请同时提供 --from 和 --to。"))
            }
        }

        func run() async throws {
            let ledger = try await global.openLedger(readOnly: true)
            let state = try ledger.state()
            let ledgerID = state.founding?.ledgerID ?? ""
            if let seq {
                // By default, prove against the latest kept checkpoint that covers the entry, which is what a member
                // holds; otherwise against the whole ledger.
                let kept = try ledger.latestCheckpointNote().flatMap { CheckpointNote(text: $0.text) }.map(\.size)
                let size = size ?? kept.flatMap { $0 > seq ? $0 : nil } ?? state.count
                if self.size == nil { printInfo(t("(proof for the tree of \(size) entries)", "（针对 \(size) 条的树的证明）")) }
                guard seq >= 0, seq < size, size <= state.count, let entry = try ledger.entry(seq) else {
                    throw CLIFailure(.usage, t("need 0 ≤ SEQ < size ≤ \(state.count)", "须满足 0 ≤ SEQ < 大小 ≤ \(state.count)"))
                }
                let proof = InclusionProof(ledger: ledgerID, index: seq, size: size, leaf: entry.hash,
                    path: try ledger.inclusionProof(index: seq, size: size), root: try ledger.merkleRoot(size: size))
                print(String(decoding: CanonicalJSON.encode(proof.json), as: UTF8.self))
            } else if let from, let to {
                guard from > 0, from <= to, to <= state.count else {
                    throw CLIFailure(.usage, t("need 0 < --from ≤ --to ≤ \(state.count)", "须满足 0 < --from ≤ --to ≤ \(state.count)"))
                }
                let proof = ConsistencyProof(ledger: ledgerID, old: from, new: to, oldRoot: try ledger.merkleRoot(size: from),
                    newRoot: try ledger.merkleRoot(size: to), path: try ledger.consistencyProof(old: from, new: to))
                print(String(decoding: CanonicalJSON.encode(proof.json), as: UTF8.self))
            }
        }
    }

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

/// Verifier keys for offline checks: a file from `ledger keys --note` and/or keys given one by one.
struct VerifierKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(t("File of verifier keys, one per line (from `ledger keys --note`).", "验证密钥文件，每行一个（由 `ledger keys --note` 生成）。")))
    var keys: String?

    @Option(help: ArgumentHelp(t("A verifier key, name+hash+base64 (repeatable).", "一个验证密钥，格式为 名称+哈希+base64（可重复）。")))
    var vkey: [String] = []

    var given: Bool { keys != nil || !vkey.isEmpty }

    func load() throws -> [NoteVerifierKey] {
        try VerifierKeys.load(file: keys, given: vkey)
    }
}

extension SignedNote.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let why): t("malformed note: \(why)", "说明格式错误：\(why)")
        case .unverified: t("no known key signed it", "没有已知密钥签署")
        case .invalidSignature(let name): t("the signature of \(name) does not verify", "\(name) 的签名无法验证")
        }
    }
}
