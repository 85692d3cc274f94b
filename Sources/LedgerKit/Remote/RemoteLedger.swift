import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A ledger served by `ledger serve`, used through its JSON API (docs/API.md).
///
/// The server is not trusted: entries are signed here with the user's own key, and whatever is read back goes
/// through the same store checks as a local file before anything is shown. Reading a served ledger means reading
/// its ``replica()``, which then answers through the same ``LedgerReader`` seam as a file.
public struct RemoteLedger: Sendable {
    public let server: ServerConnection

    /// The server's address.
    public var base: URL { server.base }

    /// - Throws: ``KitError/Code/badInput`` for an address that is not `http://…` or `https://…`.
    public init(_ address: String) throws(KitError) {
        server = try ServerConnection(address: address)
    }

    /// The current head: the next seq, the next entry's `prev`, and the time it may not go below.
    public struct Head: Sendable {
        public var size: Int
        public var head: EntryHash
        public var lastTime: Timestamp?
    }

    public func head() async throws(KitError) -> Head {
        let object = try await server.get("/api/v1/head")
        guard let size = object["size"] as? Int, let head = (object["head"] as? String).flatMap(EntryHash.init(hex:)) else {
            throw server.unexpected("/api/v1/head")
        }
        return Head(size: size, head: head, lastTime: (object["last_time"] as? String).flatMap(Timestamp.init))
    }

    /// Builds the next entry from the server's head, signs it here, and posts it; when someone else's entry
    /// took the position first (409), fetches the new head and signs again.
    /// - Throws: `LedgerError` when the entry cannot be signed; ``KitError`` when the server refuses it or fails.
    public func submit(_ payload: Payload, memo: String?, signer: Ed25519.PrivateKey, now: @Sendable () -> Timestamp)
        async throws -> AppendResult
    {
        let author = Rules.keyID(publicKey: signer.publicKey.rawRepresentation)
        for _ in 0..<5 {
            let head = try await self.head()
            let time = max(now(), head.lastTime ?? now())
            let entry = try Entry.sign(Body(seq: head.size, prev: head.head, time: time, author: author, memo: memo, payload: payload),
                with: signer)
            let reply = try await server.send("/api/v1/entries", method: .POST, body: entry.bytes)
            if reply.status == 409, (reply.object["error"] as? [String: Any])?["code"] as? String == "stale_head" { continue }
            let object = try server.check(reply, "/api/v1/entries")
            let status = AppendResult.Status(rawValue: object["status"] as? String ?? "") ?? .effective
            return AppendResult(entry: entry, status: status, targetTookEffect: object["target_effective"] as? Bool ?? false)
        }
        throw KitError(.refused, en: "the server's ledger kept changing while this entry was signed; try again",
            zh: "签名期间服务器账本不断变化，请重试")
    }

    /// One page of entries from `from`, each parsed from its exact bytes, and where the next page starts.
    public func entries(from: Int, limit: Int = 500) async throws -> (entries: [Entry], next: Int?) {
        let object = try await server.get("/api/v1/entries", ["from": "\(from)", "limit": "\(limit)"])
        guard let list = object["entries"] as? [[String: Any]] else { throw server.unexpected("/api/v1/entries") }
        var entries: [Entry] = []
        for item in list {
            guard let text = item["entry"] as? String else { throw server.unexpected("/api/v1/entries") }
            entries.append(try Entry(bytes: Array(text.utf8)))
        }
        return (entries, object["next"] as? Int)
    }

    /// The server's ledger copied into memory, every entry checked by the store as it is added, with the
    /// latest signed checkpoint when its signatures and root hold.
    public func replica() async throws -> SQLiteLedger {
        let copy = try SQLiteLedger.inMemory()
        var next: Int? = 0
        while let from = next {
            let page = try await entries(from: from)
            for entry in page.entries { try copy.append(entry, now: max(Timestamp.now(), entry.body.time)) }
            next = page.entries.isEmpty ? nil : page.next
        }
        if let note = try await signedCheckpoint(), let point = CheckpointNote(text: note.text), point.size <= (try copy.count()) {
            let state = try copy.state()
            if (try? state.verifyCheckpoint(note.formatted, root: { size throws(LedgerError) in try copy.merkleRoot(size: size) })) != nil {
                try copy.saveCheckpointNote(note, size: point.size)
            }
        }
        return copy
    }

    /// The current tree head the server reports: size and root.
    public func treeHead() async throws(KitError) -> (size: Int, root: EntryHash) {
        let object = try await server.get("/api/v1/checkpoint")
        guard let size = object["size"] as? Int, let root = (object["root"] as? String).flatMap(EntryHash.init(hex:)) else {
            throw server.unexpected("/api/v1/checkpoint")
        }
        return (size, root)
    }

    /// The latest signed checkpoint note the server keeps, not yet checked.
    public func signedCheckpoint() async throws(KitError) -> SignedNote? {
        let object = try await server.get("/api/v1/checkpoint")
        guard let text = (object["signed"] as? [String: Any])?["note"] as? String else { return nil }
        return try? SignedNote(parsing: text)
    }

    /// Hands a signed checkpoint to the server, which checks it and keeps it with its other signatures.
    public func publish(_ note: SignedNote) async throws(KitError) {
        _ = try server.check(await server.send("/api/v1/checkpoint", method: .POST, body: Array(note.formatted.utf8)),
            "/api/v1/checkpoint")
    }

    /// A consistency proof between two sizes of the server's tree.
    public func consistencyProof(old: Int, new: Int) async throws(KitError) -> ConsistencyProof {
        let object = try await server.get("/api/v1/proofs/consistency", ["old": "\(old)", "new": "\(new)"])
        guard let proof = ConsistencyProof(json: object) else { throw server.unexpected("/api/v1/proofs/consistency") }
        return proof
    }
}
