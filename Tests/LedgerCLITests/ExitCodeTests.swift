import Foundation
import LedgerTesting
import Testing

/// The exit codes documented in `CLIFailure`: 0 success · 1 invalid ledger · 2 refused by a rule ·
/// 3 file or storage problem · 4 key or passphrase problem · 64 bad arguments.
@Suite struct ExitCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: Int32
        /// Prepares the society's folder (files to break) and returns the whole command line.
        var arguments: @Sendable (Society) throws -> [String]
        var testDescription: String { "\(name) → \(expected)" }
    }

    static let cases: [Case] = [
        Case(name: "success", expected: 0, arguments: { society in
            ["member", "add", "H001", "--name", "黄", "--ledger", society.ledgerPath, "--key", "c1.pem"]
        }),
        Case(name: "invalid ledger", expected: 1, arguments: { society in
            try Data("{\"body\":1}\n".utf8).write(to: URL(fileURLWithPath: society.path("junk.jsonl")))
            return ["verify", society.path("junk.jsonl")]
        }),
        Case(name: "refused by a rule", expected: 2, arguments: { society in
            ["record", "payout", "--member", "H001", "--amount", "1", "--method", "cash", "--ledger", society.ledgerPath, "--key", "c1.pem"]
        }),
        Case(name: "storage", expected: 3, arguments: { society in
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: society.path("text.db")))
            return ["funds", "--ledger", society.path("text.db")]
        }),
        Case(name: "key", expected: 4, arguments: { society in
            ["member", "add", "H001", "--name", "黄", "--ledger", society.ledgerPath, "--key", "missing.pem"]
        }),
        Case(name: "usage", expected: 64, arguments: { society in
            ["member", "add", "H001", "--nmae", "黄", "--ledger", society.ledgerPath, "--key", "c1.pem"]
        }),
    ]

    @Test(arguments: cases)
    func eachKindOfOutcomeHasItsExitCode(_ scenario: Case) async throws {
        let society = try await Society()
        let result = try await CLI.run(try scenario.arguments(society), in: society.folder)
        #expect(result.status == scenario.expected, "\(result)")
        if scenario.expected == 0 {
            #expect(result.stderr.isEmpty)
        } else {
            #expect(!result.stderr.isEmpty || !result.stdout.isEmpty)
        }
    }
}
