import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// The store's derived tables (state snapshot, entry index, Merkle nodes) always agree with a replay of its bytes.
@Suite struct DerivedStateTests {
    @Test func stateAfterEveryAppendEqualsAReplayOfTheStoredEntries() throws {
        let folder = try TemporaryFolder()
        let ledger = try FileLedger.create(at: folder.path("ledger.db"))
        var checked = 0
        try History.append(to: ledger) { ledger in
            let verifier = try FileLedger.replay(ledger)
            #expect(verifier.failure == nil)
            #expect(verifier.state == (try ledger.state()))
            #expect(verifier.tree.root == (try ledger.merkleRoot()))
            checked += 1
        }
        #expect(checked == History.count - 1)
    }

    @Test func balancesAndPendingMatchTheReplaySummary() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        try FileLedger.createWithHistory(at: path)
        let ledger = try SQLiteLedger.open(at: path, readOnly: true)
        let state = try ledger.state()
        guard case .valid(let summary) = try FileLedger.replay(ledger, batchSize: 5).finish() else {
            Issue.record("the stored history does not verify")
            return
        }
        #expect(summary.entries == History.count)
        #expect(summary.funds == state.funds.mapValues(\.cash))
        #expect(summary.inKind == state.funds.mapValues(\.inKind))
        #expect(summary.members == state.members.mapValues(\.balance))
        #expect(summary.pending == state.pending.keys.sorted())
        #expect(summary.head == state.head)

        let general: Fen = History.generalCash
        let inKind: Fen = History.generalInKind
        let medical: Fen = History.medicalCash
        let h001: Fen = History.h001Balance
        let h002: Fen = History.h002Balance
        #expect(state.funds["general"]?.cash == general)
        #expect(state.funds["general"]?.inKind == inKind)
        #expect(state.funds["medical"]?.cash == medical)
        #expect(state.members["H001"]?.balance == h001)
        #expect(state.members["H002"]?.balance == h002)
        #expect(state.pending.keys.sorted() == History.pending)
        #expect(state.rejected == [10])
        #expect(state.reversed == [12])
    }

    @Test func entriesByMemberKindAndTargetReturnTheRightSeqs() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        try FileLedger.createWithHistory(at: path)
        let ledger = try SQLiteLedger.open(at: path, readOnly: true)

        #expect(try ledger.entries(member: "H001").map(\.seq) == History.h001Seqs)
        #expect(try ledger.entries(member: "H002").map(\.seq) == History.h002Seqs)
        #expect(try ledger.entries(member: "H404").isEmpty)
        #expect(try ledger.entries(kind: .approve).map(\.seq) == History.approvalSeqs)
        #expect(try ledger.entries(kind: .donation).map(\.seq) == History.donationSeqs)
        #expect(try ledger.entries(kind: .checkpoint).isEmpty)
        #expect(try ledger.entries(from: 5, limit: 3, member: "H001").map(\.seq) == [5, 8, 9])
        #expect(try ledger.entries(from: 14).map(\.seq) == [14, 15, 16])
        #expect(try ledger.entries(referringTo: 6).map(\.seq) == [7])
        #expect(try ledger.entries(referringTo: 10).map(\.seq) == [11])
        #expect(try ledger.entries(referringTo: 12).map(\.seq) == [13])
        #expect(try ledger.entries(referringTo: 13).map(\.seq) == [14])
        #expect(try ledger.entries(referringTo: 15).isEmpty)
        #expect(try ledger.entry(History.count) == nil)
    }

    @Test func forEachBatchHandsOverEveryEntryOnceInOrder() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.db")
        try FileLedger.createWithHistory(at: path)
        let ledger = try SQLiteLedger.open(at: path, readOnly: true)
        for size in [1, 4, History.count, 1000] {
            var batches: [[[UInt8]]] = []
            try ledger.forEachBatch(of: size) { batch throws(LedgerError) in batches.append(batch) }
            let lines = batches.flatMap { $0 }
            #expect(lines.count == History.count)
            #expect(batches.allSatisfy { $0.count <= size && !$0.isEmpty })
            let seqs = try lines.map { try Entry(bytes: $0).seq }
            #expect(seqs == Array(0..<History.count))
        }
    }
}
