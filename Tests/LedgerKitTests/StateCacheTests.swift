import Foundation
import LedgerCore
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// A ledger kept open keeps its whole state between reads and folds its own appends into it. What it returns must
/// always be what the file says: the same as a fresh open, after its own appends, a refused one, and another
/// writer's.
@Suite struct StateCacheTests {
    @Test func theKeptStateIsTheFilesAfterOwnAppendsRefusalsAndAnotherWriters() throws {
        let folder = try TemporaryFolder()
        let (ledger, keys) = try EffectsTableTests.demoYearWithKeys(in: folder)
        let path = folder.path("demo.db")
        let fresh = { try SQLiteLedger.open(at: path, readOnly: true).state() }
        // The year's appends (grants approved, payouts, reversals, rejections, receipts) went through this instance.
        #expect(try ledger.state() == (try fresh()))
        #expect(try ledger.state().receipts.count > 0)

        // A refusal in a transaction of its own leaves it as it was.
        let state = try ledger.state()
        let member = try #require(state.members.values.filter { !$0.closed }.min { $0.id < $1.id })
        #expect(throws: LedgerError.self) {
            try ledger.append(.payout(Payout(member: member.id, amount: member.balance + 1_000_000, method: .cash)),
                signer: try #require(keys["wang"]), now: state.lastTime!)
        }
        let afterRefusal = try ledger.state()
        #expect(afterRefusal == (try fresh()))

        // Another writer's append, through another instance: the kept state is stale and read again.
        let other = try SQLiteLedger.open(at: path)
        try other.append(.donation(Donation(donor: "另一进程", amount: 12_345, receipt: "CACHE-1")),
            signer: try #require(keys["wang"]), now: afterRefusal.lastTime!)
        let seen = try ledger.state()
        #expect(seen.count == afterRefusal.count + 1 && seen.receipts.contains("CACHE-1"))
        #expect(seen == (try fresh()))

        // And its own append after that, folded in.
        try ledger.append(.donation(Donation(donor: "本进程", amount: 500, receipt: "CACHE-2")),
            signer: try #require(keys["wang"]), now: seen.lastTime!)
        #expect(try ledger.state() == (try fresh()))
    }
}
