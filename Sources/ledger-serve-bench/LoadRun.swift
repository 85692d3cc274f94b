import Foundation
import LedgerCore
import LedgerCrypto
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request of the run: what it was, how long it took, and whether it succeeded.
struct Outcome: Sendable {
    enum Kind: String, Sendable { case read, append }
    var kind: Kind
    var milliseconds: Double
    var ok: Bool
    var detail: String
    /// For an accepted append: the entry's hash.
    var appended: EntryHash?
    /// For an append: how many times it had to be rebuilt after a 409.
    var retries = 0
}

/// The clients: each takes its share of reads and appends, interleaved, one request at a time.
struct LoadRun: Sendable {
    let base: String
    let society: BenchSociety
    let options: Options

    func run() async throws -> [Outcome] {
        try await withThrowingTaskGroup(of: [Outcome].self) { group in
            for client in 0..<options.clients {
                let reads = options.reads / options.clients + (client < options.reads % options.clients ? 1 : 0)
                let appends = options.appends / options.clients + (client < options.appends % options.clients ? 1 : 0)
                group.addTask { try await self.client(client, reads: reads, appends: appends) }
            }
            var all: [Outcome] = []
            for try await outcomes in group { all += outcomes }
            return all
        }
    }

    private static let readPaths = ["/api/v1/head", "/api/v1/entries?from=0&limit=50", "/api/v1/members/H001",
                                    "/api/v1/checkpoint", "/api/v1/pending", "/api/v1/funds", "/api/v1/entries/5",
                                    "/api/v1/members/H002/statement"]

    private func client(_ number: Int, reads: Int, appends: Int) async throws -> [Outcome] {
        let session = URLSession(configuration: .ephemeral)
        let signer = society.committee[number % society.committee.count]
        var outcomes: [Outcome] = []
        var readsLeft = reads, appendsLeft = appends
        var step = 0
        while readsLeft > 0 || appendsLeft > 0 {
            // Spread the appends evenly among the reads.
            let appendNow = appendsLeft > 0 && (readsLeft == 0 || step % max(1, (reads + appends) / max(1, appends)) == 0)
            if appendNow {
                outcomes.append(try await append(session, signer: signer, member: String(format: "H%03d", number + 1), amount: Int64(100 + step)))
                appendsLeft -= 1
            } else {
                let path = Self.readPaths[(step + number) % Self.readPaths.count]
                let started = Date()
                let (status, _) = try await send(session, path)
                outcomes.append(Outcome(kind: .read, milliseconds: Date().timeIntervalSince(started) * 1000, ok: status == 200,
                    detail: "GET \(path) → \(status)"))
                readsLeft -= 1
            }
            step += 1
        }
        return outcomes
    }

    /// Head, build, sign, post; after a 409, again with the new head. The latency covers every attempt.
    private func append(_ session: URLSession, signer: Ed25519.PrivateKey, member: String, amount: Int64) async throws -> Outcome {
        let started = Date()
        let author = Rules.keyID(publicKey: signer.publicKey.rawRepresentation)
        for attempt in 0..<50 {
            let (_, headData) = try await send(session, "/api/v1/head")
            let head = (try? JSONSerialization.jsonObject(with: headData)) as? [String: Any] ?? [:]
            guard let size = head["size"] as? Int, let prev = (head["head"] as? String).flatMap(EntryHash.init(hex:)) else { break }
            let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            let time = max(now, (head["last_time"] as? String).flatMap(Timestamp.init) ?? now)
            let entry = try Entry.sign(Body(seq: size, prev: prev, time: time, author: author,
                payload: .sale(Sale(member: member, product: "大米", quantity: "1", unit: "斤", amount: amount))), with: signer)
            let (status, body) = try await send(session, "/api/v1/entries", post: entry.bytes)
            if status == 409 { continue }
            return Outcome(kind: .append, milliseconds: Date().timeIntervalSince(started) * 1000, ok: status == 201,
                detail: "POST → \(status) \(String(decoding: body, as: UTF8.self))", appended: status == 201 ? entry.hash : nil, retries: attempt)
        }
        return Outcome(kind: .append, milliseconds: Date().timeIntervalSince(started) * 1000, ok: false, detail: "POST kept conflicting")
    }

    private func send(_ session: URLSession, _ path: String, post body: [UInt8]? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = Data(body)
        }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
