import Foundation
import LedgerCore
import LedgerCrypto
import LedgerServer
import LedgerStore
import LedgerTesting
import Testing

/// A ledger in memory behind a ``LedgerAPI``, with a founding, a member, a donation and a grant awaiting approval.
///
/// Seq 0 genesis · 1 member H01 黄大伯 (memo "private memo") · 2 donation ¥1,000 to general · 3 grant ¥200 to H01,
/// pending (recorded by committee1).
struct ServedLedger {
    let store: SQLiteLedger
    let api: LedgerAPI
    /// The server's clock: a minute after the last fixture entry.
    let now: Timestamp

    init(limits: ServerLimits = ServerLimits(requestsPerSecond: 0)) throws {
        var fixture = try TestLedger()
        try fixture.append(.memberAdd(MemberAdd(member: "H01", name: "黄大伯", note: "private note")), by: TestKeys.committee1,
            memo: "private memo")
        try fixture.append(.donation(Donation(donor: "某超市", amount: 100_000)), by: TestKeys.committee2)
        try fixture.append(.grant(Grant(member: "H01", amount: 20_000, purpose: "医疗救助")), by: TestKeys.committee1)
        store = try SQLiteLedger.inMemory()
        for entry in fixture.entries { try store.append(entry, now: fixture.now) }
        let now = Timestamp(secondsSinceEpoch: fixture.now.secondsSinceEpoch + 60)
        self.now = now
        api = LedgerAPI(ledger: store, limits: limits, clock: { now })
    }

    func get(_ path: String, _ query: [String: String] = [:], lang: String? = nil) async -> APIResponse {
        await api.respond(to: APIRequest(method: .get, path: path, query: query, acceptLanguage: lang))
    }

    func post(_ path: String, _ body: [UInt8], lang: String? = nil) async -> APIResponse {
        await api.respond(to: APIRequest(method: .post, path: path, acceptLanguage: lang, body: body))
    }

    /// The next entry, built on the current head and signed with `key`.
    func next(_ payload: Payload, by key: Ed25519.PrivateKey) throws -> Entry {
        try store.state().compose(payload, signer: key, now: now)
    }

    /// The error code of a JSON error answer.
    static func code(_ response: APIResponse) -> String? {
        (response.jsonObject?["error"] as? [String: Any])?["code"] as? String
    }

    static func message(_ response: APIResponse) -> String? {
        (response.jsonObject?["error"] as? [String: Any])?["message"] as? String
    }
}
