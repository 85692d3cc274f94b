import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// How hard the robustness tests push. `LEDGER_ROBUST=full` (what `.ci/run` sets) gives the figures the README
/// quotes; without it a quick run keeps `swift test` short. Each figure can also be set on its own.
enum Scale {
    static let full = ProcessInfo.processInfo.environment["LEDGER_ROBUST"] == "full"

    static func value(_ name: String, full: Int, quick: Int) -> Int {
        if let text = ProcessInfo.processInfo.environment[name], let value = Int(text) { return value }
        return Scale.full ? full : quick
    }

    /// SIGKILLs of the appending loop.
    static let kills = value("LEDGER_ROBUST_KILLS", full: 200, quick: 12)
    /// SIGKILLs of `ledger import`.
    static let importKills = value("LEDGER_ROBUST_IMPORT_KILLS", full: 20, quick: 3)
    /// Entries in the export that `import` loads while being killed: in full, more than one batch of 8,192.
    static let importEntries = value("LEDGER_ROBUST_IMPORT_ENTRIES", full: 9_000, quick: 1_500)
    /// Megabytes of the huge single line (and a tenth of it in random bytes for the not-SQLite file).
    static let hugeLineMB = value("LEDGER_ROBUST_HUGE_MB", full: 100, quick: 16)
    /// Appends per process in the concurrency tests.
    static let appendsPerWorker = value("LEDGER_ROBUST_APPENDS", full: 500, quick: 20)

    /// The seed of every random choice (kill times, page numbers, bytes), printed so a failure can be replayed.
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["LEDGER_ROBUST_SEED"], let seed = UInt64(text) { return seed }
        return UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
    }()
}

/// Figures for the README, appended as JSON lines to `$LEDGER_ROBUST_FIGURES` and printed.
enum Figures {
    private static let lock = NSLock()

    static func record(_ name: String, _ values: [String: Any]) {
        var object = values
        object["test"] = name
        object["seed"] = Scale.seed
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        let line = String(decoding: data, as: UTF8.self)
        print("robustness figures: \(line)")
        guard let path = ProcessInfo.processInfo.environment["LEDGER_ROBUST_FIGURES"] else { return }
        lock.lock()
        defer { lock.unlock() }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }
}

/// Seeded randomness for a test, derived from ``Scale/seed`` and the test's own name.
struct SeededRandom: RandomNumberGenerator {
    private var generator: SplitMix64

    init(_ name: String) {
        var seed = Scale.seed
        for byte in name.utf8 { seed = (seed &* 0x100_0000_01b3) ^ UInt64(byte) }
        generator = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 { generator.next() }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count { withUnsafeBytes(of: next()) { bytes.append(contentsOf: $0) } }
        return Array(bytes.prefix(count))
    }
}

/// A robustness test's folder.
typealias Workspace = TemporaryFolder

/// Running the built `ledger` binary, a shell, or the Python SQLite helper.
enum Robust {
    /// The `ledger` executable built next to the test bundle.
    /// The repository root (for `Fuzz/` and `Tests/Robustness/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A clean environment: no ledger or key defaults, English messages (``CLI/environment(lang:_:)``).
    static func environment(_ extra: [String: String] = [:]) -> [String: String] { CLI.environment(lang: "C", extra) }

    static func ledgerBinary() throws -> String { try CLI.requireBinary() }

    /// Runs `ledger arguments…` to completion, through ``CLI``.
    /// - Parameter measure: report the command's own peak memory (costs a Python parent process).
    static func ledger(_ arguments: [String], in folder: Workspace, environment: [String: String] = [:], measure: Bool = false)
        async throws -> ProcessOutcome
    {
        try await CLI.start(arguments, in: folder.url, environment: environment, measure: measure).wait()
    }

    /// Starts `/bin/sh -c script` in its own process group, with `LEDGER` naming the binary.
    static func shell(_ script: String, in folder: Workspace, environment: [String: String] = [:]) throws -> Child {
        var environment = Robust.environment(environment)
        environment["LEDGER"] = try ledgerBinary()
        return try Child("/bin/sh", ["-c", "cd \"$WORK\" && " + script], environment: environment.merging(["WORK": folder.path]) { $1 },
            folder: folder.url)
    }

    /// Runs a shell script to completion.
    static func sh(_ script: String, in folder: Workspace, environment: [String: String] = [:]) async throws -> ProcessOutcome {
        try await shell(script, in: folder, environment: environment).wait()
    }

    /// Runs `Tests/Robustness/ledgerdb.py arguments…` (edits a ledger file below the program, as an attacker would).
    @discardableResult
    static func ledgerDB(_ arguments: [String], in folder: Workspace) async throws -> String {
        let script = root.appendingPathComponent("Tests/Robustness/ledgerdb.py").path
        let outcome = try await Child("/usr/bin/env", ["python3", script] + arguments, environment: Robust.environment(), folder: folder.url).wait()
        guard outcome.status == 0 else { throw SpawnError("ledgerdb.py \(arguments.first ?? ""): \(outcome)") }
        return outcome.stdout
    }

    /// Removes a folder even if a test made it read-only.
    static func removeTree(_ path: String) { TemporaryFolder.removeTree(path) }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func write(_ bytes: [UInt8], to path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The exact bytes of every entry of a ledger file, read through the library.
    static func entries(of path: String) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try SQLiteLedger.open(at: path, readOnly: true).forEachBatch { batch throws(LedgerError) in lines += batch }
        return lines
    }

    /// A `.jsonl` export of these entry bytes.
    static func jsonl(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0a] } }

    /// Verifies entry bytes in-process.
    static func verify(_ lines: [[UInt8]]) -> VerificationResult { TestLedger.verify(lines, batchSize: 64) }
}

extension ProcessOutcome {
    /// Records issues unless the process ended by itself (no signal), with a documented exit code and no crash signs.
    func expectNoCrash(_ what: String, allowed: Set<Int32> = [0, 1, 2, 3, 4, 64], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(signal == nil, "\(what): \(self)", sourceLocation: sourceLocation)
        #expect(status.map(allowed.contains) == true, "\(what): undocumented exit — \(self)", sourceLocation: sourceLocation)
        #expect(crashSigns.isEmpty, "\(what): crash signs \(crashSigns) — \(self)", sourceLocation: sourceLocation)
    }

    /// A refusal: a non-zero documented code, one clear message on standard error, nothing on standard output.
    func expectCleanFailure(_ what: String, exit: Set<Int32>, mentions: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoCrash(what, sourceLocation: sourceLocation)
        #expect(status.map(exit.contains) == true, "\(what): expected exit \(exit.sorted()) — \(self)", sourceLocation: sourceLocation)
        #expect(stderr.hasPrefix("error: "), "\(what): no `error:` message — \(self)", sourceLocation: sourceLocation)
        for text in mentions {
            #expect(stderr.contains(text), "\(what): the message does not mention \"\(text)\" — \(self)", sourceLocation: sourceLocation)
        }
    }
}
