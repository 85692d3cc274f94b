import Foundation
import LedgerCore
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// The remote client against the server application in this process: it signs here, posts, and reads back only
/// what it checked itself.
@Suite struct RemoteLedgerTests {
    @Test func anEntrySignedHereIsAppendedThereAndTheReplicaVerifies() async throws {
        let served = try StoredLedger.society()
        let clock = MirrorTests.clock(served)
        let store = served.store
        let hash = try #require(try store.entry(7)).hash
        try await InProcessServer.serving(store, clock: clock) { url in
            let remote = try RemoteLedger(url)
            let head = try await remote.head()
            #expect(head.size == 8)
            let result = try await remote.submit(.approve(Approve(target: 7, hash: hash)), memo: nil,
                signer: TestKeys.oversight2, now: clock)
            #expect(result.entry.seq == 8 && result.status == .effective && result.targetTookEffect)
            let replica = try await remote.replica()
            #expect(try replica.state() == (try store.state()))
        }
        #expect(try served.store.count() == 9)
    }

    @Test func aRefusalComesBackWithTheServersCodeInTheAskersLanguage() async throws {
        let served = try StoredLedger.society()
        let clock = MirrorTests.clock(served)
        let hash = try #require(try served.store.entry(7)).hash
        try await InProcessServer.serving(served.store, clock: clock) { url in
            let remote = try RemoteLedger(url)
            do {
                // The author approving their own grant.
                _ = try await Language.$current.withValue(.zh) {
                    try await remote.submit(.approve(Approve(target: 7, hash: hash)), memo: nil, signer: TestKeys.committee1, now: clock)
                }
                Issue.record("a self-approval was accepted")
            } catch let error as KitError {
                #expect(error.code == .refused)
                #expect(error.message.chinese.contains("[self_approval]") && error.message.chinese.contains("未写入任何内容"))
            }
        }
        #expect(try served.store.count() == 8)
    }

    @Test func anAddressThatIsNotAServerIsRefusedAndAnAbsentOneIsUnreachable() async throws {
        #expect(throws: KitError(.badInput, en: "", zh: "")) { try RemoteLedger("ftp://example") }
        let remote = try RemoteLedger("http://127.0.0.1:9")
        await #expect(throws: KitError.self) { _ = try await remote.head() }
        do {
            _ = try await remote.head()
        } catch {
            #expect(error.code == .unreachable)
        }
    }
}
