import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger import-sales` and `import-donations`: the encodings spreadsheets write, every bad row refused with its
/// row number and nothing written, and a good file recorded whole.
@Suite struct SheetImportTests {
    enum Encoding: String, CaseIterable, CustomTestStringConvertible {
        case utf8, utf8WithBOM, gb18030
        var testDescription: String { rawValue }
    }

    /// `text` written as a spreadsheet would: CRLF line ends, in the encoding (GB18030 through the `iconv` command).
    static func write(_ text: String, to path: String, encoding: Encoding = .utf8) throws {
        let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        switch encoding {
        case .utf8: try crlf.write(to: URL(fileURLWithPath: path))
        case .utf8WithBOM: try (Data([0xEF, 0xBB, 0xBF]) + crlf).write(to: URL(fileURLWithPath: path))
        case .gb18030:
            let plain = path + ".utf8"
            try crlf.write(to: URL(fileURLWithPath: plain))
            let iconv = try Tool.require("iconv", package: "libc-bin")
            let converted = try Tool.run(iconv, ["-f", "UTF-8", "-t", "GB18030", "-o", path, plain], in: URL(fileURLWithPath: "/"))
            #expect(converted.status == 0, "\(converted)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(String(data: bytes, encoding: .utf8) == nil, "a GB18030 file with Chinese in it is not valid UTF-8")
        }
    }

    static let goodSales = #"""
        序号,成员,产品,数量,单位,金额（元）,服务费,购买方,日期,备注
        1,H001,鸡心黄皮,120,斤,960,48,区供销社,2026-03-01,
        2,李阿婆,荔枝,12.50,kg,"1,200.00",0,,2026/3/2,早市
        3,黄大伯,鸡心黄皮,0.125,斤,1.5,,,,"说明：""试卖"""

        """#

    @Test(arguments: Encoding.allCases)
    func aGoodSalesSheetImportsInEachEncoding(_ encoding: Encoding) async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let file = society.path("sales.csv")
        try Self.write(Self.goodSales, to: file, encoding: encoding)
        let result = try await society.ledger(["import-sales", file, "--json"], key: "c1")
        #expect(result.status == 0, "\(result)")
        let json = try result.json()
        #expect(json["encoding"] as? String == (encoding == .gb18030 ? "gb18030" : "utf8"))
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["row"] as? Int } == [2, 3, 4])
        #expect(entries.map { $0["seq"] as? Int } == [4, 5, 6])
        #expect(entries.allSatisfy { $0["status"] as? String == "effective" && ($0["hash"] as? String)?.count == 64 })

        let state = try society.state()
        #expect(state.count == 7)
        #expect(state.members["H001"]?.balance == Fen(91_200 + 150))
        #expect(state.members["H002"]?.balance == 120_000)
        #expect(state.funds["general"]?.cash == Fen(1_000_000 + 4_800))
        let sales = try society.entries().suffix(3).map { try Entry(bytes: $0) }
        guard case .sale(let lychee) = sales[1].payload, case .sale(let trial) = sales[2].payload else {
            Issue.record("the imported entries are not sales")
            return
        }
        #expect(lychee.member == "H002")  // named by name in the sheet
        #expect(lychee.quantity == "12.5")  // 12.50 kept exactly, in its canonical form
        #expect(lychee.fee == nil)  // a fee of 0 is no fee
        #expect(sales[1].body.memo == "2026-03-02 · 早市")
        #expect(sales[0].body.memo == "2026-03-01")
        #expect(trial.quantity == "0.125")
        #expect(sales[2].body.memo == "说明：\"试卖\"")
        #expect(Set(sales.map(\.body.time)).count == 1, "one transaction, one time")
    }

    @Test func aGoodDonationsSheetWithEnglishHeaders() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let file = society.path("donations.csv")
        try Self.write("""
            Donor,Amount (yuan),Item,Quantity,Unit,Receipt,Fund,Memo
            爱心企业乙,5000,,,,R-100,,
            爱心超市,800,大米,200,斤,,general,
            "Zhang, Wei",35.5,,,,,,

            """, to: file, encoding: .gb18030)
        let result = try await society.ledger(["import-donations", file], key: "c2")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Recorded 3 entries"))
        #expect(result.stdout.contains("GB18030"))
        let state = try society.state()
        #expect(state.funds["general"]?.cash == Fen(1_000_000 + 500_000 + 3_550))
        #expect(state.funds["general"]?.inKind == 80_000)
        #expect(state.receipts.contains("R-100"))
    }

    @Test func aDryRunShowsEverythingAndWritesNothing() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let file = society.path("sales.csv")
        try Self.write(Self.goodSales, to: file)
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-sales", file, "--dry-run"], key: "c1")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Dry run"))
            #expect(result.stdout.contains("Nothing was written"))
            #expect(result.stdout.contains("荔枝 12.5kg"))
            #expect(result.stdout.contains("entries 4–6"))
        }
    }

    /// One bad row of each kind, with the row number, the column and the words that must be in the refusal.
    static let badSheets: [(name: String, sheet: String, expected: [String])] = [
        ("a row with a missing column", """
            成员,产品,数量,单位,金额
            H001,鸡心黄皮,120,斤,960
            H002,荔枝,12.5,kg

            """, ["row 3", "a column is missing"]),
        ("a header without a required column", """
            成员,产品,单位,金额
            H001,鸡心黄皮,斤,960

            """, ["row 1", "quantity (数量)", "missing"]),
        ("a bad amount", """
            成员,产品,数量,单位,金额
            H001,鸡心黄皮,120,斤,960
            H001,鸡心黄皮,10,斤,12.345

            """, ["row 3, column “金额”", "12.345", "not an amount"]),
        ("an unknown member", """
            member,product,quantity,unit,amount
            H001,鸡心黄皮,120,斤,960
            H001,鸡心黄皮,120,斤,960
            H999,番薯,50,斤,100

            """, ["row 4, column “member”", "H999"]),
        ("a quantity that is not a number", """
            成员,产品,数量,单位,金额
            H001,鸡心黄皮,十斤,斤,960

            """, ["row 2, column “数量”", "十斤", "not a quantity"]),
        ("an empty line in the middle", """
            成员,产品,数量,单位,金额
            H001,鸡心黄皮,120,斤,960

            H002,荔枝,12.5,kg,300

            """, ["row 3 is empty"]),
        ("a fee larger than the amount", """
            成员,产品,数量,单位,金额,服务费
            H001,鸡心黄皮,120,斤,960,961

            """, ["row 2, column “服务费”", "more than the amount"]),
        ("an unclosed quote", """
            成员,产品,数量,单位,金额
            H001,"鸡心黄皮,120,斤,960

            """, ["row 2", "never closed"]),
    ]

    @Test(arguments: badSheets.indices)
    func aBadRowRefusesTheWholeFile(_ index: Int) async throws {
        let bad = Self.badSheets[index]
        let society = try await Society()
        try await society.addMembersAndMoney()
        let file = society.path("bad.csv")
        try Self.write(bad.sheet, to: file)
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-sales", file], key: "c1")
            #expect(result.status == 2, "\(bad.name): \(result)")
            #expect(result.stdout.isEmpty, "\(bad.name)")
            #expect(result.stderr.contains("nothing was written"), "\(bad.name): \(result.stderr)")
            for words in bad.expected {
                #expect(result.stderr.contains(words), "\(bad.name): no “\(words)” in \(result.stderr)")
            }
        }
    }

    @Test func everyProblemIsListedInTheUsersLanguage() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        let file = society.path("bad.csv")
        try Self.write("""
            成员,产品,数量,单位,金额
            H001,鸡心黄皮,abc,斤,960
            H404,荔枝,1,kg,0

            """, to: file, encoding: .gb18030)
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-sales", file], key: "c1", lang: "zh_CN.UTF-8")
            #expect(result.status == 2)
            #expect(result.stderr.contains("第 2 行“数量”列"))
            #expect(result.stderr.contains("第 3 行“成员”列"))
            #expect(result.stderr.contains("第 3 行“金额”列"))
            #expect(result.stderr.contains("未写入任何内容"))
        }
    }

    /// A row the rules refuse (a receipt number already used) refuses the rows before it too: one transaction.
    @Test func aRuleRefusalNamesTheRowAndUndoesTheRowsBeforeIt() async throws {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["record", "donation", "--donor", "甲", "--amount", "10", "--receipt", "R-1"], key: "c1")
        let file = society.path("donations.csv")
        try Self.write("""
            捐赠方,金额,收据编号
            乙,20,R-2
            丙,30,R-1

            """, to: file)
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-donations", file], key: "c1")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("row 3 of"))
            #expect(result.stderr.contains("[receipt_reused]"))
            #expect(result.stderr.contains("nothing was written"))
        }
        // The same number twice in one sheet is found before anything is tried.
        try Self.write("捐赠方,金额,收据编号\n乙,20,R-9\n丙,30,R-9\n", to: file)
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-donations", file], key: "c1")
            #expect(result.status == 2)
            #expect(result.stderr.contains("row 3, column “收据编号”"))
            #expect(result.stderr.contains("also on row 2"))
        }
    }

    @Test func aFileThatIsNotTextIsRefused() async throws {
        let society = try await Society()
        let file = society.path("binary.csv")
        try Data([0x81, 0x30, 0xFF, 0xFF, 0x00, 0x80]).write(to: URL(fileURLWithPath: file))
        try await society.expectUnchanged {
            let result = try await society.ledger(["import-sales", file], key: "c1")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("neither UTF-8 nor GB18030"))
        }
        let missing = try await society.ledger(["import-sales", society.path("nowhere.csv")], key: "c1")
        #expect(missing.status == 3)
    }
}
