import Foundation
import LedgerCore
import LedgerTesting
import Testing

/// `import --genesis` and `mirror --genesis` refuse a ledger with another genesis and write nothing; without a pin
/// they say which genesis they accepted and that it was not pinned.
@Suite struct GenesisPinTests {
    @Test func importRefusesAnotherGenesisAndSaysWhatItAcceptedOtherwise() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let exported = try await society.ledger(["export", "--out", society.path("backup.jsonl")])
        #expect(exported.status == 0, "\(exported)")
        let other = String(repeating: "ab", count: 32)
        let refused = try await CLI.run(["import", society.path("backup.jsonl"), "--genesis", other, "--ledger", society.path("a.db")], in: society.folder)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("[genesis_mismatch]"))
        #expect(!FileManager.default.fileExists(atPath: society.path("a.db")))

        let pinned = try await CLI.run(["import", society.path("backup.jsonl"), "--genesis", society.genesis, "--ledger", society.path("b.db")], in: society.folder)
        #expect(pinned.status == 0, "\(pinned)")
        #expect(pinned.stdout.contains("matches the pinned hash"))

        let unpinned = try await CLI.run(["import", society.path("backup.jsonl"), "--ledger", society.path("c.db"), "--json"], in: society.folder)
        #expect(unpinned.status == 0, "\(unpinned)")
        #expect(unpinned.jsonObject["genesis"] as? String == society.genesis)
        #expect(unpinned.jsonObject["genesis_pinned"] as? Bool == false)
        let said = try await CLI.run(["import", society.path("backup.jsonl"), "--ledger", society.path("d.db")], in: society.folder)
        #expect(said.stdout.contains(society.genesis) && said.stdout.contains("NOT pinned"), "\(said)")

        let malformed = try await CLI.run(["import", society.path("backup.jsonl"), "--genesis", "ABC", "--ledger", society.path("e.db")], in: society.folder)
        #expect(malformed.status == 64)
    }
}
