import Foundation
import LedgerCore
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// The mirror against the real server application in this process: it follows honest growth, checks every entry,
/// and stops with evidence, leaving its copy untouched, when the server's history no longer extends the copy.
@Suite struct MirrorTests {
    static func clock(_ ledger: StoredLedger) -> @Sendable () -> Timestamp {
        let now = Timestamp(secondsSinceEpoch: ledger.now.secondsSinceEpoch + 60)
        return { now }
    }

    @Test func followsHonestGrowthAndChecksTheSignedCheckpoint() async throws {
        let folder = try TemporaryFolder()
        var served = try StoredLedger.society()
        let copy = folder.path("copy.db")
        let first = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url in
            try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
        }
        #expect(first.size == 8 && first.added == 8)
        #expect(first.fingerprint == nil)
        try served.append(.donation(Donation(donor: "王姐", amount: 30_000)), by: TestKeys.committee2)
        let state = try served.store.state()
        var note = SignedNote(text: CheckpointNote(ledgerID: state.founding!.ledgerID, size: state.count,
            root: try served.store.merkleRoot(size: state.count)).text)
        try note.sign(with: NoteSigner(name: TestKeys.id(TestKeys.oversight1), key: TestKeys.oversight1))
        try served.store.saveCheckpointNote(note, size: state.count)
        let second = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url in
            try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
        }
        #expect(second.size == 9 && second.added == 1)
        #expect(second.root == (try served.store.merkleRoot(size: 9)))
        #expect(second.fingerprint == CheckpointNote(text: note.text)?.fingerprint)
        let mirrored = try SQLiteLedger.open(at: copy, readOnly: true)
        #expect(try mirrored.state() == state)
        #expect(try mirrored.latestCheckpointNote()?.formatted == note.formatted)
    }

    @Test func stopsWithEvidenceWhenTheServerWentBackwards() async throws {
        let folder = try TemporaryFolder()
        var served = try StoredLedger.society()
        let older = try StoredLedger(served.fixture)
        try served.append(.donation(Donation(donor: "王姐", amount: 30_000)), by: TestKeys.committee2)
        let copy = folder.path("copy.db")
        _ = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url in
            try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
        }
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: copy))
        let failure = try await InProcessServer.serving(older.store, clock: Self.clock(older)) { url -> KitError? in
            do {
                _ = try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
                return nil
            } catch let error as KitError {
                return error
            }
        }
        let error = try #require(failure, "the mirror took a shorter history")
        #expect(error.code == .invalid)
        #expect(error.message.english.contains("went backwards") && error.message.chinese.contains("历史倒退"))
        #expect(error.message.english.contains("\n9\n") && error.message.english.contains("\n8\n"), "both tree sizes")
        #expect(FileManager.default.fileExists(atPath: copy + ".evidence.txt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytesBefore, "the copy changed")
    }

    @Test func stopsWhenTheServerRewroteHistory() async throws {
        let folder = try TemporaryFolder()
        var served = try StoredLedger.society()
        var rewritten = try StoredLedger(try TestLedger())
        for entry in served.fixture.entries.dropFirst().prefix(3) { _ = entry }
        try rewritten.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        for donor in ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"] {
            try rewritten.append(.donation(Donation(donor: donor, amount: 100)), by: TestKeys.committee2)
        }
        try served.append(.donation(Donation(donor: "王姐", amount: 30_000)), by: TestKeys.committee2)
        let copy = folder.path("copy.db")
        _ = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url in
            try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
        }
        let failure = try await InProcessServer.serving(rewritten.store, clock: Self.clock(rewritten)) { url -> KitError? in
            do {
                _ = try await LedgerMirror(server: RemoteLedger(url), path: copy).pullOnce()
                return nil
            } catch let error as KitError {
                return error
            }
        }
        let error = try #require(failure, "the mirror took a rewritten history")
        #expect(error.code == .invalid)
        #expect(error.message.english.contains("rewritten or forked"))
        #expect(try SQLiteLedger.open(at: copy, readOnly: true).count() == 9)
    }

    @Test func aPinnedGenesisIsCheckedBeforeAnythingIsCopied() async throws {
        let folder = try TemporaryFolder()
        let served = try StoredLedger.society()
        let genesis = try #require(try served.store.state().founding?.genesisHash)
        let other = try #require(EntryHash(hex: String(repeating: "cd", count: 32)))
        let copy = folder.path("copy.db")
        let failure = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url -> KitError? in
            do {
                _ = try await LedgerMirror(server: RemoteLedger(url), path: copy, pinnedGenesis: other).pullOnce()
                return nil
            } catch let error as KitError {
                return error
            }
        }
        #expect(failure?.code == .invalid && failure?.message.english.contains("[genesis_mismatch]") == true)
        #expect(!FileManager.default.fileExists(atPath: copy), "a copy was started from the wrong genesis")
        let outcome = try await InProcessServer.serving(served.store, clock: Self.clock(served)) { url in
            try await LedgerMirror(server: RemoteLedger(url), path: copy, pinnedGenesis: genesis).pullOnce()
        }
        #expect(outcome.genesis == genesis && outcome.size == 8)
    }
}
