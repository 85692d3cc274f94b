import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

extension Ledger {
    struct Export: ParsableCommand {
        enum Form: String, ExpressibleByArgument, CaseIterable { case jsonl }

        static let configuration = CommandConfiguration(
            abstract: t("Write the ledger as JSON Lines: each entry's exact bytes, one per line.", "将账本导出为 JSON Lines：每行一条条目的原始字节。"),
            discussion: t("The export can be checked with `ledger verify FILE.jsonl` and loaded with `ledger import`. Example: ledger export --out backup.jsonl",
                "导出文件可用 `ledger verify FILE.jsonl` 核验，用 `ledger import` 载入。示例：ledger export --out backup.jsonl"))

        @Option(help: ArgumentHelp(t("Format: jsonl.", "格式：jsonl。"))) var format: Form = .jsonl
        @Option(help: ArgumentHelp(t("Output file (default: standard output).", "输出文件（默认为标准输出）。"))) var out: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.openLedger(readOnly: true)
            var count = 0
            let progress = Progress(label: t("exported", "已导出"))
            try AtomicOutput.write(to: out) { handle in
                try ledger.forEachBatch { batch throws(LedgerError) in
                    var chunk = Data()
                    for bytes in batch {
                        chunk.append(contentsOf: bytes)
                        chunk.append(0x0a)
                    }
                    handle(chunk)
                    count += batch.count
                    progress.update(count)
                }
            }
            progress.finish()
            if let out {
                if global.json { Format.printJSON(["entries": count, "out": out]) } else {
                    print(t("Wrote \(count) entries to \(out).", "已将 \(count) 条写入 \(out)。"))
                }
            }
        }
    }
}

/// Writes a file completely or not at all: into a temporary file, flushed, then renamed into place.
enum AtomicOutput {
    static func write(to path: String?, _ produce: ((Data) -> Void) throws -> Void) throws {
        guard let path else {
            try produce { FileHandle.standardOutput.write($0) }
            return
        }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIFailure(.storage, t("cannot create \(path)", "无法创建 \(path)"))
        }
        do {
            var failed = false
            try produce { data in
                do { try handle.write(contentsOf: data) } catch { failed = true }
            }
            try handle.synchronize()
            try handle.close()
            guard !failed else { throw CLIFailure(.storage, t("could not write \(path) (disk full?)", "无法写入 \(path)（磁盘已满？）")) }
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is CLIFailure || error is LedgerError { throw error }
            throw CLIFailure(.storage, t("could not write \(path): \(error.localizedDescription)", "无法写入 \(path)：\(error.localizedDescription)"))
        }
    }
}
