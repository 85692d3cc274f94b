import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// `importJSONLines` verifies an export and writes a complete new ledger file, or nothing at all.
@Suite struct ImportTests {
    /// A folder holding `source.db` (the history) and `export.jsonl` (its export); returns the export's lines.
    static func exported(in folder: TemporaryFolder) throws -> [[UInt8]] {
        try FileLedger.createWithHistory(at: folder.path("source.db"))
        let lines = try FileLedger.lines(of: SQLiteLedger.open(at: folder.path("source.db"), readOnly: true))
        try FileLedger.jsonl(lines).write(to: URL(fileURLWithPath: folder.path("export.jsonl")))
        return lines
    }

    @Test func aGoodExportImportsToAnIdenticalLedger() throws {
        let folder = try TemporaryFolder()
        let lines = try Self.exported(in: folder)
        var progress: [Int] = []
        let result = try SQLiteLedger.importJSONLines(from: folder.path("export.jsonl"), to: folder.path("copy.db")) {
            progress.append($0)
        }

        guard case .valid(let summary) = result else {
            Issue.record("a good export did not import: \(result)")
            return
        }
        #expect(summary.entries == History.count)
        #expect(progress.last == History.count)
        let source = try SQLiteLedger.open(at: folder.path("source.db"), readOnly: true)
        let copy = try SQLiteLedger.open(at: folder.path("copy.db"))
        #expect(try copy.state() == (try source.state()))
        #expect(try copy.count() == History.count)
        #expect(try copy.merkleRoot() == (try source.merkleRoot()))
        #expect(summary.root == (try copy.merkleRoot()))
        #expect(try FileLedger.lines(of: copy) == lines)
        #expect(try copy.entries(member: "H001").map(\.seq) == History.h001Seqs)
        #expect(try copy.entries(referringTo: 12).map(\.seq) == [13])
        #expect(!(try folder.listing()).contains { $0.contains(".importing") })
        // The copy is a working ledger: it takes the next entry.
        let next = try copy.append(.memberAdd(MemberAdd(member: "H003", name: "陈叔")), by: TestKeys.committee1)
        #expect(next.entry.seq == History.count)
    }

    /// Ways an export can be broken, and the seq the import must name.
    static let damages: [(name: String, seq: Int)] = [
        ("bad line in the middle", 8), ("entries out of order", 8), ("torn last line", 16), ("empty file", 0),
    ]

    @Test(arguments: damages)
    func aBrokenExportImportsNothing(_ damage: String, seq: Int) throws {
        let folder = try TemporaryFolder()
        var lines = try Self.exported(in: folder)
        var data: Data
        switch damage {
        case "bad line in the middle":
            lines[8] = Array("{\"body\":{}}".utf8)
            data = FileLedger.jsonl(lines)
        case "entries out of order":
            lines.swapAt(8, 9)
            data = FileLedger.jsonl(lines)
        case "torn last line":
            data = FileLedger.jsonl(lines)
            data.removeLast(20)
        default:
            data = Data()
        }
        try data.write(to: URL(fileURLWithPath: folder.path("broken.jsonl")))
        let listingBefore = try folder.listing()

        let result = try SQLiteLedger.importJSONLines(from: folder.path("broken.jsonl"), to: folder.path("copy.db"))

        guard case .invalid(let error) = result else {
            Issue.record("a broken export (\(damage)) imported")
            return
        }
        #expect(error.seq == seq)
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.db")))
        #expect(try folder.listing() == listingBefore)
    }

    @Test func importingOntoAnExistingPathIsRefusedAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        _ = try Self.exported(in: folder)
        let existing = Data("my notes, not a ledger\n".utf8)
        try existing.write(to: URL(fileURLWithPath: folder.path("notes.db")))

        let error = #expect(throws: LedgerError.self) {
            try SQLiteLedger.importJSONLines(from: folder.path("export.jsonl"), to: folder.path("notes.db"))
        }

        #expect(error?.code == .storage)
        #expect(error?.message.english.contains("already exists") == true)
        #expect(firstDifference(folder.bytes("notes.db"), existing) == nil)
        #expect(!(try folder.listing()).contains { $0.hasPrefix("notes.db.") })
    }

    @Test func aMissingExportIsAStorageErrorAndCreatesNothing() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: LedgerError.self) {
            try SQLiteLedger.importJSONLines(from: folder.path("missing.jsonl"), to: folder.path("copy.db"))
        }
        #expect(error?.code == .storage)
        #expect(try folder.listing().isEmpty)
    }
}
