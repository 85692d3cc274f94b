import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// The command line refuses a direction override in a new entry before signing, and shows one kept in an older entry
/// escaped instead of sending it to the terminal.
@Suite struct DeceptiveTextTests {
    @Test func aNewEntryWithAnOverrideIsRefusedAndNothingIsWritten() async throws {
        let society = try await Society()
        try await society.expectUnchanged {
            let result = try await society.ledger(["record", "donation", "--donor", "\u{202E}业企心爱", "--amount", "5"], key: "c1")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("[deceptive_text]") && result.stderr.contains("data.donor") && result.stderr.contains("U+202E"))
            let chinese = try await society.ledger(["record", "donation", "--donor", "爱心", "--amount", "5", "--memo", "备注\u{009B}"],
                key: "c1", lang: "zh_CN.UTF-8")
            #expect(chinese.status == 2 && chinese.stderr.contains("字段“memo”"), "\(chinese)")
        }
    }

    @Test func anOlderEntryHoldingOneIsShownEscaped() async throws {
        let society = try await Society()
        let ledger = try SQLiteLedger.open(at: society.ledgerPath)
        let state = try ledger.state()
        var chain = HandSignedChain(lines: try society.entries(), time: try #require(state.lastTime))
        try chain.append(.donation(Donation(donor: "\u{202E}业企心爱", amount: 500)), by: TestKeys.committee1, memo: "\u{009B}31m")
        try ledger.append(try Entry(bytes: try #require(chain.lines.last)), now: .init(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        for command in [["log"], ["show", "1"]] {
            let result = try await society.ledger(command)
            #expect(result.status == 0, "\(result)")
            #expect(!result.stdout.unicodeScalars.contains("\u{202E}") && !result.stdout.unicodeScalars.contains("\u{009B}"),
                "\(command) sent the raw character to the terminal")
            #expect(result.stdout.contains("\\u{202E}"), "\(command): \(result.stdout)")
        }
        #expect(try await society.ledger(["verify", society.ledgerPath]).status == 0, "format v1 allows the entry")
    }
}
