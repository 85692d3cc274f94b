import Foundation
import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// Input made to hurt: a 100 MB line (16 MB in a quick run), JSON nested 10,000 deep, 400-digit numbers, invalid
/// UTF-8, NUL bytes, a `.db` that is not SQLite. `ledger verify` (and `import`, and the commands that read
/// checkpoints, receipts and proofs) refuse each cleanly, at the right position, with memory bounded by the
/// format's limits, never by the size of the input. Peak memory is the command's own `ru_maxrss` (see
/// ``Child/measurer``).
@Suite(.serialized) struct HostileInputTests {
    /// Extra memory any hostile input may cost over verifying a small valid export.
    static let allowance = 48 * 1024  // KiB

    /// A real entry line (a genesis) to build hostile lines from, and the verify baseline.
    static func prepare(_ label: String) async throws -> (Workspace, [UInt8], Int) {
        let workspace = try Workspace(label)
        let ledger = try TestLedger()
        let genesis = ledger.bytes[0]
        try Robust.write(Robust.jsonl(ledger.bytes), to: workspace.path("small.jsonl"))
        let baseline = try await Robust.ledger(["verify", "small.jsonl", "--json"], in: workspace, measure: true)
        #expect(baseline.status == 0, "\(baseline)")
        return (workspace, genesis, baseline.peakKiB)
    }

    /// Writes `size` bytes of `byte` (and then `tail`) without holding them in the test's memory.
    static func writeLarge(_ path: String, head: [UInt8] = [], size: Int, byte: UInt8, tail: [UInt8] = []) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        handle.write(Data(head))
        let chunk = Data(repeating: byte, count: 1 << 20)
        var left = size
        while left > 0 {
            let count = min(left, chunk.count)
            handle.write(count == chunk.count ? chunk : chunk.prefix(count))
            left -= count
        }
        handle.write(Data(tail))
    }

    /// `verify FILE --json` must say: invalid, at `seq`, with `code`, within the memory allowance.
    static func expectRefused(_ file: String, in workspace: Workspace, seq: Int, code: String, baseline: Int,
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int
    {
        let result = try await Robust.ledger(["verify", file, "--json"], in: workspace, measure: true)
        result.expectNoCrash("verify of \(what)", sourceLocation: sourceLocation)
        #expect(result.status == 1, "verify of \(what): \(result)", sourceLocation: sourceLocation)
        let report = (try? result.json()) ?? [:]
        #expect(report["valid"] as? Bool == false, "\(what)", sourceLocation: sourceLocation)
        #expect(report["seq"] as? Int == seq, "\(what): \(report)", sourceLocation: sourceLocation)
        #expect(report["code"] as? String == code, "\(what): \(report)", sourceLocation: sourceLocation)
        #expect(result.peakKiB <= baseline + allowance,
            "verify of \(what) peaked at \(result.peakKiB / 1024) MiB (baseline \(baseline / 1024) MiB)", sourceLocation: sourceLocation)
        return result.peakKiB
    }

    @Test func aHugeSingleLineIsRefusedInBoundedMemory() async throws {
        let (workspace, genesis, baseline) = try await Self.prepare("hundred-mb")
        let size = Scale.hugeLineMB * 1024 * 1024
        // One line, no newline at all; then the same with a newline; then a valid genesis followed by it.
        try Self.writeLarge(workspace.path("line.jsonl"), head: Array(#"{"body":{"author":""#.utf8), size: size, byte: UInt8(ascii: "a"))
        var peak = try await Self.expectRefused("line.jsonl", in: workspace, seq: 0, code: "non_canonical", baseline: baseline, "a \(Scale.hugeLineMB) MB line")
        try Self.writeLarge(workspace.path("line-nl.jsonl"), size: size, byte: UInt8(ascii: "7"), tail: [0x0a])
        peak = max(peak, try await Self.expectRefused("line-nl.jsonl", in: workspace, seq: 0, code: "non_canonical", baseline: baseline,
            "a \(Scale.hugeLineMB) MB line with its newline"))
        try Self.writeLarge(workspace.path("after.jsonl"), head: genesis + [0x0a] + Array(#"{"body":""#.utf8), size: size,
            byte: UInt8(ascii: "z"), tail: Array(#""}"#.utf8) + [0x0a])
        peak = max(peak, try await Self.expectRefused("after.jsonl", in: workspace, seq: 1, code: "non_canonical", baseline: baseline,
            "a genesis and a \(Scale.hugeLineMB) MB line"))
        // A hundred megabytes of newlines: blank lines, the first refused at once.
        try Self.writeLarge(workspace.path("blank.jsonl"), head: genesis + [0x0a], size: size, byte: 0x0a)
        peak = max(peak, try await Self.expectRefused("blank.jsonl", in: workspace, seq: 1, code: "non_canonical", baseline: baseline,
            "\(Scale.hugeLineMB) MB of blank lines"))

        // Import reads the same way, and writes nothing.
        let imported = try await Robust.ledger(["import", "line-nl.jsonl", "--ledger", "restored.db"], in: workspace, measure: true)
        imported.expectCleanFailure("import of a \(Scale.hugeLineMB) MB line", exit: [1], mentions: ["nothing was imported", "non_canonical"])
        #expect(imported.peakKiB <= baseline + Self.allowance, "import peaked at \(imported.peakKiB / 1024) MiB")
        #expect(!workspace.listing().contains { $0.hasPrefix("restored.db") })

        // The huge file given where a checkpoint note, a receipt or a proof is expected.
        var other = 0
        for (arguments, what) in [
            (["verify", "small.jsonl", "--checkpoint", "line-nl.jsonl"], "a huge checkpoint note"),
            (["verify-receipt", "line-nl.jsonl"], "a huge receipt"),
            (["verify-proof", "line-nl.jsonl", "--checkpoint", "line-nl.jsonl", "--keys", "line-nl.jsonl"], "a huge proof"),
        ] {
            let result = try await Robust.ledger(arguments, in: workspace, measure: true)
            result.expectNoCrash(what)
            #expect(result.status != 0, "\(what): \(result)")
            #expect(result.peakKiB <= baseline + Self.allowance, "\(what): peaked at \(result.peakKiB / 1024) MiB")
            other = max(other, result.peakKiB)
        }
        Figures.record("hostile.huge_line", ["megabytes": Scale.hugeLineMB, "baseline_kib": baseline, "verify_peak_kib": peak, "import_peak_kib": imported.peakKiB,
            "note_receipt_proof_peak_kib": other])
    }

    /// One hostile line each; each is refused as the entry at its position with the reason the format gives.
    @Test func hostileLinesAreInvalidEntriesAtTheirPosition() async throws {
        let (workspace, genesis, baseline) = try await Self.prepare("hostile-lines")
        let digits400 = String(repeating: "9", count: 400)
        var deepArray = Array(repeating: UInt8(ascii: "["), count: 10_000) + Array(repeating: UInt8(ascii: "]"), count: 10_000)
        let deepObject = Array(String(repeating: #"{"a":"#, count: 10_000).utf8) + [UInt8(ascii: "1")] + Array(repeating: UInt8(ascii: "}"), count: 10_000)
        let genesisText = String(decoding: genesis, as: UTF8.self)
        func edited(_ from: String, _ to: String) -> [UInt8] {
            precondition(genesisText.contains(from))
            return Array(genesisText.replacingOccurrences(of: from, with: to).utf8)
        }
        func withBytes(_ marker: String, _ bytes: [UInt8]) -> [UInt8] {
            let range = genesisText.range(of: marker)!
            let offset = genesisText.utf8.distance(from: genesisText.startIndex, to: range.upperBound)
            return Array(genesis[..<offset]) + bytes + Array(genesis[offset...])
        }
        let cases: [(String, [UInt8])] = [
            ("a 10,000-deep array", deepArray),
            ("a 10,000-deep object", deepObject),
            ("a 10,000-deep array inside an entry's data", edited(#""currency":"CNY""#, #""currency":"# + String(decoding: deepArray, as: UTF8.self))),
            ("a 400-digit seq", edited(#""seq":0"#, #""seq":"# + digits400)),
            ("a negative 400-digit seq", edited(#""seq":0"#, #""seq":-"# + digits400)),
            ("a 400-digit policy number", edited(#""money_approvals":1"#, #""money_approvals":"# + digits400)),
            ("a 400-digit number with an exponent", edited(#""seq":0"#, #""seq":"# + digits400 + "e400")),
            ("a bare 400-digit number", Array(digits400.utf8)),
            ("a 0xFF byte in a string", withBytes(#""society":""#, [0xff])),
            ("an overlong '/' (C0 AF) in a string", withBytes(#""society":""#, [0xc0, 0xaf])),
            ("a UTF-16 surrogate (ED A0 80) in a string", withBytes(#""society":""#, [0xed, 0xa0, 0x80])),
            ("a string cut inside a character", withBytes(#""society":""#, [0xe6, 0xb5])),
            ("a NUL byte in a string", withBytes(#""society":""#, [0x00])),
            ("a NUL byte between tokens", withBytes(#""body":"#, [0x00])),
            ("a line of NUL bytes", Array(repeating: 0, count: 4096)),
            ("a byte order mark", [0xef, 0xbb, 0xbf] + genesis),
            ("\\u0000 escaped", withBytes(#""society":""#, Array(#"\u0000"#.utf8))),
        ]
        deepArray.removeAll()
        var peak = 0
        for (what, line) in cases {
            // At position 0, and after a valid genesis at position 1.
            try Robust.write(line + [0x0a], to: workspace.path("first.jsonl"))
            peak = max(peak, try await Self.expectRefused("first.jsonl", in: workspace, seq: 0, code: "non_canonical", baseline: baseline, what))
            try Robust.write(genesis + [0x0a] + line + [0x0a], to: workspace.path("second.jsonl"))
            peak = max(peak, try await Self.expectRefused("second.jsonl", in: workspace, seq: 1, code: "non_canonical", baseline: baseline,
                what + " after a genesis"))
        }
        Figures.record("hostile.lines", ["cases": cases.count, "verify_peak_kib": peak, "baseline_kib": baseline])
    }

    /// A `.db` that is not SQLite is read as what it is — not a ledger — with bounded memory, and never changed.
    @Test func aLargeFileThatIsNotSQLiteIsRefusedInBoundedMemory() async throws {
        let (workspace, _, baseline) = try await Self.prepare("not-sqlite")
        var random = SeededRandom("aLargeFileThatIsNotSQLiteIsRefusedInBoundedMemory")
        let path = workspace.path("ledger.db")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        for _ in 0..<max(Scale.hugeLineMB * 2 / 3, 1) { handle.write(Data(random.bytes(1 << 20).map { $0 == 0x0a ? 0x0b : $0 })) }
        try handle.close()
        let before = try #require(FileManager.default.contents(atPath: path))
        _ = try await Self.expectRefused("ledger.db", in: workspace, seq: 0, code: "non_canonical", baseline: baseline, "\(Scale.hugeLineMB * 2 / 3) MB of random bytes named ledger.db")
        for arguments in [["balance"], ["member", "add", "H1", "--name", "某"], ["export"]] {
            let result = try await Robust.ledger(arguments + ["--ledger", "ledger.db"], in: workspace, measure: true)
            result.expectCleanFailure("\(arguments) on random bytes", exit: [3], mentions: ["not a ledger"])
            #expect(result.peakKiB <= baseline + Self.allowance)
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }
}
