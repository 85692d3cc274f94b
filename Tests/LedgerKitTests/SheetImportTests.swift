import Foundation
import LedgerCore
import LedgerKit
import LedgerStore
import LedgerTesting
import Testing

/// A sheet recorded through the library: every row checked before anything is written, every problem named with its
/// row in both languages, a good sheet recorded whole in one transaction.
@Suite struct SheetImportTests {
    static let sales = """
        成员,产品,数量,单位,金额,服务费,日期
        H001,黄皮,120,斤,960,48,2026-03-01
        李阿婆,荔枝,12.5,kg,300,,2026/3/2

        """

    @Test func aGoodSheetIsRecordedWholeWithItsDatesInTheMemo() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.sales, to: "sales.csv")
        let ledger = try StoredLedger.society()
        let outcome = try SheetImport.run(folder.path("sales.csv"), kind: .sales, ledger: ledger.store, signer: TestKeys.committee1,
            now: ledger.now, dryRun: false)
        #expect(outcome.results.map(\.entry.seq) == [8, 9])
        #expect(outcome.lines.map(\.row) == [2, 3])
        #expect(outcome.encoding == .utf8)
        #expect(outcome.results.map(\.entry.body.memo) == ["2026-03-01", "2026-03-02"])
        #expect(try ledger.store.member("H002")?.balance == 30_000 + 30_000)
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.sales, to: "sales.csv")
        let ledger = try StoredLedger.society()
        let outcome = try SheetImport.run(folder.path("sales.csv"), kind: .sales, ledger: ledger.store, signer: TestKeys.committee1,
            now: ledger.now, dryRun: true)
        #expect(outcome.results.count == 2)
        #expect(try ledger.store.count() == 8)
    }

    @Test func everyBadRowIsNamedInBothLanguagesAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("""
            成员,产品,数量,单位,金额
            H009,黄皮,120,斤,960
            H001,黄皮,一百,斤,960
            H001,黄皮,120,斤,-5

            """, to: "bad.csv")
        let ledger = try StoredLedger.society()
        let before = try ledger.store.state()
        do {
            _ = try SheetImport.run(folder.path("bad.csv"), kind: .sales, ledger: ledger.store, signer: TestKeys.committee1,
                now: ledger.now, dryRun: false)
            Issue.record("a sheet with bad rows was recorded")
        } catch let error as KitError {
            #expect(error.code == .refused)
            for row in 2...4 {
                #expect(error.message.english.contains("row \(row)"), "\(error.message.english)")
                #expect(error.message.chinese.contains("第 \(row) 行"), "\(error.message.chinese)")
            }
            #expect(error.message.english.hasPrefix("[bad_row]") && error.message.english.contains("nothing was written"))
        }
        #expect(try ledger.store.state() == before)
    }

    @Test func aRowTheRulesRefuseIsNamedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        // A grant the fund cannot pay is a rule of the store, not of the sheet: sales can only be refused for a
        // closed member here, so close one first.
        var ledger = try StoredLedger.society()
        try ledger.append(.memberAdd(MemberAdd(member: "H003", name: "陈伯")), by: TestKeys.committee1)
        try folder.write("成员,产品,数量,单位,金额\nH001,黄皮,1,斤,1\nH003,黄皮,1,斤,1\n", to: "sales.csv")
        let count = try ledger.store.count()
        do {
            _ = try SheetImport.run(folder.path("sales.csv"), kind: .sales, ledger: ledger.store, signer: TestKeys.oversight1,
                now: ledger.now, dryRun: false)
            Issue.record("an oversight key recorded sales")
        } catch let refused as SheetImport.RowRefused {
            #expect(refused.row == 2)
            #expect(refused.error.code == .wrongRole)
        }
        #expect(try ledger.store.count() == count)
    }

    @Test func aFileThatIsNotTextIsRefused() throws {
        let folder = try TemporaryFolder()
        try Data([0xFF, 0xFE, 0x00, 0x81, 0xFF]).write(to: URL(fileURLWithPath: folder.path("binary.csv")))
        let ledger = try StoredLedger.society()
        #expect { try SheetImport.run(folder.path("binary.csv"), kind: .donations, ledger: ledger.store, signer: TestKeys.committee1,
            now: ledger.now, dryRun: false) } throws: { ($0 as? KitError)?.code == .refused }
        #expect { try SheetImport.run(folder.path("missing.csv"), kind: .donations, ledger: ledger.store, signer: TestKeys.committee1,
            now: ledger.now, dryRun: false) } throws: { ($0 as? KitError)?.code == .file }
    }
}
