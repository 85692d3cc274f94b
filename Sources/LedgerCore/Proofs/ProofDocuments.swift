import Foundation
import LedgerCrypto

/// An inclusion proof as JSON (docs/FORMAT.md section 12): `{"ledger","index","size","leaf","path","root"}`.
public struct InclusionProof: Sendable, Hashable {
    public var ledger: String
    public var index: Int
    public var size: Int
    public var leaf: EntryHash
    public var path: [EntryHash]
    public var root: EntryHash

    public init(ledger: String, index: Int, size: Int, leaf: EntryHash, path: [EntryHash], root: EntryHash) {
        self.ledger = ledger
        self.index = index
        self.size = size
        self.leaf = leaf
        self.path = path
        self.root = root
    }

    /// Whether the path leads from the leaf to the root.
    public var isValid: Bool { MerkleProof.verifyInclusion(leaf: leaf, index: index, size: size, proof: path, root: root) }

    public var json: JSONValue {
        ["ledger": .string(ledger), "index": .integer(Int64(index)), "size": .integer(Int64(size)), "leaf": .string(leaf.hex),
         "path": .array(path.map { .string($0.hex) }), "root": .string(root.hex)]
    }

    /// Reads the JSON form (any whitespace); `nil` if a field is missing or malformed.
    public init?(json object: [String: Any]) {
        guard let ledger = object["ledger"] as? String, let index = object["index"] as? Int, let size = object["size"] as? Int,
            let leaf = (object["leaf"] as? String).flatMap(EntryHash.init(hex:)),
            let root = (object["root"] as? String).flatMap(EntryHash.init(hex:)),
            let path = ProofJSON.hashes(object["path"])
        else { return nil }
        self.init(ledger: ledger, index: index, size: size, leaf: leaf, path: path, root: root)
    }
}

/// A consistency proof as JSON: `{"ledger","old","new","old_root","new_root","path"}`.
public struct ConsistencyProof: Sendable, Hashable {
    public var ledger: String
    public var old: Int
    public var new: Int
    public var oldRoot: EntryHash
    public var newRoot: EntryHash
    public var path: [EntryHash]

    public init(ledger: String, old: Int, new: Int, oldRoot: EntryHash, newRoot: EntryHash, path: [EntryHash]) {
        self.ledger = ledger
        self.old = old
        self.new = new
        self.oldRoot = oldRoot
        self.newRoot = newRoot
        self.path = path
    }

    /// Whether the path shows the old tree is a prefix of the new one.
    public var isValid: Bool {
        MerkleProof.verifyConsistency(oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: newRoot, proof: path)
    }

    public var json: JSONValue {
        ["ledger": .string(ledger), "old": .integer(Int64(old)), "new": .integer(Int64(new)), "old_root": .string(oldRoot.hex),
         "new_root": .string(newRoot.hex), "path": .array(path.map { .string($0.hex) })]
    }

    public init?(json object: [String: Any]) {
        guard let ledger = object["ledger"] as? String, let old = object["old"] as? Int, let new = object["new"] as? Int,
            let oldRoot = (object["old_root"] as? String).flatMap(EntryHash.init(hex:)),
            let newRoot = (object["new_root"] as? String).flatMap(EntryHash.init(hex:)),
            let path = ProofJSON.hashes(object["path"])
        else { return nil }
        self.init(ledger: ledger, old: old, new: new, oldRoot: oldRoot, newRoot: newRoot, path: path)
    }
}

enum ProofJSON {
    static func hashes(_ value: Any?) -> [EntryHash]? {
        guard let list = value as? [String] else { return nil }
        let hashes = list.compactMap(EntryHash.init(hex:))
        return hashes.count == list.count ? hashes : nil
    }
}
