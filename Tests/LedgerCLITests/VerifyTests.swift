import Foundation
import LedgerTesting
import LedgerCore
import Testing

/// `ledger verify` on a `.db` and on an exported `.jsonl`, with and without a pinned genesis.
@Suite struct VerifyTests {
    /// A society with some history, exported to `export.jsonl`.
    static func exported() async throws -> Society {
        let society = try await Society()
        try await society.addMembersAndMoney()
        try await society.append(["record", "grant", "--member", "H002", "--amount", "300", "--purpose", "医疗救助"], key: "c1")
        let export = try await society.ledger(["export", "--out", "export.jsonl"])
        #expect(export.status == 0, "\(export)")
        return society
    }

    @Test(arguments: ["ledger.db", "export.jsonl"])
    func aValidLedgerReportsItsSummary(_ file: String) async throws {
        let society = try await Self.exported()
        let result = try await CLI.run(["verify", society.path(file), "--json"], in: society.folder)
        #expect(result.status == 0, "\(result)")
        let json = try result.json()
        let lines = try society.entries()
        #expect(json["valid"] as? Bool == true)
        #expect(json["entries"] as? Int == lines.count)
        #expect(json["head"] as? String == (try Entry(bytes: lines[lines.count - 1])).hash.hex)
        #expect((json["root"] as? String)?.count == 64)
        #expect(json["funds"] as? [String: Int] == ["general": 1_000_000])
        #expect(json["in_kind"] as? [String: Int] == ["general": 0])
        #expect(json["members"] as? [String: Int] == ["H001": 0, "H002": 0])
        #expect(json["pending"] as? [Int] == [4])
        #expect(json["genesis"] as? String == society.genesis)

        let text = try await CLI.run(["verify", society.path(file)], in: society.folder)
        #expect(text.status == 0)
        #expect(text.stdout.contains("is valid: \(lines.count) entries"))
    }

    @Test func verifyingALedgerFileLeavesItByteIdentical() async throws {
        let society = try await Self.exported()
        let before = try society.fileBytes()
        let result = try await CLI.run(["verify", "ledger.db"], in: society.folder)
        #expect(result.status == 0, "\(result)")
        let after = try society.fileBytes()
        #expect(firstDifference(after, before) == nil)
    }

    @Test func bothFormsHaveTheSameRoot() async throws {
        let society = try await Self.exported()
        let db = try await CLI.run(["verify", "ledger.db", "--json"], in: society.folder).json()
        let jsonl = try await CLI.run(["verify", "export.jsonl", "--json"], in: society.folder).json()
        #expect(db["root"] as? String == jsonl["root"] as? String)
        #expect(db["head"] as? String == jsonl["head"] as? String)
    }

    @Test func thePinnedGenesisMustMatch() async throws {
        let society = try await Self.exported()
        let right = try await CLI.run(["verify", "export.jsonl", "--genesis", society.genesis], in: society.folder)
        #expect(right.status == 0, "\(right)")

        let other = String(repeating: "ab", count: 32)
        let wrong = try await CLI.run(["verify", "export.jsonl", "--genesis", other], in: society.folder)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("INVALID at entry 0 (genesis) [genesis_mismatch]"))

        let malformed = try await CLI.run(["verify", "export.jsonl", "--genesis", "ABC"], in: society.folder)
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("64 lowercase hex"))
    }

    @Test func aTamperedExportFailsAtTheAlteredEntry() async throws {
        let society = try await Self.exported()
        var text = try String(contentsOfFile: society.path("export.jsonl"), encoding: .utf8)
        let range = try #require(text.range(of: "\"amount\":1000000"))
        text.replaceSubrange(range, with: "\"amount\":9000000")
        try text.write(toFile: society.path("tampered.jsonl"), atomically: true, encoding: .utf8)

        let result = try await CLI.run(["verify", "tampered.jsonl"], in: society.folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("INVALID at entry 3 (donation) [bad_signature]"))
        #expect(result.stdout.contains("Entries before 3 are intact"))

        let json = try await CLI.run(["verify", "tampered.jsonl", "--json"], in: society.folder)
        #expect(json.status == 1)
        let report = try json.json()
        #expect(report["valid"] as? Bool == false)
        #expect(report["seq"] as? Int == 3)
        #expect(report["kind"] as? String == "donation")
        #expect(report["code"] as? String == "bad_signature")
        #expect((report["message"] as? String)?.isEmpty == false)
    }

    /// A failure in the middle of a long batch leaves helper threads still checking later signatures; the command
    /// must wait for them before it reports and exits, or OpenSSL's clean-up at exit runs under them (exit 139, a
    /// crash, one run in six before this was fixed). Run many times, since the race is one of timing.
    @Test func anExportEditedInTheMiddleOfALongBatchExitsWith1EveryTime() async throws {
        var ledger = try TestLedger()
        for index in 0..<1_200 {
            try ledger.append(.donation(Donation(donor: "村民 \(index)", amount: 100)), by: TestKeys.committee1)
        }
        var lines = ledger.bytes.map { String(decoding: $0, as: UTF8.self) }
        let edited = lines[100].replacingOccurrences(of: #""amount":100,"#, with: #""amount":900,"#)
        #expect(edited != lines[100])
        lines[100] = edited
        let society = try await Society(founded: false)
        try (lines.joined(separator: "\n") + "\n").write(toFile: society.path("edited.jsonl"), atomically: true, encoding: .utf8)

        for run in 1...20 {
            let result = try await CLI.run(["verify", "edited.jsonl"], in: society.folder)
            #expect(result.status == 1, "run \(run): \(result)")
            #expect(result.stdout.contains("INVALID at entry 100 (donation) [bad_signature]"), "run \(run)")
        }
    }

    @Test func aTornExportIsInvalidAtTheTornLine() async throws {
        let society = try await Self.exported()
        var data = try Data(contentsOf: URL(fileURLWithPath: society.path("export.jsonl")))
        data.removeLast(30)
        try data.write(to: URL(fileURLWithPath: society.path("torn.jsonl")))
        let result = try await CLI.run(["verify", "torn.jsonl", "--json"], in: society.folder)
        #expect(result.status == 1)
        #expect(try result.json()["seq"] as? Int == 4)
        #expect(try result.json()["code"] as? String == "non_canonical")
    }

    @Test func aMissingFileIsAStorageProblem() async throws {
        let society = try await Society(founded: false)
        let result = try await CLI.run(["verify", "nowhere.jsonl"], in: society.folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot read nowhere.jsonl"))
        let db = try await CLI.run(["verify", "--ledger", "nowhere.db"], in: society.folder)
        #expect(db.status == 3)
        #expect(!FileManager.default.fileExists(atPath: society.path("nowhere.db")))
    }
}
