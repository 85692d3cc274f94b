import LedgerCore
import LedgerStore

extension LedgerAPI {
    /// `POST /api/v1/entries`: an entry signed by its author, as its exact canonical bytes.
    ///
    /// The head is checked and the entry appended in one turn on the ledger's queue. An entry for a position
    /// that is already taken, or built on an old head, gets 409 with the current head so the author can rebuild
    /// and sign again; the same entry sent twice gets 409 `duplicate`. Everything else is the store's own
    /// verdict: every rule and the signature, exactly as a local append.
    func submit(_ request: APIRequest) async throws -> APIResponse {
        guard request.body.count <= limits.maxBodyBytes else {
            throw APIError(413, APIError.Code.tooLarge, en: "the request is \(request.body.count) bytes; at most \(limits.maxBodyBytes) are read",
                zh: "请求长 \(request.body.count) 字节，最多接受 \(limits.maxBodyBytes) 字节")
        }
        var bytes = request.body
        while let last = bytes.last, last == 0x0a || last == 0x0d { bytes.removeLast() }
        let entry = try Entry(bytes: bytes)
        // A new entry: the text rules for new entries apply, as they do where the CLI composes one.
        try TextSafety.check(entry.body)
        let now = clock()
        return try await read { ledger in
            let state = try ledger.state()
            if entry.seq < state.count, let existing = try ledger.entry(entry.seq), existing.hash == entry.hash {
                throw Self.conflict(APIError.Code.duplicate, state: state,
                    en: "entry \(entry.seq) is already in the ledger with this hash; nothing was written",
                    zh: "第 \(entry.seq) 条已在账本中（哈希相同）；未写入任何内容")
            }
            guard entry.seq == state.count, entry.body.prev == state.head else {
                throw Self.conflict(APIError.Code.staleHead, state: state,
                    en: "the entry was built for position \(entry.seq), but the ledger now has \(state.count) entries; "
                        + "fetch the head, rebuild and sign again — nothing was written",
                    zh: "该条目按第 \(entry.seq) 条构建，但账本现有 \(state.count) 条；请获取最新头部、重新构建并签名——未写入任何内容")
            }
            let result = try ledger.append(entry, now: now)
            return .json(APIJSON.appended(result.entry, status: result.status.rawValue, targetTookEffect: result.targetTookEffect),
                status: 201)
        }
    }

    /// A 409 that carries the current head.
    static func conflict(_ code: String, state: LedgerState, en: String, zh: String) -> APIError {
        var error = APIError(409, code, en: en, zh: zh)
        error.extra["head"] = APIJSON.head(state)
        return error
    }
}

extension LedgerAPI {
    /// `POST /api/v1/checkpoint`: a checkpoint note signed by ledger keys; kept (with any other signatures on the
    /// same text) once every signature verifies against the ledger's keys and its root against the entries.
    func publishCheckpoint(_ request: APIRequest) async throws -> APIResponse {
        guard request.body.count <= 64 * 1024 else {
            throw APIError(413, APIError.Code.tooLarge, en: "a checkpoint note is far smaller than this request",
                zh: "检查点说明远小于此请求")
        }
        let text = String(decoding: request.body, as: UTF8.self)
        return try await read { ledger in
            let state = try ledger.state()
            let checked = try state.verifyCheckpoint(text) { size throws(LedgerError) in try ledger.merkleRoot(size: size) }
            guard let note = try? SignedNote(parsing: text) else { throw APIError.badRequest("not a signed note", "不是签名说明") }
            let kept = try ledger.saveCheckpointNote(note, size: checked.checkpoint.size)
            return .json([
                "size": .integer(Int64(checked.checkpoint.size)), "fingerprint": .string(checked.checkpoint.fingerprint),
                "signers": .array(kept.signatures.map { .string($0.name) }), "note": .string(kept.formatted),
            ], status: 201)
        }
    }
}
