import ArgumentParser
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerStore

extension Ledger {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Check the whole chain: bytes, hashes, signatures, approvals, balances, checkpoints.",
                "核验整条链：字节、哈希、签名、审批、余额和检查点。"),
            discussion: t(
                "PATH may be a ledger .db or an exported .jsonl. Exit 0: valid. Exit 1: invalid (the first failing entry is named). Other codes: the file could not be read. Example: ledger verify export.jsonl --genesis 9c1f…",
                "PATH 可以是 .db 账本或导出的 .jsonl。退出码 0：有效；1：无效（指出第一条出错的条目）；其他：文件无法读取。示例：ledger verify export.jsonl --genesis 9c1f…"))

        @Argument(help: ArgumentHelp(t("The ledger to check (default: --ledger).", "要核验的账本（默认为 --ledger）。")))
        var path: String?

        @OptionGroup var pin: GenesisPin

        @Option(help: ArgumentHelp(t("A published signed checkpoint the ledger must match (repeatable).", "账本必须与之相符的已公示签名检查点（可重复）。")))
        var checkpoint: [String] = []

        @Option(help: ArgumentHelp(t("Check only the entries after this published checkpoint (a .db file audited at its size).",
            "只核验此已公示检查点之后的条目（须为在该大小做过审计的 .db 文件）。"), valueName: "NOTE"))
        var since: String?

        @OptionGroup var trusted: VerifierKeyOptions

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if since != nil, !checkpoint.isEmpty {
                throw ValidationError(t("Please give --since or --checkpoint, not both.", "请只提供 --since 或 --checkpoint 其中之一。"))
            }
            if since == nil, trusted.given {
                throw ValidationError(t("Please give --keys or --vkey only with --since.", "--keys 和 --vkey 只能与 --since 一起使用。"))
            }
        }

        func run() async throws {
            try global.requireLocal()
            let target = path ?? global.ledgerPath
            if let since { return try verifySince(since, target: target) }
            let total = try LedgerFile.isSQLite(target) ? try SQLiteLedger.open(at: target, readOnly: true).count()
                : Progress.estimatedLines(in: target)
            let progress = Progress(label: t("verified", "已核验"), total: total)
            let verifier = try LedgerFile.verify(target, pinnedGenesis: pin.hash) { progress.update($0) }
            progress.finish()
            let notes = try checkpoint.map { ($0, try TextFile.read($0)) }
            switch verifier.finish() {
            case .valid(let summary):
                if let failure = checkPublished(notes, verifier: verifier) {
                    printInvalid(failure)
                    throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
                }
                printValid(summary, target: target)
                if !notes.isEmpty, !global.json {
                    print(t("✔ Consistent with \(notes.count) signed checkpoint(s).", "✔ 与 \(notes.count) 个已签名检查点一致。"))
                }
            case .invalid(let error):
                printInvalid(error)
                throw ExitCode(CLIFailure.Exit.invalidLedger.rawValue)
            }
        }

        /// Checks each published checkpoint against the verified chain; the first mismatch, if any.
        private func checkPublished(_ notes: [(String, String)], verifier: ChainVerifier) -> LedgerError? {
            for (file, text) in notes {
                do {
                    _ = try verifier.state.verifyCheckpoint(text) { size in verifier.tree.root(size: size) }
                } catch {
                    let size = CheckpointNote(text: (try? SignedNote(parsing: text))?.text ?? "")?.size ?? 0
                    var placed = error
                    placed.seq = error.code == .ledgerTruncated ? verifier.state.count : max(0, min(size, verifier.state.count) - 1)
                    placed.kind = "checkpoint"
                    placed.message = LocalizedText(en: "\(file): " + error.message.english, zh: "\(file)：" + error.message.chinese)
                    return placed
                }
            }
            return nil
        }

        func printValid(_ summary: VerificationSummary, target: String, extra: [String: Any] = [:]) {
            if global.json {
                let fields: [String: Any] = [
                    "valid": true, "entries": summary.entries, "head": summary.head.hex, "root": summary.root.hex,
                    "genesis": summary.genesis?.hex ?? "", "society": summary.society ?? "", "ledger": summary.ledgerID ?? "",
                    "funds": summary.funds, "in_kind": summary.inKind, "members": summary.members, "pending": summary.pending,
                ]
                Format.printJSON(fields.merging(extra) { old, _ in old })
                return
            }
            print(t("✔ \(target) is valid: \(summary.entries) entries, every hash, signature, approval and balance checked.",
                "✔ \(target) 核验通过：共 \(summary.entries) 条，所有哈希、签名、审批和余额均正确。"))
            print(Format.table([t("Item", "项目"), t("Value", "值")], [
                [t("Society", "互助社"), summary.society ?? ""],
                [t("Genesis", "创世哈希"), summary.genesis?.hex ?? ""],
                [t("Head", "最新哈希"), summary.head.hex],
                [t("Merkle root", "默克尔根"), summary.root.hex],
                [t("Pending", "待审批"), summary.pending.isEmpty ? t("none", "无") : summary.pending.map(String.init).joined(separator: ", ")],
            ]))
            let funds = summary.funds.keys.sorted()
            print(Format.table([t("Fund", "基金"), t("Cash", "现金余额"), t("In kind", "物资价值")],
                funds.map { [$0, Format.money(summary.funds[$0] ?? 0), Format.money(summary.inKind[$0] ?? 0)] }, rightAligned: [1, 2]))
            let held = summary.members.values.reduce(Fen(0), +)
            print(t("Held for \(summary.members.count) members: \(Format.money(held))", "代 \(summary.members.count) 户成员保管：\(Format.money(held))"))
        }

        func printInvalid(_ error: LedgerError) {
            let seq = error.seq ?? 0
            let kind = error.kind ?? "unknown"
            let message = error.message.text(chinese: Language.current.isChinese)
            if global.json {
                Format.printJSON(["valid": false, "seq": seq, "kind": kind, "code": error.code.rawValue, "message": message])
                return
            }
            if error.code == .summaryMismatch {
                print(t("✘ INVALID [\(error.code)]: \(message)", "✘ 核验失败 [\(error.code)]：\(message)"))
                return
            }
            print("✘ " + Sentences.invalidEntry(error))
            guard error.kind != "checkpoint", seq > 0 else { return }
            print(t("Entries before \(seq) are intact. Compare with a trusted copy or the last published checkpoint.",
                "第 \(seq) 条之前的条目完好。请与可信副本或最近公示的检查点比对。"))
        }
    }
}
