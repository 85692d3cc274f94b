import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger export --format csv`: a file Excel on Chinese Windows opens as it is, one row per money movement.
@Suite struct SpreadsheetExportTests {
    /// RFC 4180 records (for reading the export back).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append(characters.removeFirst()) } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\r\n" || c == "\n" {
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            } else { field.append(c) }
        }
        return records
    }

    /// Yuan with two decimals (`-50.00`) as fen.
    static func fen(_ text: String) throws -> Fen {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".")
        try #require(parts.count == 2 && parts[1].count == 2, "\(text) is not yuan with two decimals")
        return (negative ? -1 : 1) * (Fen(parts[0])! * 100 + Fen(parts[1])!)
    }

    @Test func oneRowPerMovementAddingUpToTheBalances() async throws {
        let society = try await Society.mixed()
        let out = society.path("movements.csv")
        let result = try await society.ledger(["export", "--format", "csv", "--out", out])
        #expect(result.status == 0, "\(result)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte order mark, for Excel")
        let text = try #require(String(data: bytes.dropFirst(3), encoding: .utf8))
        #expect(text.contains("\r\n"))
        let rows = Self.records(text)
        let header = try #require(rows.first)
        #expect(header.first == "Date")
        #expect(header.contains("Entry hash"))
        // Effective movements: donations 3, 5, 14; sales 8, 9, 22; grant 10; reversals 15, 17; payout 19.
        let body = Array(rows.dropFirst())
        let seqColumn = try #require(header.firstIndex(of: "Entry seq"))
        let hashColumn = try #require(header.firstIndex(of: "Entry hash"))
        #expect(body.map { $0[seqColumn] } == ["3", "5", "8", "9", "10", "14", "15", "17", "19", "22"])
        let entries = try society.entries().map { try Entry(bytes: $0) }
        for row in body { #expect(row[hashColumn] == entries[Int(row[seqColumn])!].hash.hex) }
        #expect(body.allSatisfy { $0.count == header.count })
        #expect(body.allSatisfy { $0[0].range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"#, options: .regularExpression) != nil })

        let cash = try #require(header.firstIndex(of: "Fund cash change"))
        let inKind = try #require(header.firstIndex(of: "In-kind value change"))
        let held = try #require(header.firstIndex(of: "Member balance change"))
        let state = try society.state()
        #expect(try body.reduce(0) { $0 + (try Self.fen($1[cash])) } == state.funds.values.reduce(0) { $0 + $1.cash })
        #expect(try body.reduce(0) { $0 + (try Self.fen($1[inKind])) } == state.funds.values.reduce(0) { $0 + $1.inKind })
        #expect(try body.reduce(0) { $0 + (try Self.fen($1[held])) } == state.members.values.reduce(0) { $0 + $1.balance })
        // The reversal of the sale: its own row, with the amounts of the sale taken back.
        let reversal = try #require(body.first { $0[seqColumn] == "17" })
        let amount = try #require(header.firstIndex(of: "Amount (yuan)"))
        #expect(reversal[amount] == "-300.00")
        #expect(reversal[held] == "-285.00")
        #expect(reversal[header.firstIndex(of: "Took effect at seq")!] == "18")
        #expect(reversal[1] == "reversal (produce sale)")
    }

    @Test func chineseHeadersAndGB18030() async throws {
        let society = try await Society.mixed()
        let utf8 = try await society.ledger(["export", "--format", "csv"], lang: "zh_CN.UTF-8")
        #expect(utf8.status == 0)
        #expect(utf8.stdout.hasPrefix("\u{FEFF}日期,类型,基金,成员编号"))
        let out = society.path("gb.csv")
        let gb = try await society.ledger(["export", "--format", "csv", "--encoding", "gb18030", "--out", out], lang: "zh_CN.UTF-8")
        #expect(gb.status == 0, "\(gb)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(String(data: bytes, encoding: .utf8) == nil, "GB18030, not UTF-8")
        let iconv = try Tool.require("iconv", package: "libc-bin")
        let decoded = try Tool.run(iconv, ["-f", "GB18030", "-t", "UTF-8", out], in: society.folder)
        #expect(decoded.status == 0)
        #expect("\u{FEFF}" + decoded.stdout == utf8.stdout, "the same text in either encoding")
        let misuse = try await society.ledger(["export", "--encoding", "gb18030"])
        #expect(misuse.status == 64)
    }

    @Test func theDefaultIsStillJSONLines() async throws {
        let society = try await Society.mixed()
        let export = try await society.ledger(["export"])
        #expect(export.status == 0)
        let lines = export.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)  // 23 entries and the final newline
        #expect(try society.entries().map { String(decoding: $0, as: UTF8.self) } == lines.dropLast().map(String.init))
    }
}
