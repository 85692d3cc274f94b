import Foundation
import LedgerCore
import LedgerStore

/// A local copy of a served ledger that only ever grows by entries it checked itself.
///
/// Before taking anything new it asks the server for its tree head and a consistency proof from the copy's
/// size, and checks the proof against the copy's own root: a server whose history does not extend the copy
/// (rewritten, forked, or shorter) is caught before a single entry is taken, and the evidence is both trees.
public struct LedgerMirror: Sendable {
    public let server: RemoteLedger
    /// The copy's file.
    public let path: String
    /// The genesis hash the server's ledger must start from, as the notice board shows it.
    public let pinnedGenesis: EntryHash?

    public init(server: RemoteLedger, path: String, pinnedGenesis: EntryHash? = nil) {
        self.server = server
        self.path = path
        self.pinnedGenesis = pinnedGenesis
    }

    /// What one pull did.
    public struct Outcome: Sendable {
        public var size: Int
        public var added: Int
        public var root: EntryHash
        /// The genesis hash of the copy (checked against ``LedgerMirror/pinnedGenesis`` when one was given).
        public var genesis: EntryHash
        /// The fingerprint of the server's latest signed checkpoint, checked against the copy.
        public var fingerprint: String?
    }

    /// Pulls what is new once.
    /// - Throws: ``KitError/Code/invalid`` with the evidence when the server's history does not extend the copy;
    ///   other errors when the server or the file fails.
    public func pullOnce() async throws -> Outcome {
        let remote = try await server.treeHead()
        let ledger: SQLiteLedger
        let existed = FileManager.default.fileExists(atPath: path)
        if existed {
            ledger = try SQLiteLedger.open(at: path)
        } else {
            guard let genesis = try await server.entries(from: 0, limit: 1).entries.first else {
                throw KitError(.file, en: "the server's ledger is empty", zh: "服务器账本为空")
            }
            try checkPin(genesis.hash)
            ledger = try SQLiteLedger.create(at: path, genesis: genesis, now: max(Timestamp.now(), genesis.body.time))
        }
        let genesis = try ledger.state().founding?.genesisHash ?? .zero
        if existed { try checkPin(genesis) }
        let local = try ledger.count()
        let localRoot = try ledger.merkleRoot(size: local)
        if remote.size < local {
            throw try evidence(ledger, local: (local, localRoot), remote: remote,
                en: "the server now shows \(remote.size) entries, fewer than the \(local) this copy already checked: it went backwards",
                zh: "服务器现在只显示 \(remote.size) 条，少于本副本已核验的 \(local) 条：历史倒退了")
        }
        let extends = remote.size == local ? remote.root == localRoot
            : MerkleProof.verifyConsistency(oldSize: local, newSize: remote.size, oldRoot: localRoot, newRoot: remote.root,
                proof: try await server.consistencyProof(old: local, new: remote.size).path)
        guard extends else {
            throw try evidence(ledger, local: (local, localRoot), remote: remote,
                en: "the server's history does not extend this copy's first \(local) entries: it was rewritten or forked",
                zh: "服务器的历史不是本副本前 \(local) 条的延续：已被改写或分叉")
        }
        var next = local
        while next < remote.size {
            let page = try await server.entries(from: next, limit: min(500, remote.size - next))
            guard !page.entries.isEmpty else { break }
            for entry in page.entries where entry.seq < remote.size {
                try ledger.append(entry, now: max(Timestamp.now(), entry.body.time))
                next = entry.seq + 1
            }
        }
        let root = try ledger.merkleRoot(size: next)
        guard next == remote.size, root == remote.root else {
            throw try evidence(ledger, local: (next, root), remote: remote,
                en: "the entries the server sent do not make the tree it announced", zh: "服务器发送的条目与其公布的树不符")
        }
        var fingerprint: String?
        if let note = try await server.signedCheckpoint() {
            let state = try ledger.state()
            let checked = try state.verifyCheckpoint(note.formatted) { size throws(LedgerError) in try ledger.merkleRoot(size: size) }
            try ledger.saveCheckpointNote(note, size: checked.checkpoint.size)
            fingerprint = checked.checkpoint.fingerprint
        }
        return Outcome(size: next, added: next - (existed ? local : 0), root: root, genesis: genesis, fingerprint: fingerprint)
    }

    /// Refuses a ledger whose genesis is not the pinned one, before anything is written.
    private func checkPin(_ genesis: EntryHash) throws(KitError) {
        guard let pinnedGenesis, genesis != pinnedGenesis else { return }
        throw KitError(.invalid,
            en: "[genesis_mismatch] the ledger starts from genesis \(genesis), not the pinned \(pinnedGenesis): this is a different ledger; nothing was copied",
            zh: "[genesis_mismatch] 该账本的创世哈希为 \(genesis)，而非指定的 \(pinnedGenesis)：这是另一个账本；未复制任何内容")
    }

    /// The failure that stops the mirror: what is wrong, both trees, and the copy's last signed checkpoint, also
    /// written next to the copy so it survives the terminal.
    public func evidence(_ ledger: SQLiteLedger, local: (size: Int, root: EntryHash), remote: (size: Int, root: EntryHash),
        en: String, zh: String) throws -> KitError
    {
        let ledgerID = try ledger.state().founding?.ledgerID ?? ""
        let mine = CheckpointNote(ledgerID: ledgerID, size: local.size, root: local.root)
        let theirs = CheckpointNote(ledgerID: ledgerID, size: remote.size, root: remote.root)
        let last = try ledger.latestCheckpointNote()
        let file = path + ".evidence.txt"
        func report(_ language: Language) -> String {
            let t = language.pick
            var text = t("MIRROR STOPPED: \(en).", "镜像已停止：\(zh)。") + "\n\n"
            text += t("This copy (checked entry by entry):", "本副本（已逐条核验）：") + "\n\(mine.text)"
            text += t("fingerprint", "指纹") + " \(mine.fingerprint)\n\n"
            text += t("The server \(server.base.absoluteString) now:", "服务器 \(server.base.absoluteString) 现在：") + "\n\(theirs.text)"
            text += t("fingerprint", "指纹") + " \(theirs.fingerprint)\n"
            if let last {
                text += "\n" + t("The last signed checkpoint this copy saw:", "本副本见过的最新签名检查点：") + "\n\(last.formatted)"
            }
            return text + "\n" + t("Keep this copy unchanged and tell the oversight group.", "请保持本副本不变，并告知监督组。")
        }
        try? Data(report(Language.current).utf8).write(to: URL(fileURLWithPath: file))
        return KitError(.invalid, LocalizedText(report(.en) + "\n(written to \(file))", report(.zh) + "\n（已写入 \(file)）"))
    }
}
