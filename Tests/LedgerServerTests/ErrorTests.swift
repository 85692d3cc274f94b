import Foundation
import LedgerCore
import LedgerServer
import LedgerTesting
import Testing

@Suite struct ErrorTests {
    @Test(arguments: [
        ("/api/v1/nothing", [String: String](), 404, "not_found"),
        ("/api/v2/head", [:], 404, "not_found"),
        ("/api/v1/entries/99", [:], 404, "not_found"),
        ("/api/v1/entries/x", [:], 400, "bad_request"),
        ("/api/v1/entries", ["from": "-1"], 400, "bad_request"),
        ("/api/v1/entries", ["limit": "0"], 400, "bad_request"),
        ("/api/v1/members/H99", [:], 404, "not_found"),
        ("/api/v1/members/H99/statement", [:], 404, "not_found"),
        ("/api/v1/proofs/inclusion", [:], 400, "bad_request"),
        ("/api/v1/proofs/inclusion", ["index": "9"], 422, "bad_proof"),
        ("/api/v1/proofs/consistency", ["old": "0"], 422, "bad_proof"),
        ("/api/v1/proofs/consistency", ["old": "2", "new": "50"], 422, "bad_proof"),
        ("/api/v1/report", ["from": "yesterday"], 400, "bad_request"),
    ])
    func errorsAreJSONWithAStableCode(path: String, query: [String: String], status: Int, code: String) async throws {
        let served = try ServedLedger()
        let response = await served.get(path, query)
        #expect(response.status == status)
        #expect(response.contentType.hasPrefix("application/json"))
        #expect(ServedLedger.code(response) == code)
        let message = try #require(ServedLedger.message(response))
        #expect(!message.isEmpty && !message.contains("Swift") && !message.contains(".swift"))
    }

    @Test func theMessageSpeaksTheAskersLanguage() async throws {
        let served = try ServedLedger()
        let english = ServedLedger.message(await served.get("/api/v1/members/H99"))
        let header = ServedLedger.message(await served.get("/api/v1/members/H99", lang: "zh-CN,zh;q=0.9"))
        let query = ServedLedger.message(await served.get("/api/v1/members/H99", ["lang": "zh"]))
        #expect(english == "there is no member H99")
        #expect(header == "没有编号为 H99 的成员")
        #expect(query == header)
    }

    @Test func otherMethodsAreRefused() async throws {
        let served = try ServedLedger()
        let post = await served.post("/api/v1/head", [])
        #expect(post.status == 405 && ServedLedger.code(post) == "method_not_allowed")
        let other = await served.api.respond(to: APIRequest(method: .other, path: "/api/v1/head"))
        #expect(other.status == 405)
    }

    @Test func aClientOverItsRateIsAskedToWait() async throws {
        let served = try ServedLedger(limits: ServerLimits(requestsPerSecond: 0.01, burst: 3))
        var statuses: [Int] = []
        for _ in 0..<5 { statuses.append(await served.api.respond(to: APIRequest(method: .get, path: "/api/v1/head", client: "10.0.0.9")).status) }
        #expect(statuses == [200, 200, 200, 429, 429])
        let limited = await served.api.respond(to: APIRequest(method: .get, path: "/api/v1/head", client: "10.0.0.9"))
        #expect(ServedLedger.code(limited) == "rate_limited")
        // One token comes back every 100 seconds at this rate.
        let wait = try #require(limited.headers["Retry-After"].flatMap { Int($0) })
        #expect(wait > 0 && wait <= 100)
        #expect(await served.api.respond(to: APIRequest(method: .get, path: "/api/v1/head", client: "10.0.0.10")).status == 200)
    }

    @Test func aCheckpointNoteIsCheckedBeforeItIsKept() async throws {
        let served = try ServedLedger()
        let state = try served.store.state()
        let root = try served.store.merkleRoot(size: 4)
        var note = SignedNote(text: CheckpointNote(ledgerID: try #require(state.founding).ledgerID, size: 4, root: root).text)
        try note.sign(with: NoteSigner(name: TestKeys.id(TestKeys.oversight1), key: TestKeys.oversight1))
        let kept = await served.post("/api/v1/checkpoint", Array(note.formatted.utf8))
        #expect(kept.status == 201)
        let answer = await served.get("/api/v1/checkpoint")
        let signed = try #require(answer.jsonObject?["signed"] as? [String: Any], "\(String(decoding: answer.body, as: UTF8.self))")
        #expect(signed["signers"] as? [String] == [TestKeys.id(TestKeys.oversight1)])
        var stranger = SignedNote(text: note.text)
        try stranger.sign(with: NoteSigner(name: "stranger", key: TestKeys.key("stranger")))
        let refused = await served.post("/api/v1/checkpoint", Array(stranger.formatted.utf8))
        #expect(refused.status == 422 && ServedLedger.code(refused) == "bad_checkpoint_note")
    }
}
