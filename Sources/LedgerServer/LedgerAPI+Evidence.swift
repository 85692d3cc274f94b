import LedgerCore
import LedgerStore

/// What a browser needs to check the server's word instead of taking it: every key with the entry that brought it
/// in, and a member's entries as exact bytes with their inclusion proofs in a tree of the asker's choosing (the
/// signed checkpoint's size). The member page's script reads these two (docs/BROWSER.md).
extension LedgerAPI {
    /// `GET /api/v1/keys`: every key the ledger has named, in the order it named them, with its status and the seqs
    /// where it was added, became active and was revoked.
    func keys() async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            let keys = state.keys.values.sorted { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }
            return .json(["keys": .array(keys.map { key in
                var object: JSONObject = [
                    "id": .string(key.id), "role": .string(key.role.rawValue), "holder": .string(key.holder),
                    "pub": .string(Base64.encode(key.descriptor.publicKey)), "status": .string(key.status.rawValue),
                    "added": .integer(Int64(key.addedAt)),
                ]
                if let since = key.activeSince { object["active_since"] = .integer(Int64(since)) }
                if let revoked = key.revokedAt { object["revoked_at"] = .integer(Int64(revoked)) }
                return .object(object)
            })])
        }
    }

    /// `GET /api/v1/members/{id}/entries?size=N`: every entry naming the member (with the approvals and reversals
    /// of them, which the balance depends on), each with its exact bytes and, when it is among the first `size`
    /// entries, its inclusion proof in that tree. `size` defaults to the whole ledger.
    func memberEntries(_ id: MemberID, _ request: APIRequest) async throws -> APIResponse {
        let wanted = request.query["size"] == nil ? nil : try integer(request, "size")
        return try await read { ledger in
            let state = try ledger.state()
            guard state.members[id] != nil else { throw Self.unknownMember(id) }
            let size = wanted ?? state.count
            guard size >= 1, size <= state.count else {
                throw APIError.badRequest("size=\(size) is not between 1 and the ledger's \(state.count) entries",
                    "size=\(size) 不在 1 与账本的 \(state.count) 条之间")
            }
            let entries = try ledger.entries(of: id)
            return .json([
                "member": .string(id), "size": .integer(Int64(size)), "root": .string(try ledger.merkleRoot(size: size).hex),
                "entries": .array(try entries.map { entry in
                    var object: JSONObject = [
                        "seq": .integer(Int64(entry.seq)), "entry": .string(String(decoding: entry.bytes, as: UTF8.self)),
                    ]
                    if entry.seq < size {
                        object["path"] = .array(try ledger.inclusionProof(index: entry.seq, size: size).map { .string($0.hex) })
                    }
                    return .object(object)
                }),
            ])
        }
    }
}
