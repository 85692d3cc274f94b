import LedgerCore
import LedgerStore

extension LedgerAPI {
    /// `GET /api/v1/head`: what a client needs to build the next entry (its seq, prev and earliest time).
    func head() async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            return .json(APIJSON.head(state))
        }
    }

    /// `GET /api/v1/checkpoint`: the current tree head, and the latest signed checkpoint note with its signers.
    func checkpoint() async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            var object: JSONObject = [
                "ledger": .string(state.founding?.ledgerID ?? ""), "size": .integer(Int64(state.count)),
                "root": .string(try ledger.merkleRoot(size: state.count).hex),
            ]
            if let note = try ledger.latestCheckpointNote(), let point = CheckpointNote(text: note.text) {
                object["signed"] = [
                    "size": .integer(Int64(point.size)), "root": .string(point.root.hex), "fingerprint": .string(point.fingerprint),
                    "note": .string(note.formatted),
                    "signers": .array(note.signatures.map { .string($0.name) }),
                ]
            }
            return .json(.object(object))
        }
    }

    /// `GET /api/v1/entries?from=&limit=`: a page of entries with their exact bytes, and where the next page starts.
    func entries(_ request: APIRequest) async throws -> APIResponse {
        let from = try integer(request, "from", 0)
        let limit = min(try integer(request, "limit", 100), limits.maxPageSize)
        guard limit > 0 else { throw APIError.badRequest("limit must be at least 1", "limit 至少为 1") }
        return try await read { ledger in
            let state = try ledger.state()
            let page = try ledger.entries(from: from, limit: limit)
            var object: JSONObject = [
                "size": .integer(Int64(state.count)), "entries": .array(page.map { APIJSON.entry($0, state: state) }),
            ]
            if let last = page.last, last.seq + 1 < state.count { object["next"] = .integer(Int64(last.seq + 1)) }
            return .json(.object(object))
        }
    }

    /// `GET /api/v1/entries/{seq}`: one entry, its status, the entries that approve, reject or reverse it, and its
    /// inclusion proof in the current tree.
    func entry(_ seq: Int, chinese: Bool) async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            guard let entry = try ledger.entry(seq) else {
                throw APIError.notFound("entry \(seq) does not exist; the ledger has \(state.count) entries",
                    "第 \(seq) 条不存在；账本共 \(state.count) 条")
            }
            guard case .object(var object) = APIJSON.entry(entry, state: state) else { return .json(.object([:])) }
            object["referred_by"] = .array(try ledger.entries(referringTo: seq).map { APIJSON.entry($0, state: state) })
            let proof = InclusionProof(ledger: state.founding?.ledgerID ?? "", index: seq, size: state.count, leaf: entry.hash,
                path: try ledger.inclusionProof(index: seq, size: state.count), root: try ledger.merkleRoot(size: state.count))
            object["proof"] = proof.json
            return .json(.object(object))
        }
    }

    /// `GET /api/v1/proofs/inclusion?index=&size=` (size defaults to the whole ledger).
    func inclusion(_ request: APIRequest) async throws -> APIResponse {
        let index = try integer(request, "index")
        let wanted = request.query["size"] == nil ? nil : try integer(request, "size")
        return try await read { ledger in
            let state = try ledger.state()
            let size = wanted ?? state.count
            let path = try ledger.inclusionProof(index: index, size: size)
            guard let entry = try ledger.entry(index) else { throw APIError.notFound("no entry \(index)", "没有第 \(index) 条") }
            return .json(InclusionProof(ledger: state.founding?.ledgerID ?? "", index: index, size: size, leaf: entry.hash,
                path: path, root: try ledger.merkleRoot(size: size)).json)
        }
    }

    /// `GET /api/v1/proofs/consistency?old=&new=` (new defaults to the whole ledger).
    func consistency(_ request: APIRequest) async throws -> APIResponse {
        let old = try integer(request, "old")
        let wanted = request.query["new"] == nil ? nil : try integer(request, "new")
        return try await read { ledger in
            let state = try ledger.state()
            let new = wanted ?? state.count
            let path = try ledger.consistencyProof(old: old, new: new)
            return .json(ConsistencyProof(ledger: state.founding?.ledgerID ?? "", old: old, new: new,
                oldRoot: try ledger.merkleRoot(size: old), newRoot: try ledger.merkleRoot(size: new), path: path).json)
        }
    }

    /// `GET /api/v1/funds`: every fund's cash and in-kind balance, in fen.
    func funds() async throws -> APIResponse {
        try await read { ledger in
            let funds = try ledger.funds().sorted { $0.id < $1.id }
            return .json(["funds": .array(funds.map {
                ["id": .string($0.id), "name": .string($0.name), "cash": .integer($0.cash), "in_kind": .integer($0.inKind)]
            })])
        }
    }

    /// `GET /api/v1/pending`: entries waiting for approval and the keys that may still approve each.
    func pending() async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            return .json(["pending": .array(state.pending.values.sorted { $0.seq < $1.seq }.map { item in
                [
                    "seq": .integer(Int64(item.seq)), "kind": .string(item.kind.rawValue), "hash": .string(item.hash.hex),
                    "author": .string(item.author), "time": .string(item.time.description),
                    "approvals": .array(item.approvals.map { .string($0) }),
                    "may_approve": .array(state.possibleApprovers(of: item).map { .string($0.id) }),
                ]
            })])
        }
    }

    /// `GET /api/v1/members/{id}`: a member's balance and what made it, counting only effective entries.
    func member(_ id: MemberID) async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            guard let record = state.members[id] else { throw Self.unknownMember(id) }
            let figures = MemberFigures(record: record, entries: try ledger.entries(member: id), state: state)
            return .json(figures.json)
        }
    }

    /// `GET /api/v1/members/{id}/statement`: every movement of the member's money with the running balance.
    func statement(_ id: MemberID) async throws -> APIResponse {
        try await read { ledger in
            let state = try ledger.state()
            guard let record = state.members[id] else { throw Self.unknownMember(id) }
            let figures = MemberFigures(record: record, entries: try ledger.entries(member: id), state: state)
            return .json([
                "member": .string(id), "name": .string(record.name), "balance": .integer(record.balance),
                "lines": .array(figures.lines.map {
                    ["seq": .integer(Int64($0.seq)), "time": .string($0.time.description), "kind": .string($0.kind.rawValue),
                     "delta": .integer($0.delta), "balance": .integer($0.balance)]
                }),
            ])
        }
    }

    /// `GET /api/v1/report?from=&to=`: the period's figures (UTC timestamps; both optional).
    func report(_ request: APIRequest) async throws -> APIResponse {
        func time(_ name: String) throws -> Timestamp? {
            guard let text = request.query[name] else { return nil }
            guard let time = Timestamp(text) else {
                throw APIError.badRequest("\(name)=\(text) is not a UTC time YYYY-MM-DDTHH:MM:SSZ", "\(name)=\(text) 不是 UTC 时间 YYYY-MM-DDTHH:MM:SSZ")
            }
            return time
        }
        let start = try time("from"), end = try time("to")
        return try await read { ledger in
            let report = PeriodReport(entries: try ledger.entries(), state: try ledger.state(), start: start, end: end)
            return .json(APIJSON.report(report))
        }
    }

    static func unknownMember(_ id: MemberID) -> APIError {
        .notFound("there is no member \(id)", "没有编号为 \(id) 的成员")
    }
}
