import ArgumentParser
import Foundation
import LedgerCore
import LedgerKit
import LedgerViews
import LedgerCrypto
import LedgerStore

extension Ledger {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: t("Build a sample society's ledger for a year and walk through it.", "生成一个示例互助社一年的账本并逐步演示。"),
            discussion: t(
                "Creates keys, a ledger and an export in DIR (a new temporary folder by default), verifies it, and shows tamper detection on a copy. The society is fictional. Example: ledger demo --dir ./demo",
                "在 DIR（默认为新的临时文件夹）中生成密钥、账本和导出文件，核验账本，并在副本上演示篡改检测。示例互助社为虚构。示例：ledger demo --dir ./demo"))

        @Option(help: ArgumentHelp(t("Folder for the demo's files (created if missing; must hold no ledger yet).", "演示文件所在文件夹（不存在则创建；其中不能已有账本）。")))
        var dir: String?

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let folder = try prepareFolder()
            let ledgerPath = folder + "/ledger.db"
            print(t("互助账本 · mutual-aid ledger demo — \(DemoSociety.name) (fictional)", "互助账本演示——\(DemoSociety.name)（虚构）"))
            print(t("Files go to \(folder)\n", "文件保存在 \(folder)\n"))

            let keys = try DemoSociety.makeKeys(in: folder + "/keys")
            let start = Timestamp(secondsSinceEpoch: (Timestamp.now().secondsSinceEpoch - 366 * 86_400) / 86_400 * 86_400 + 9 * 3_600)
            let genesis = try LedgerState().compose(.genesis(try DemoSociety.charter(keys)), signer: keys["chen"]!, now: start)
            let ledger = try SQLiteLedger.create(at: ledgerPath, genesis: genesis, now: start)
            print(t("1. Founded the ledger: 3 committee keys, 2 oversight keys; genesis \(genesis.hash.hex)",
                "1. 创建账本：管理委员会密钥 3 个、运作监督组密钥 2 个；创世哈希 \(genesis.hash.hex)"))

            var year = DemoYear(ledger: ledger, keys: keys, start: start)
            try year.run()
            print(t("2. Recorded a year of work (every entry signed, money out approved by the oversight group):",
                "2. 录入一年的工作（每条均签名，资金支出均经运作监督组审批）："))
            year.months.forEach { print($0) }

            print(t("\n3. Verified the whole chain:", "\n3. 核验整条链："))
            let summary = try verify(ledgerPath)
            print(t("   ✔ \(summary.entries) entries valid · head \(summary.head.hex.prefix(16))… · Merkle root \(summary.root.hex.prefix(16))…",
                "   ✔ \(summary.entries) 条全部有效 · 最新哈希 \(summary.head.hex.prefix(16))… · 默克尔根 \(summary.root.hex.prefix(16))…"))

            let state = try ledger.state()
            print(t("\n4. Funds:", "\n4. 基金："))
            print(Format.table([t("Fund", "基金"), t("Name", "名称"), t("Cash", "现金余额"), t("In kind", "物资价值")],
                state.funds.values.sorted { $0.id < $1.id }.map { [$0.id, $0.name, Format.money($0.cash), Format.money($0.inKind)] },
                rightAligned: [2, 3]))
            print(t("\n5. Members' balances (money held for each household):", "\n5. 成员余额（代各农户保管的款项）："))
            printMembers(state, global: global)

            print(t("\n6. Tamper detection:", "\n6. 篡改检测："))
            try showTamperDetection(ledger: ledger, folder: folder)

            printNextSteps(folder: folder, genesis: genesis.hash)
        }

        private func prepareFolder() throws -> String {
            let folder = dir ?? (NSTemporaryDirectory() + "/mutual-aid-demo-" + UUID().uuidString.prefix(8).lowercased())
            let path = URL(fileURLWithPath: folder).standardizedFileURL.path
            do {
                try FileManager.default.createDirectory(atPath: path + "/keys", withIntermediateDirectories: true)
            } catch {
                throw CLIFailure(.storage, t("cannot create the folder \(path)", "无法创建文件夹 \(path)"))
            }
            if FileManager.default.fileExists(atPath: path + "/ledger.db") {
                throw CLIFailure(.storage, t("\(path) already holds a demo ledger; choose another --dir or remove it",
                    "\(path) 中已有演示账本；请换一个 --dir 或先删除"))
            }
            return path
        }

        private func verify(_ path: String) throws -> VerificationSummary {
            switch try LedgerFile.verify(path).finish() {
            case .valid(let summary): return summary
            case .invalid(let error): throw CLIFailure(.invalidLedger, Sentences.invalidEntry(error))
            }
        }

        /// Exports the ledger, changes one digit of an amount in a copy, and lets `verify` find it.
        private func showTamperDetection(ledger: SQLiteLedger, folder: String) throws {
            let exports = try DemoSociety.writeExports(of: ledger, to: folder)
            print(t("   Exported \(exports.entries) entries to ledger.jsonl — verify it any time.", "   已将 \(exports.entries) 条导出到 ledger.jsonl，可随时核验。"))
            guard let victim = exports.tampered else { return }
            print(t("   Made tampered.jsonl: a copy with one digit of the amount in entry \(victim) changed.",
                "   生成 tampered.jsonl：把第 \(victim) 条金额中的一位数字改掉的副本。"))
            if case .invalid(let error) = try LedgerFile.verify(folder + "/tampered.jsonl").finish() {
                print(t("   ✘ verify tampered.jsonl → entry \(error.seq ?? 0) (\(error.kind ?? "?")) [\(error.code)]: \(error.message.english)",
                    "   ✘ 核验 tampered.jsonl → 第 \(error.seq ?? 0) 条（\(error.kind ?? "?")）[\(error.code)]：\(error.message.chinese)"))
            }
        }

        private func printNextSteps(folder: String, genesis: EntryHash) {
            let db = "\(folder)/ledger.db"
            print(t("\nKeep going — the files are yours:", "\n继续体验——这些文件可以直接使用："))
            // The way back to this program from any folder: the launcher's full path when it started us, else the
            // installed command.
            let command = ProcessInfo.processInfo.environment["LEDGER_LAUNCHER"] ?? "ledger"
            for line in ["verify \(db)", "verify \(folder)/tampered.jsonl", "balance H01 --ledger \(db)", "pending --ledger \(db)",
                         "approve <SEQ> --ledger \(db) --key \(folder)/keys/zhang.pem",
                         "record donation --donor 爱心人士 --amount 500 --ledger \(db) --key \(folder)/keys/li.pem",
                         "log --member H01 --ledger \(db)"] {
                print("  \(command) \(line)")
            }
            print(t("  Genesis hash to pin: \(genesis.hex)", "  用于核对的创世哈希：\(genesis.hex)"))
            print(t("  The demo keys in \(folder)/keys are not encrypted: they are for trying things out only.",
                "  \(folder)/keys 中的演示密钥未加密，仅供体验使用。"))
        }
    }
}
