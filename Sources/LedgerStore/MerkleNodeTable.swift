import Foundation
import GRDB
import LedgerCore

/// The `merkle_nodes` table read as a Merkle tree: one indexed lookup per node.
///
/// A proof or root at a million entries reads some 30 nodes; the lookup is compiled once per connection and reused,
/// which is most of the cost of each read.
struct MerkleNodeTable: MerkleNodeReader {
    let db: Database
    let path: String?

    func node(level: Int, index: Int) throws(LedgerError) -> EntryHash {
        let data = try StorageFailure.map(path) {
            let lookup = try db.cachedStatement(sql: "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?")
            return try Data.fetchOne(lookup, arguments: [level, index])
        }
        guard let data, let hash = EntryHash(bytes: data) else { throw SQLiteLedger.derivedDamage(path) }
        return hash
    }
}
