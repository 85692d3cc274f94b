import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// Bad input gets a clear message and a non-zero exit, and changes nothing.
@Suite struct BadInputTests {
    @Test(arguments: ["1.234", "-5", "0", "abc", "0.001", "1e3", "¥"])
    func aMalformedAmountIsRefusedBeforeTheLedgerIsOpened(_ amount: String) async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["record", "donation", "--donor", "某人", "--amount=\(amount)"], key: "c1")
            #expect(result.status == 64)
            #expect(result.stderr.contains("The value '\(amount)' is invalid for '--amount <amount>'"))
            #expect(result.stderr.contains("at most two decimals"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anUnknownMemberIsRefused() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.expectUnchanged {
            let result = try await society.ledger(
                ["record", "sale", "--member", "H999", "--product", "番薯", "--quantity", "50", "--unit", "斤", "--amount", "100"],
                key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[unknown_member]"))
            #expect(result.stderr.contains("member H999 does not exist"))
            #expect(result.stderr.contains("nothing was written"))
        }
    }

    @Test func anUnknownFundIsRefused() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.expectUnchanged {
            let result = try await society.ledger(["record", "donation", "--donor", "某人", "--amount", "10", "--fund", "nofund"], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("[unknown_fund]"))
            #expect(result.stderr.contains("nofund"))
        }
    }

    @Test func aCommandThatSignsNeedsAKey() async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["member", "add", "H001", "--name", "黄大伯"])
            #expect(result.status == 4)
            #expect(result.stderr.contains("give --key YOUR-KEY.pem (or set LEDGER_KEY)"))
        }
        // LEDGER_KEY is the documented fallback.
        let withEnvironment = try await society.ledger(
            ["member", "add", "H001", "--name", "黄大伯"], environment: ["LEDGER_KEY": society.path("c1.pem")])
        #expect(withEnvironment.status == 0, "\(withEnvironment)")
    }

    @Test func aMissingLedgerIsNotCreated() async throws {
        let society = try await Society(founded: false)
        let result = try await CLI.run(["member", "add", "H001", "--name", "黄", "--key", "c1.pem", "--ledger", "none.db"], in: society.folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("there is no ledger at none.db"))
        #expect(!FileManager.default.fileExists(atPath: society.path("none.db")))
    }

    @Test func aMissingRequiredOptionIsAUsageError() async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["record", "grant", "--member", "H001", "--amount", "5"], key: "c1")
            #expect(result.status == 64)
            #expect(result.stderr.contains("--purpose"))
        }
    }
}
