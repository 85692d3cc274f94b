import Foundation
import LedgerCore
import LedgerCrypto
import LedgerServer
import LedgerStore
import LedgerTesting
import Testing

@Suite struct SubmitTests {
    @Test func aSignedEntryIsAppended() async throws {
        let served = try ServedLedger()
        let target = try #require(try served.store.entry(3))
        let approval = try served.next(.approve(Approve(target: 3, hash: target.hash)), by: TestKeys.oversight1)
        let response = await served.post("/api/v1/entries", approval.bytes)
        let object = try #require(response.jsonObject)
        #expect(response.status == 201)
        #expect(object["seq"] as? Int == 4)
        #expect(object["hash"] as? String == approval.hash.hex)
        #expect(object["target_effective"] as? Bool == true)
        #expect(try served.store.member("H01")?.balance == 20_000)
        #expect(try served.store.entry(4)?.bytes == approval.bytes)
    }

    @Test func theSameEntryTwiceIsADuplicate() async throws {
        let served = try ServedLedger()
        let entry = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.committee1)
        #expect(await served.post("/api/v1/entries", entry.bytes).status == 201)
        let again = await served.post("/api/v1/entries", entry.bytes)
        #expect(again.status == 409)
        #expect(ServedLedger.code(again) == "duplicate")
        #expect((again.jsonObject?["head"] as? [String: Any])?["size"] as? Int == 5)
        #expect(try served.store.count() == 5)
    }

    @Test func anEntryOnAStaleHeadGets409WithTheHead() async throws {
        let served = try ServedLedger()
        let first = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.committee1)
        let rival = try served.next(.donation(Donation(donor: "李叔", amount: 700)), by: TestKeys.committee2)
        #expect(await served.post("/api/v1/entries", first.bytes).status == 201)
        let response = await served.post("/api/v1/entries", rival.bytes, lang: "zh-CN")
        #expect(response.status == 409)
        #expect(ServedLedger.code(response) == "stale_head")
        #expect(ServedLedger.message(response)?.contains("未写入任何内容") == true)
        let head = try #require(response.jsonObject?["head"] as? [String: Any])
        #expect(head["size"] as? Int == 5)
        #expect(head["head"] as? String == first.hash.hex)
        #expect(try served.store.count() == 5)
    }

    /// Each forgery is refused with its rule's code, and the ledger is byte-for-byte what it was.
    @Test(arguments: [
        ("bad_signature", 422), ("unknown_key", 422), ("wrong_role", 422), ("self_approval", 422), ("member_overdraft", 422),
    ])
    func forgeriesAreRefusedAndNothingChanges(code: String, status: Int) async throws {
        let served = try ServedLedger()
        let before = try served.store.entries().map(\.bytes)
        let rootBefore = try served.store.merkleRoot()
        let grant = try #require(try served.store.entry(3))
        let entry: Entry
        switch code {
        case "bad_signature":
            let honest = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.committee1)
            var text = String(decoding: honest.bytes, as: UTF8.self)
            let sig = try #require(text.range(of: "\"sig\":\""))
            let at = text.index(sig.upperBound, offsetBy: 10)
            text.replaceSubrange(at...at, with: text[at] == "A" ? "B" : "A")
            entry = try Entry(bytes: Array(text.utf8))
        case "unknown_key": entry = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.key("stranger"))
        case "wrong_role": entry = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.oversight1)
        case "self_approval": entry = try served.next(.approve(Approve(target: 3, hash: grant.hash)), by: TestKeys.committee1)
        default: entry = try served.next(.payout(Payout(member: "H01", amount: 100, method: .cash)), by: TestKeys.committee1)
        }
        let response = await served.post("/api/v1/entries", entry.bytes)
        #expect(response.status == status)
        #expect(ServedLedger.code(response) == code)
        #expect(ServedLedger.message(response)?.contains("nothing was written") == true)
        #expect(try served.store.entries().map(\.bytes) == before)
        #expect(try served.store.merkleRoot() == rootBefore)
    }

    /// A well-signed `key.add` of the identity point (small order): refused as a rule, never stored.
    @Test func aWeakKeyIsRefusedWithItsOwnCode() async throws {
        let identity = [UInt8(1)] + [UInt8](repeating: 0, count: 31)
        try await expectRefused(.keyAdd(KeyAdd(key: KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: identity))),
            code: "weak_key", saying: "小阶密钥", lang: "zh-CN")
    }

    /// A new entry posted with a right-to-left override in its donor's name is refused, naming the field.
    @Test func deceptiveTextIsRefusedOnTheWayIn() async throws {
        try await expectRefused(.donation(Donation(donor: "\u{202E}业企心爱", amount: 500)),
            code: "deceptive_text", saying: "data.donor")
    }

    /// Signs `payload` by the first committee key on top of a served ledger, posts it, and expects a 422 with `code`
    /// and a message containing `saying`, and the ledger exactly as it was.
    private func expectRefused(_ payload: Payload, code: String, saying: String, lang: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let served = try ServedLedger()
        let before = try served.store.entries().map(\.bytes)
        var chain = HandSignedChain(lines: before, time: try #require(try served.store.state().lastTime))
        try chain.append(payload, by: TestKeys.committee1)
        let response = await served.post("/api/v1/entries", try #require(chain.lines.last), lang: lang)
        #expect(response.status == 422, sourceLocation: sourceLocation)
        #expect(ServedLedger.code(response) == code, sourceLocation: sourceLocation)
        #expect(ServedLedger.message(response)?.contains(saying) == true, sourceLocation: sourceLocation)
        #expect(try served.store.entries().map(\.bytes) == before, sourceLocation: sourceLocation)
    }

    /// docs/API.md: line ends after the entry are removed, and the stored bytes are the entry's own; anything else
    /// around it is refused.
    @Test func trailingLineEndsAreRemovedAndNothingElseIs() async throws {
        let served = try ServedLedger()
        let entry = try served.next(.donation(Donation(donor: "王姐", amount: 500)), by: TestKeys.committee1)
        let leading = await served.post("/api/v1/entries", Array(" ".utf8) + entry.bytes)
        #expect(leading.status == 400 && ServedLedger.code(leading) == "non_canonical")
        let bom = await served.post("/api/v1/entries", [0xEF, 0xBB, 0xBF] + entry.bytes)
        #expect(bom.status == 400)
        let response = await served.post("/api/v1/entries", entry.bytes + Array("\r\n\r\n\n".utf8))
        #expect(response.status == 201)
        #expect(try served.store.entry(4)?.bytes == entry.bytes)
    }

    @Test func malformedAndOversizedBodies() async throws {
        let served = try ServedLedger()
        let garbage = await served.post("/api/v1/entries", Array("{not json".utf8))
        #expect(garbage.status == 400)
        #expect(ServedLedger.code(garbage) == "non_canonical")
        let shape = await served.post("/api/v1/entries", Array(#"{"body":{}}"#.utf8))
        #expect(shape.status == 400)
        #expect(ServedLedger.code(shape) == "bad_shape")
        let big = await served.post("/api/v1/entries", Array(repeating: 0x20, count: 200_000))
        #expect(big.status == 413)
        #expect(ServedLedger.code(big) == "too_large")
        #expect(try served.store.count() == 4)
    }

    @Test func aFutureTimeIsARuleRefusal() async throws {
        let served = try ServedLedger()
        let state = try served.store.state()
        let late = Timestamp(secondsSinceEpoch: served.now.secondsSinceEpoch + 3600)
        let entry = try state.compose(.donation(Donation(donor: "王姐", amount: 500)), signer: TestKeys.committee1, now: late)
        let response = await served.post("/api/v1/entries", entry.bytes)
        #expect(response.status == 422)
        #expect(ServedLedger.code(response) == "future_time")
    }
}
