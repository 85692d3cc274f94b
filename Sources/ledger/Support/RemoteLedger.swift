import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A ledger served by `ledger serve`, used through its JSON API (docs/API.md).
///
/// The server is not trusted: entries are signed here with the user's own key, and whatever is read back goes
/// through the same store checks as a local file before anything is shown.
struct RemoteLedger {
    let base: URL

    init(_ address: String) throws {
        guard let url = URL(string: address.hasSuffix("/") ? String(address.dropLast()) : address),
            url.scheme == "http" || url.scheme == "https", url.host != nil
        else {
            throw CLIFailure(.usage, t("\(address) is not a server address such as http://ledger.example:8080",
                "\(address) 不是服务器地址（例如 http://ledger.example:8080）"))
        }
        base = url
    }

    /// The current head: the next seq, the next entry's `prev`, and the time it may not go below.
    struct Head {
        var size: Int
        var head: EntryHash
        var lastTime: Timestamp?
    }

    func head() throws -> Head {
        let object = try get("/api/v1/head")
        guard let size = object["size"] as? Int, let head = (object["head"] as? String).flatMap(EntryHash.init(hex:)) else {
            throw unexpected("/api/v1/head")
        }
        return Head(size: size, head: head, lastTime: (object["last_time"] as? String).flatMap(Timestamp.init))
    }

    /// Builds the next entry from the server's head, signs it here, and posts it; when someone else's entry
    /// took the position first (409), fetches the new head and signs again.
    func submit(_ payload: Payload, memo: String?, signer: Ed25519.PrivateKey, now: () -> Timestamp) throws -> AppendResult {
        let author = Rules.keyID(publicKey: signer.publicKey.rawRepresentation)
        for _ in 0..<5 {
            let head = try self.head()
            let time = max(now(), head.lastTime ?? now())
            let entry = try Entry.sign(Body(seq: head.size, prev: head.head, time: time, author: author, memo: memo, payload: payload),
                with: signer)
            let reply = try HTTPClient.send(url("/api/v1/entries"), method: "POST", body: Data(entry.bytes))
            if reply.status == 409, (reply.object["error"] as? [String: Any])?["code"] as? String == "stale_head" { continue }
            let object = try check(reply, "/api/v1/entries")
            let status = AppendResult.Status(rawValue: object["status"] as? String ?? "") ?? .effective
            return AppendResult(entry: entry, status: status, targetTookEffect: object["target_effective"] as? Bool ?? false)
        }
        throw CLIFailure(.refused, t("the server's ledger kept changing while this entry was signed; try again",
            "签名期间服务器账本不断变化，请重试"))
    }

    /// One page of entries from `from`, each parsed from its exact bytes, and where the next page starts.
    func entries(from: Int, limit: Int = 500) throws -> (entries: [Entry], next: Int?) {
        let object = try get("/api/v1/entries", ["from": "\(from)", "limit": "\(limit)"])
        guard let list = object["entries"] as? [[String: Any]] else { throw unexpected("/api/v1/entries") }
        var entries: [Entry] = []
        for item in list {
            guard let text = item["entry"] as? String else { throw unexpected("/api/v1/entries") }
            entries.append(try Entry(bytes: Array(text.utf8)))
        }
        return (entries, object["next"] as? Int)
    }

    /// The server's ledger copied into memory, every entry checked by the store as it is added, with the
    /// latest signed checkpoint when its signatures and root hold.
    func replica() throws -> SQLiteLedger {
        let copy = try SQLiteLedger.inMemory()
        var next: Int? = 0
        while let from = next {
            let page = try entries(from: from)
            for entry in page.entries { try copy.append(entry, now: max(currentTime(), entry.body.time)) }
            next = page.entries.isEmpty ? nil : page.next
        }
        if let note = try signedCheckpoint(), let point = CheckpointNote(text: note.text), point.size <= (try copy.count()) {
            let state = try copy.state()
            if (try? state.verifyCheckpoint(note.formatted, root: { size throws(LedgerError) in try copy.merkleRoot(size: size) })) != nil {
                try copy.saveCheckpointNote(note, size: point.size)
            }
        }
        return copy
    }

    /// The current tree head the server reports: size and root.
    func treeHead() throws -> (size: Int, root: EntryHash) {
        let object = try get("/api/v1/checkpoint")
        guard let size = object["size"] as? Int, let root = (object["root"] as? String).flatMap(EntryHash.init(hex:)) else {
            throw unexpected("/api/v1/checkpoint")
        }
        return (size, root)
    }

    /// The latest signed checkpoint note the server keeps, not yet checked.
    func signedCheckpoint() throws -> SignedNote? {
        let object = try get("/api/v1/checkpoint")
        guard let text = (object["signed"] as? [String: Any])?["note"] as? String else { return nil }
        return try? SignedNote(parsing: text)
    }

    /// Hands a signed checkpoint to the server, which checks it and keeps it with its other signatures.
    func publish(_ note: SignedNote) throws {
        _ = try check(HTTPClient.send(url("/api/v1/checkpoint"), method: "POST", body: Data(note.formatted.utf8)), "/api/v1/checkpoint")
    }

    /// A consistency proof between two sizes of the server's tree.
    func consistencyProof(old: Int, new: Int) throws -> ConsistencyProof {
        let object = try get("/api/v1/proofs/consistency", ["old": "\(old)", "new": "\(new)"])
        guard let proof = ConsistencyProof(json: object) else { throw unexpected("/api/v1/proofs/consistency") }
        return proof
    }

    func get(_ path: String, _ query: [String: String] = [:]) throws -> [String: Any] {
        try check(HTTPClient.send(url(path, query)), path)
    }

    func url(_ path: String, _ query: [String: String] = [:]) -> URL {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return components.url!
    }

    /// The JSON object of a 2xx answer; any other answer becomes the server's own message and code.
    func check(_ reply: HTTPClient.Reply, _ path: String) throws -> [String: Any] {
        guard (200..<300).contains(reply.status) else {
            let error = reply.object["error"] as? [String: Any]
            let code = error?["code"] as? String ?? "http_\(reply.status)"
            let message = error?["message"] as? String ?? t("the server answered \(reply.status)", "服务器返回 \(reply.status)")
            throw CLIFailure(reply.status >= 500 || reply.status == 429 ? .storage : .refused, "[\(code)] \(message)")
        }
        return reply.object
    }

    func unexpected(_ path: String) -> CLIFailure {
        CLIFailure(.storage, t("the server's answer to \(path) is not what a ledger server sends", "服务器对 \(path) 的应答不是账本服务器应有的格式"))
    }
}
