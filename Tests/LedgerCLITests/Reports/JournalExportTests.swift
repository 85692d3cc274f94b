import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger export --format journal`, read by the real hledger: every transaction balances, and hledger's
/// balances equal `ledger funds` and `ledger balance` to the fen.
@Suite struct JournalExportTests {
    /// hledger's `balance -O csv` as fen per account.
    static func hledgerBalances(_ journal: String, in folder: URL) throws -> [String: Fen] {
        let hledger = try Tool.require("hledger", package: "hledger")
        let strict = try Tool.run(hledger, ["-f", journal, "--strict", "check", "ordereddates"], in: folder)
        #expect(strict.status == 0, "hledger check --strict: \(strict)")
        let result = try Tool.run(hledger, ["-f", journal, "balance", "--flat", "--empty", "-O", "csv"], in: folder)
        #expect(result.status == 0, "hledger balance: \(result)")
        var balances: [String: Fen] = [:]
        for line in result.stdout.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard cells.count == 2, cells[0] != "total" else { continue }
            let value = fen(cells[1])
            #expect(value != nil, "hledger printed \(cells[1]) for \(cells[0])")
            balances[cells[0]] = value
        }
        return balances
    }

    /// `-1234.50 CNY` (or `0`) as fen, exactly.
    static func fen(_ text: String) -> Fen? {
        let number = text.replacingOccurrences(of: " CNY", with: "").replacingOccurrences(of: ",", with: "")
        if number == "0" { return 0 }
        let negative = number.hasPrefix("-")
        let parts = number.dropFirst(negative ? 1 : 0).split(separator: ".")
        guard parts.count == 2, parts[1].count == 2, let whole = Fen(parts[0]), let cents = Fen(parts[1]) else { return nil }
        return (negative ? -1 : 1) * (whole * 100 + cents)
    }

    /// Exports the journal of the ledger at `ledger` and checks hledger's totals against the ledger's own.
    static func expectJournalMatches(ledger: String, in folder: URL) async throws {
        let journal = folder.appendingPathComponent("books.journal").path
        let export = try await CLI.run(["export", "--format", "journal", "--ledger", ledger, "--out", journal], in: folder)
        #expect(export.status == 0, "\(export)")
        let balances = try hledgerBalances(journal, in: folder)
        #expect(!balances.isEmpty)

        let funds = try #require(try await CLI.run(["funds", "--json", "--ledger", ledger], in: folder).json()["funds"] as? [[String: Any]])
        for fund in funds {
            let id = try #require(fund["id"] as? String)
            #expect(balances["assets:funds:\(id):cash", default: 0] == fund["cash"] as? Fen, "fund \(id) cash")
            #expect(balances["assets:funds:\(id):in kind", default: 0] == fund["in_kind"] as? Fen, "fund \(id) in kind")
        }
        let members = try #require(try await CLI.run(["balance", "--json", "--ledger", ledger], in: folder).json()["members"] as? [[String: Any]])
        var held: Fen = 0
        for member in members {
            let id = try #require(member["id"] as? String)
            let balance = try #require(member["balance"] as? Fen)
            #expect(balances["liabilities:members:\(id)", default: 0] == -balance, "member \(id)")
            held += balance
        }
        #expect(balances["assets:held for members", default: 0] == held)
        // No account outside the ones the journal documents.
        for account in balances.keys {
            #expect(["assets:funds:", "assets:held for members", "liabilities:members:", "income:", "expenses:"].contains { account.hasPrefix($0) },
                "unexpected account \(account)")
        }
    }

    @Test func theDemoLedgerBalancesInHledger() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-journal-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try await CLI.run(["demo", "--dir", folder.appendingPathComponent("demo").path], in: folder)
        #expect(demo.status == 0, "\(demo)")
        try await Self.expectJournalMatches(ledger: folder.appendingPathComponent("demo/ledger.db").path, in: folder)
    }

    @Test func reversalsRejectionsAndGoodsBalanceInHledger() async throws {
        let society = try await Society.mixed()
        try await Self.expectJournalMatches(ledger: society.ledgerPath, in: society.folder)

        // Income and expenses by hand: donations 10,000 + 200 − 200 in cash and 800 in kind; sales 960 + 300 + 100 − 300,
        // of which 912 + 100 is the households' share; one grant of 2,000; the rejected expense is absent.
        let balances = try Self.hledgerBalances(society.path("books.journal"), in: society.folder)
        #expect(balances["income:donations:cash"] == -1_000_000)
        #expect(balances["income:donations:in kind"] == -80_000)
        #expect(balances["income:produce sales"] == -106_000)
        #expect(balances["expenses:sale proceeds for households"] == 101_200)
        #expect(balances["expenses:grants"] == 200_000)
        #expect(balances["expenses:fund expenses", default: 0] == 0)
        #expect(balances["assets:funds:general:cash"] == 804_800)
        #expect(balances["assets:funds:education:cash", default: 0] == 0)

        // Tags: every transaction names its entry; a reversal is its own transaction, dated where it took effect.
        let text = try String(contentsOfFile: society.path("books.journal"), encoding: .utf8)
        let entries = try society.entries().map { try Entry(bytes: $0) }
        #expect(text.contains("seq:15, kind:reversal, hash:\(entries[15].hash.hex), effective:16"))
        #expect(text.contains("seq:10, kind:grant, hash:\(entries[10].hash.hex), effective:11"))
        #expect(!text.contains("seq:12,"), "the rejected expense moved no money")
        #expect(!text.contains("seq:21,"), "the pending grant moved no money yet")
        let hledger = try Tool.require("hledger", package: "hledger")
        let tagged = try Tool.run(hledger, ["-f", society.path("books.journal"), "register", "tag:seq=17", "-O", "csv"], in: society.folder)
        #expect(tagged.status == 0)
        #expect(tagged.stdout.contains("-300.00 CNY") || tagged.stdout.contains("\"300.00 CNY\""), "\(tagged.stdout)")
    }
}
