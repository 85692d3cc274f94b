import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

extension Ledger {
    struct CheckpointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: t("Signed checkpoints (检查点) for the notice board: sign, cosign, check.", "用于公示的签名检查点：签署、联署、核验。"),
            discussion: t("Examples: ledger checkpoint --key zhang.pem > checkpoint.txt\n          ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt",
                "示例：ledger checkpoint --key zhang.pem > checkpoint.txt\n      ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"),
            subcommands: [Sign.self, Cosign.self, Check.self], defaultSubcommand: Sign.self)

        struct Sign: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "sign",
                abstract: t("Print the current checkpoint, signed with --key.", "输出当前检查点，并用 --key 签名。"),
                discussion: t("Example: ledger checkpoint --key zhang.pem > checkpoint.txt", "示例：ledger checkpoint --key zhang.pem > checkpoint.txt"))
            @OptionGroup var global: GlobalOptions
            func run() throws {
                let ledger = try global.openLedger(readOnly: global.remote != nil)
                let state = try ledger.state()
                let signer = try noteSigner(global: global, state: state, size: state.count)
                let tree = try entryTree(ledger, count: state.count)
                var note = SignedNote(text: CheckpointNote(ledgerID: state.founding!.ledgerID, size: state.count, root: tree.root).text)
                try note.sign(with: signer)
                let kept = try ledger.saveCheckpointNote(note, size: state.count)
                try global.remoteLedger()?.publish(kept)
                printNote(kept, global: global)
            }
        }

        struct Cosign: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: t("Check a checkpoint against the ledger, then add your signature.", "对照账本核验检查点，然后加上您的签名。"),
                discussion: t("Example: ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt", "示例：ledger checkpoint cosign checkpoint.txt --key he.pem > cosigned.txt"))
            @Argument(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var note: String
            @OptionGroup var global: GlobalOptions
            func run() throws {
                let ledger = try global.openLedger(readOnly: global.remote != nil)
                let state = try ledger.state()
                let text = try readText(note)
                let tree = try entryTree(ledger, count: state.count)
                let checked = try state.verifyCheckpoint(text) { size in tree.root(size: size) }
                var signed = try SignedNote(parsing: text)
                try signed.sign(with: try noteSigner(global: global, state: state, size: checked.checkpoint.size))
                let kept = try ledger.saveCheckpointNote(signed, size: checked.checkpoint.size)
                try global.remoteLedger()?.publish(kept)
                printNote(kept, global: global)
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "verify",
                abstract: t("Check a checkpoint's signatures and root against this ledger.", "对照本账本核验检查点的签名和根哈希。"),
                discussion: t("Exit 0 when it matches, 1 when it does not. Example: ledger checkpoint verify checkpoint.txt",
                    "一致时退出码为 0，不一致为 1。示例：ledger checkpoint verify checkpoint.txt"))
            @Argument(help: ArgumentHelp(t("The signed checkpoint file.", "已签名的检查点文件。"))) var note: String
            @OptionGroup var global: GlobalOptions
            func run() throws {
                let ledger = try global.openLedger(readOnly: true)
                let state = try ledger.state()
                let tree = try entryTree(ledger, count: state.count)
                do {
                    let checked = try state.verifyCheckpoint(try readText(note)) { size in tree.root(size: size) }
                    if global.json {
                        Format.printJSON(["valid": true, "size": checked.checkpoint.size, "root": checked.checkpoint.root.hex,
                            "signers": checked.signers, "fingerprint": checked.checkpoint.fingerprint])
                        return
                    }
                    let holders = checked.signers.map { "\(state.keys[$0]?.holder ?? "?") (\($0))" }.joined(separator: ", ")
                    print(t("✔ Checkpoint of \(checked.checkpoint.size) entries matches this ledger; signed by \(holders).",
                        "✔ \(checked.checkpoint.size) 条的检查点与本账本一致；签署人：\(holders)。"))
                    print(t("  Fingerprint: \(checked.checkpoint.fingerprint)", "  指纹：\(checked.checkpoint.fingerprint)"))
                } catch let error as LedgerError {
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
}

/// The Merkle tree of the entries, hashed again from their bytes rather than read from the file's stored nodes: a
/// checkpoint someone signs or checks must say what the entries say, even if the file's summary tables were
/// damaged or edited.
func entryTree(_ ledger: SQLiteLedger, count: Int) throws -> MerkleTree {
    var tree = MerkleTree()
    try ledger.forEachBatch { batch throws(LedgerError) in
        for bytes in batch { tree.append(Entry.hash(of: bytes)) }
    }
    guard tree.size == count else {
        throw CLIFailure(.storage, t(
            "the ledger's summary tables do not match its entries (the file was edited outside this program); run `ledger verify`, then rebuild with `ledger export` and `ledger import`",
            "账本的汇总表与条目不一致（文件曾被本程序以外的方式修改）；请运行 `ledger verify`，再用 `ledger export` 和 `ledger import` 重建"))
    }
    return tree
}

/// The user's key as a note signer, refused unless it was an active key of this ledger at `size`.
func noteSigner(global: GlobalOptions, state: LedgerState, size: Int) throws -> NoteSigner {
    let key = try global.signingKey()
    let id = Rules.keyID(publicKey: key.publicKey.rawRepresentation)
    guard let record = state.keys[id], record.status == .active, record.wasActive(atSize: size) else {
        throw CLIFailure(.key, t("key \(id) is not an active key of this ledger, so its signature would count for nothing",
            "密钥 \(id) 不是本账本的有效密钥，其签名无效"))
    }
    return NoteSigner(name: id, key: key)
}

/// Prints a signed note, or its JSON form.
func printNote(_ note: SignedNote, global: GlobalOptions) {
    if global.json {
        let point = CheckpointNote(text: note.text)
        Format.printJSON(["note": note.formatted, "size": point?.size ?? 0, "root": point?.root.hex ?? "",
            "fingerprint": point?.fingerprint ?? "", "signers": note.signatures.map(\.name)])
    } else {
        print(note.formatted, terminator: "")
    }
}

/// Reads a whole text file given on the command line.
func readText(_ path: String) throws -> String {
    guard let data = try readSmallFile(path, limit: 1 << 20), let text = String(data: data, encoding: .utf8) else {
        throw CLIFailure(.storage, t("\(path) is not a UTF-8 text file of reasonable size", "\(path) 不是合理大小的 UTF-8 文本文件"))
    }
    return text
}

/// A file's bytes, or `nil` when it holds more than `limit` bytes: never reads more than `limit + 1` of them, so a
/// huge or endless file given by mistake (or on purpose) costs no memory.
func readSmallFile(_ path: String, limit: Int) throws -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else {
        throw CLIFailure(.storage, t("cannot read \(path)", "无法读取 \(path)"))
    }
    defer { try? handle.close() }
    var data = Data()
    while data.count <= limit {
        guard let chunk = try? handle.read(upToCount: min(1 << 16, limit + 1 - data.count)), !chunk.isEmpty else { return data }
        data.append(chunk)
    }
    return nil
}
