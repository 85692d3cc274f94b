import Foundation
import GRDB
import LedgerCore

/// The `merkle_nodes` table read as a Merkle tree: one indexed lookup per node.
struct MerkleNodeTable: MerkleNodeReader {
    let db: Database
    let path: String?

    func node(level: Int, index: Int) throws(LedgerError) -> EntryHash {
        let data = try StorageFailure.map(path) {
            try Data.fetchOne(db, sql: "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?", arguments: [level, index])
        }
        guard let data, let hash = EntryHash(bytes: data) else { throw SQLiteLedger.derivedDamage(path) }
        return hash
    }
}
