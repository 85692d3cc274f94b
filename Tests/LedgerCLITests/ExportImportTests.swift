import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger export` (JSON Lines, each entry's exact bytes) and `ledger import` (all or nothing, into a new file).
@Suite struct ExportImportTests {
    static func society() async throws -> Society {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["record", "expense", "--amount", "12.34", "--payee", "文具店", "--purpose", "账本打印"], key: "c1")
        return society
    }

    @Test func exportWritesEachEntrysExactBytesOnePerLine() async throws {
        let society = try await Self.society()
        let result = try await society.ledger(["export", "--out", "backup.jsonl", "--json"])
        #expect(result.status == 0, "\(result)")
        #expect(try result.json()["entries"] as? Int == 5)
        let expected = Data(try society.entries().flatMap { $0 + [0x0a] })
        #expect(try Data(contentsOf: URL(fileURLWithPath: society.path("backup.jsonl"))) == expected)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: society.folder.path)).contains { $0.contains(".partial-") })

        let toStdout = try await society.ledger(["export"])
        #expect(toStdout.status == 0)
        #expect(Data(toStdout.stdout.utf8) == expected)
    }

    @Test func importLoadsAnExportIntoANewIdenticalLedger() async throws {
        let society = try await Self.society()
        try await society.ledger(["export", "--out", "backup.jsonl"])
        let result = try await CLI.run(["import", "backup.jsonl", "--ledger", "restored.db", "--json"], in: society.folder)
        #expect(result.status == 0, "\(result)")
        let json = try result.json()
        #expect(json["entries"] as? Int == 5)
        #expect(json["ledger"] as? String == "restored.db")

        let restored = try await CLI.run(["verify", "restored.db", "--json"], in: society.folder).json()
        let original = try await CLI.run(["verify", "ledger.db", "--json"], in: society.folder).json()
        #expect(restored["root"] as? String == original["root"] as? String)
        #expect(restored["funds"] as? [String: Int] == original["funds"] as? [String: Int])
        #expect(restored["pending"] as? [Int] == [4])
        // The restored ledger takes new entries.
        let next = try await CLI.run(
            ["member", "add", "H003", "--name", "陈叔", "--ledger", "restored.db", "--key", "c2.pem"], in: society.folder)
        #expect(next.status == 0, "\(next)")
    }

    @Test func importOntoAnExistingFileIsRefused() async throws {
        let society = try await Self.society()
        try await society.ledger(["export", "--out", "backup.jsonl"])
        try await society.expectUnchanged {
            let result = try await society.ledger(["import", "backup.jsonl"])
            #expect(result.status == 3)
            #expect(result.stderr.contains("already exists"))
        }
    }

    @Test(arguments: ["tampered", "torn"])
    func aBadExportImportsNothing(_ damage: String) async throws {
        let society = try await Self.society()
        try await society.ledger(["export", "--out", "backup.jsonl"])
        var data = try Data(contentsOf: URL(fileURLWithPath: society.path("backup.jsonl")))
        if damage == "torn" {
            data.removeLast(10)
        } else {
            var text = String(decoding: data, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"name\":\"李阿婆\"", with: "\"name\":\"李大婆\"")
            data = Data(text.utf8)
        }
        try data.write(to: URL(fileURLWithPath: society.path("bad.jsonl")))

        let result = try await CLI.run(["import", "bad.jsonl", "--ledger", "restored.db"], in: society.folder)

        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing was imported"))
        #expect(result.stderr.contains(damage == "torn" ? "INVALID at entry 4" : "INVALID at entry 2"))
        let files = try FileManager.default.contentsOfDirectory(atPath: society.folder.path)
        #expect(!files.contains { $0.hasPrefix("restored.db") })
    }

    @Test func importRefusesALedgerDatabase() async throws {
        let society = try await Self.society()
        let result = try await CLI.run(["import", "ledger.db", "--ledger", "copy.db"], in: society.folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("takes a .jsonl export"))
        #expect(!FileManager.default.fileExists(atPath: society.path("copy.db")))
    }
}
