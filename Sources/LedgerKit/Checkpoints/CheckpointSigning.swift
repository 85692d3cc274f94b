import LedgerCore
import LedgerCrypto
import LedgerStore

/// Signing and checking checkpoints against a ledger file.
public enum CheckpointSigning {
    /// The Merkle tree of the entries, hashed again from their bytes rather than read from the file's stored nodes: a
    /// checkpoint someone signs or checks must say what the entries say, even if the file's summary tables were
    /// damaged or edited.
    /// - Throws: `LedgerError` (`storage`) when the entries are not the `count` the summary tables claim.
    public static func entryTree(_ ledger: SQLiteLedger, count: Int) throws(LedgerError) -> MerkleTree {
        var tree = MerkleTree()
        try ledger.forEachBatch { batch throws(LedgerError) in
            for bytes in batch { tree.append(Entry.hash(of: bytes)) }
        }
        guard tree.size == count else { throw SQLiteLedger.derivedDamage(nil) }
        return tree
    }

    /// `key` as a note signer, refused unless it was an active key of this ledger at `size`.
    /// - Throws: ``KitError/Code/key`` for a key whose signature would count for nothing.
    public static func signer(_ key: Ed25519.PrivateKey, state: LedgerState, size: Int) throws(KitError) -> NoteSigner {
        let id = Rules.keyID(publicKey: key.publicKey.rawRepresentation)
        guard let record = state.keys[id], record.status == .active, record.wasActive(atSize: size) else {
            throw KitError(.key, en: "key \(id) is not an active key of this ledger, so its signature would count for nothing",
                zh: "密钥 \(id) 不是本账本的有效密钥，其签名无效")
        }
        return NoteSigner(name: id, key: key)
    }
}
