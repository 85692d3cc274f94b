/// `approve`: counts toward the approval of a pending entry.
public struct Approve: Sendable, Hashable {
    public var target: Int
    /// The target's entry hash, so an approval cannot be replayed onto another entry.
    public var hash: EntryHash
    public init(target: Int, hash: EntryHash) {
        self.target = target
        self.hash = hash
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        target = try reader.seq("target")
        hash = try reader.hash("hash")
    }
    var json: JSONObject { ["target": .integer(Int64(target)), "hash": .string(hash.hex)] }
}

/// `reject`: the pending target never takes effect.
public struct Reject: Sendable, Hashable {
    public var target: Int
    public var hash: EntryHash
    public var reason: String
    public init(target: Int, hash: EntryHash, reason: String) {
        self.target = target
        self.hash = hash
        self.reason = reason
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        target = try reader.seq("target")
        hash = try reader.hash("hash")
        reason = try reader.text("reason")
    }
    var json: JSONObject {
        ["target": .integer(Int64(target)), "hash": .string(hash.hex), "reason": .string(reason)]
    }
}

/// `checkpoint`: the signer attests it verified the ledger up to `size` entries, whose Merkle root is `root`.
public struct Checkpoint: Sendable, Hashable {
    public var size: Int
    public var root: EntryHash
    public init(size: Int, root: EntryHash) {
        self.size = size
        self.root = root
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        size = Int(try reader.integer("size", in: 1...JSONValue.maxInteger))
        root = try reader.hash("root")
    }
    var json: JSONObject { ["size": .integer(Int64(size)), "root": .string(root.hex)] }
}
