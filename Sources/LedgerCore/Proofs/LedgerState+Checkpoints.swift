import LedgerCrypto

extension LedgerState {
    /// Signed-note verifier keys for every key that was active once `size` entries had been applied.
    public func noteVerifierKeys(activeAtSize size: Int) -> [NoteVerifierKey] {
        keys.values.filter { $0.wasActive(atSize: size) }.sorted { $0.id < $1.id }.compactMap { record in
            (try? Ed25519.PublicKey(rawRepresentation: record.descriptor.publicKey)).map {
                NoteVerifierKey(name: record.id, publicKey: $0)
            }
        }
    }

    /// Checks a published checkpoint against this ledger: it names this ledger, every signature from a key
    /// of the ledger verifies, at least one such key signed, each signer was active at the checkpoint's size,
    /// and its root is the ledger's root at that size.
    ///
    /// - Parameter root: the ledger's Merkle root at a size, for sizes up to ``count``.
    /// - Returns: the checkpoint and the key ids that signed it.
    public func verifyCheckpoint(_ text: String, root: (Int) throws(LedgerError) -> EntryHash) throws(LedgerError)
        -> (checkpoint: CheckpointNote, signers: [KeyID])
    {
        let note: SignedNote
        do { note = try SignedNote(parsing: text) } catch {
            throw LedgerError(.badCheckpointNote, en: "the checkpoint is not a signed note (\(error))", zh: "检查点不是有效的签名说明（\(error)）")
        }
        guard let checkpoint = CheckpointNote(text: note.text) else {
            throw LedgerError(.badCheckpointNote, en: "the note is not a ledger checkpoint (origin, size, root)",
                zh: "该说明不是账本检查点（来源、大小、根哈希）")
        }
        guard checkpoint.ledgerID == founding?.ledgerID else {
            throw LedgerError(.badCheckpointNote, en: "the checkpoint is for another ledger (\(checkpoint.origin))",
                zh: "该检查点属于另一个账本（\(checkpoint.origin)）")
        }
        let signers: [KeyID]
        do {
            signers = try note.verify(with: noteVerifierKeys(activeAtSize: checkpoint.size))
        } catch {
            switch error {
            case .invalidSignature(let name):
                throw LedgerError(.badCheckpointNote, en: "the signature of key \(name) on the checkpoint does not verify: the note was altered",
                    zh: "检查点上密钥 \(name) 的签名无法验证：说明已被改动")
            default:
                throw LedgerError(.badCheckpointNote,
                    en: "no key that was active at size \(checkpoint.size) signed this checkpoint",
                    zh: "没有在大小为 \(checkpoint.size) 时有效的密钥签署此检查点")
            }
        }
        guard checkpoint.size <= count else {
            throw LedgerError(.ledgerTruncated,
                en: "a checkpoint signed for \(checkpoint.size) entries exists, but the ledger has only \(count): entries were removed",
                zh: "已有签名的检查点记录 \(checkpoint.size) 条，但账本只有 \(count) 条：有条目被删除")
        }
        guard try root(checkpoint.size) == checkpoint.root else {
            throw LedgerError(.checkpointMismatch,
                en: "the ledger's first \(checkpoint.size) entries do not match the signed checkpoint: history was rewritten",
                zh: "账本前 \(checkpoint.size) 条与已签名的检查点不符：历史已被改写")
        }
        return (checkpoint, signers)
    }
}
