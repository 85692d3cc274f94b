import Foundation
import LedgerCore
import LedgerTesting
import Testing

/// `ledger init`: founds the ledger with its keys and policy and prints the genesis hash.
@Suite struct InitTests {
    @Test func foundsTheLedgerAndPrintsTheGenesisHash() async throws {
        let society = try await Society(founded: false)
        let result = try await society.ledger(
            ["init", "--society", "龙岗村党群互助社", "--committee", "陈=c1.pem.pub", "--oversight", "张=o1.pem.pub",
             "--money-approvals", "1", "--governance-committee", "1", "--governance-oversight", "1"], key: "c1")

        #expect(result.status == 0, "\(result)")
        let entries = try society.entries()
        #expect(entries.count == 1)
        let genesis = try Entry(bytes: try #require(entries.first))
        #expect(result.stdout.contains("Genesis hash: \(genesis.hash.hex)"))
        let state = try society.state()
        #expect(state.founding?.society == "龙岗村党群互助社")
        #expect(state.keys[TestKeys.id(TestKeys.committee1)]?.role == .committee)
        #expect(state.keys[TestKeys.id(TestKeys.oversight1)]?.role == .oversight)
        #expect(state.keys[TestKeys.id(TestKeys.oversight1)]?.holder == "张")
        #expect(state.funds.keys.sorted() == ["general"])
        #expect(state.policy == Policy(governanceCommittee: 1, governanceOversight: 1, moneyApprovals: 1))
    }

    @Test func jsonOutputGivesTheGenesisAndLedgerID() async throws {
        let society = try await Society()
        let genesis = try Entry(bytes: try #require(try society.entries().first))
        #expect(society.genesis == genesis.hash.hex)
        #expect(try society.state().keys.count == 4)
    }

    @Test func theSigningKeyMustBeACommitteeKey() async throws {
        let society = try await Society(founded: false)
        let result = try await society.ledger(
            ["init", "--society", "测试", "--committee", "陈=c1.pem.pub", "--oversight", "张=o1.pem.pub"], key: "o1")
        #expect(result.status == 4)
        #expect(result.stderr.contains("--key must be the private key of one of the --committee keys"))
        #expect(!FileManager.default.fileExists(atPath: society.ledgerPath))
    }

    @Test func anExistingLedgerIsNeverOverwritten() async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["init", "--society", "又一个", "--committee", "李=c2.pem.pub"], key: "c2")
            #expect(result.status == 3)
            #expect(result.stderr.contains("already exists"))
        }
    }
}
