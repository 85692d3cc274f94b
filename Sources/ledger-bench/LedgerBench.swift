import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import GRDB
@_spi(Benchmark) import LedgerStore

/// `ledger-bench`: builds synthetic ledgers and measures them against this machine's own floors.
///
/// Run with `swift run -c release ledger-bench [--entries 10000,100000,1000000] [--json FILE]`.
/// Timings are printed, never asserted: the benchmark fails only if it crashes or a ledger does not verify.
@main
struct LedgerBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-bench",
        abstract: "Measure the ledger at several sizes against raw Ed25519 and SQLite floors.")

    @Option(help: "Ledger sizes, comma-separated.", transform: { text in
        try text.split(separator: ",").map {
            guard let size = Int($0.replacingOccurrences(of: "_", with: "")), size >= 1_100 else {
                throw ValidationError("sizes are whole numbers of at least 1100 (genesis and 1,000 members come first)")
            }
            return size
        }
    })
    var entries: [Int] = [10_000, 100_000, 1_000_000]

    @Option(help: "Working folder (default: a new temporary folder, removed afterwards).")
    var dir: String?

    @Flag(help: "Keep each size's .jsonl and .db in the working folder (to profile `--child verify` on them).")
    var keep = false

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    @Option(help: "Imports and verifications per size (each verification between two measurements of the floor); medians are reported.")
    var verifyRepeats = 3

    @Option(help: "Queries timed per size.")
    var samples = 1_000

    @Flag(help: "Measure only `ledger verify --since`: 1,000 entries after an audit at each size (needs the ledger executable built alongside).")
    var sinceOnly = false

    @Option(help: .hidden)
    var child: String?

    @Argument(help: .hidden)
    var childPaths: [String] = []

    func run() throws {
        if let child { return try ChildMode.run(child, paths: childPaths) }
        let folder = dir ?? NSTemporaryDirectory() + "ledger-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }

        if sinceOnly {
            for size in entries {
                let figures = try SinceBench.measure(size: size, folder: folder)
                print(String(decoding: try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]), as: UTF8.self))
            }
            return
        }
        var report = BenchReport()
        report.machine = ["cores": ProcessInfo.processInfo.activeProcessorCount, "cpu": Measure.cpuModel(),
                          "date": ISO8601DateFormatter().string(from: Date())]
        note("Measuring floors…")
        let rates = try Floors.ed25519VerifyRates()
        let commits = try Floors.sqliteCommitLatencies(in: folder, count: 300)
        report.floors = ["ed25519_verify_per_s_1_core": rates.one, "ed25519_verify_per_s_all_cores": rates.all,
                         "sqlite_full_commit_ms_median": Measure.percentile(commits, 0.5),
                         "sqlite_full_commit_ms_p99": Measure.percentile(commits, 0.99)]
        for size in entries {
            report.sizes.append(try measure(size: size, folder: folder, allCoreRate: rates.all, commitMedian: Measure.percentile(commits, 0.5)))
        }
        print(report.table)
        if let json {
            try report.jsonData.write(to: URL(fileURLWithPath: json))
            note("Figures written to \(json)")
        }
    }

    private func measure(size: Int, folder: String, allCoreRate: Double, commitMedian: Double) throws -> [String: Any] {
        let jsonl = "\(folder)/bench-\(size).jsonl"
        let db = "\(folder)/bench-\(size).db"
        for path in [jsonl, db] { try? FileManager.default.removeItem(atPath: path) }
        note("\(size): generating…")
        let generation = try Measure.seconds { try SyntheticLedger.write(count: size, to: jsonl) { note("  \($0) entries") } }

        note("\(size): importing…")
        // Imported as many times as verified, for the same reason: the median rate is compared with verify's.
        var imports: [[String: Any]] = []
        for _ in 0..<verifyRepeats {
            for path in [db, db + "-wal", db + "-shm"] { try? FileManager.default.removeItem(atPath: path) }
            let run = try Measure.child(["--child", "import", jsonl, db])
            guard run["valid"] as? Bool == true else { throw BenchError("the \(size)-entry import did not verify") }
            imports.append(run)
        }
        let importRates = imports.map { Double(size) / ($0["seconds"] as! Double) }
        let imported = ["rss_mib": imports.map { $0["rss_mib"] as! Double }.max()!]
        note("\(size): verifying…")
        // A virtual machine's speed drifts by ±10% from one minute to the next, so the ratio is taken several times:
        // each verification between two measurements of the floor (about 1.5 s each), against their mean, and the
        // median of those ratios is reported with the median rate.
        var floors = [try Floors.allCoreEd25519VerifyRate(rounds: 32)]
        var verifications: [[String: Any]] = []
        for _ in 0..<verifyRepeats {
            let verified = try Measure.child(["--child", "verify", db])
            guard verified["valid"] as? Bool == true else {
                throw BenchError("the \(size)-entry ledger did not verify")
            }
            verifications.append(verified)
            floors.append(try Floors.allCoreEd25519VerifyRate(rounds: 32))
        }
        let verifyRates = verifications.map { Double(size) / ($0["seconds"] as! Double) }
        let ratios = verifyRates.indices.map { verifyRates[$0] / ((floors[$0] + floors[$0 + 1]) / 2) }
        let verifyRate = Measure.percentile(verifyRates.sorted(), 0.5)
        let floorNow = floors.reduce(0, +) / Double(floors.count)
        let verified = ["rss_mib": verifications.map { $0["rss_mib"] as! Double }.max()!]
        let importRate = Measure.percentile(importRates.sorted(), 0.5)

        note("\(size): queries and appends…")
        let ledger = try SQLiteLedger.open(at: db)
        var random = SplitMix64(seed: UInt64(size))
        let count = try ledger.count()
        let balance = try Measure.latencies(samples) { _ in
            _ = try ledger.member(SyntheticLedger.memberID(Int.random(in: 0..<SyntheticLedger.members, using: &random)))
        }
        let funds = try Measure.latencies(samples) { _ in _ = try ledger.funds() }
        let pending = try Measure.latencies(samples) { _ in _ = try ledger.pendingEntries() }
        let proofs = try Measure.latencies(samples) { _ in
            let index = Int.random(in: 0..<count, using: &random)
            _ = try ledger.inclusionProof(index: index, size: count)
            _ = try ledger.merkleRoot(size: count)
        }
        let consistency = try Measure.latencies(samples) { _ in
            _ = try ledger.consistencyProof(old: Int.random(in: 1..<count, using: &random), new: count)
        }
        let signer = SyntheticLedger.committee[0]
        var clock = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let appends = try Measure.latencies(200) { index in
            clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 1)
            try ledger.append(.donation(Donation(donor: "基准", amount: 100, receipt: "BENCH-\(size)-\(index)")), signer: signer, now: clock)
        }
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        let upkeep = try merkleUpkeep(of: db, size: size, signer: signer, clock: &clock)
        if !keep {
            for path in [jsonl, db, db + "-wal", db + "-shm"] { try? FileManager.default.removeItem(atPath: path) }
        }
        let appendMedian = Measure.percentile(appends, 0.5)
        return [
            "entries": size, "generate_s": generation,
            "verify_per_s": verifyRate, "verify_ratio_to_all_core_ed25519": Measure.percentile(ratios.sorted(), 0.5),
            "ed25519_all_core_floor_at_verify": floorNow, "ed25519_all_core_floors_around_verifies": floors,
            "verify_runs_per_s": verifyRates, "verify_runs_ratio_to_all_core_ed25519": ratios,
            "verify_peak_rss_mib": verified["rss_mib"]!,
            "import_per_s": importRate, "import_ratio_to_verify": importRate / verifyRate,
            "import_peak_rss_mib": imported["rss_mib"]!, "import_runs_per_s": importRates,
            "append_ms_median": appendMedian, "append_ms_p99": Measure.percentile(appends, 0.99),
            "append_rate_ratio_to_raw_commit": commitMedian / appendMedian,
            "member_balance_ms_median": Measure.percentile(balance, 0.5), "member_balance_ms_p99": Measure.percentile(balance, 0.99),
            "fund_balance_ms_median": Measure.percentile(funds, 0.5), "fund_balance_ms_p99": Measure.percentile(funds, 0.99),
            "pending_ms_median": Measure.percentile(pending, 0.5), "pending_ms_p99": Measure.percentile(pending, 0.99),
            "inclusion_proof_ms_median": Measure.percentile(proofs, 0.5), "inclusion_proof_ms_p99": Measure.percentile(proofs, 0.99),
            "consistency_proof_ms_median": Measure.percentile(consistency, 0.5),
            "consistency_proof_ms_p99": Measure.percentile(consistency, 0.99),
            "bytes_per_entry": Double(fileBytes) / Double(count),
            "append_with_tree_ms_median": upkeep.with, "append_without_tree_ms_median": upkeep.without,
            "merkle_upkeep_extra_fraction": upkeep.with / upkeep.without - 1,
        ]
    }

    /// What keeping the Merkle tree adds to a durable append: two copies of the ledger take 200 appends each,
    /// interleaved so both see the same machine, one keeping the tree and one not. Medians, in milliseconds.
    func merkleUpkeep(of db: String, size: Int, signer: Ed25519.PrivateKey, clock: inout Timestamp) throws
        -> (with: Double, without: Double)
    {
        let copies = [db + ".with-tree", db + ".without-tree"]
        let source = try DatabaseQueue(path: db)
        for copy in copies {
            try source.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        }
        try source.close()
        defer { for copy in copies { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } } }
        let ledgers = try copies.map { try SQLiteLedger.open(at: $0) }
        var samples: [[Double]] = [[], []]
        for index in 0..<400 {
            let which = index % 2
            clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 1)
            let payload = Payload.donation(Donation(donor: "基准", amount: 100, receipt: "TREE-\(size)-\(index)"))
            samples[which].append(try Measure.seconds {
                try ledgers[which].append(payload, signer: signer, now: clock, keepingMerkleTree: which == 0)
            } * 1_000)
        }
        return (Measure.percentile(samples[0].sorted(), 0.5), Measure.percentile(samples[1].sorted(), 0.5))
    }
}

/// Progress on standard error, so standard output holds only the table.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The work measured in a separate process, so its peak memory is its own.
enum ChildMode {
    static func run(_ mode: String, paths arguments: [String]) throws {
        switch mode {
        case "floor":
            // The floors alone, to run next to a profiled `verify`.
            let rates = try Floors.ed25519VerifyRates(rounds: 32)
            return printJSON(["one_core": rates.one, "all_cores": rates.all])
        case "append":
            // Durable appends to an existing benchmark ledger (ARGUMENTS: DB [COUNT]), to profile one append at a time.
            let ledger = try SQLiteLedger.open(at: arguments[0])
            var clock = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            let latencies = try Measure.latencies(arguments.count > 1 ? Int(arguments[1]) ?? 500 : 500) { index in
                clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 1)
                try ledger.append(.donation(Donation(donor: "基准", amount: 100, receipt: "PROFILE-\(index)")),
                    signer: SyntheticLedger.committee[0], now: clock)
            }
            return printJSON(["append_ms_median": Measure.percentile(latencies, 0.5)])
        default:
            break
        }
        var valid = false
        let seconds = try Measure.seconds {
            switch mode {
            case "verify":
                var verifier = ChainVerifier(keepsEarlierPayloads: false)
                // The batch size `ledger verify` uses (the store's default).
                try SQLiteLedger.open(at: arguments[0], readOnly: true).forEachBatchWithHistory { batch, earlier throws(LedgerError) in
                    withoutActuallyEscaping(earlier) { verifier.verify(batch: batch, earlierEntry: $0) }
                }
                if case .valid = verifier.finish() { valid = true }
            case "import":
                if case .valid = try SQLiteLedger.importJSONLines(from: arguments[0], to: arguments[1]) { valid = true }
            default:
                throw BenchError("unknown child mode \(mode)")
            }
        }
        printJSON(["valid": valid, "seconds": seconds, "rss_mib": Measure.peakResidentMiB()])
    }

    private static func printJSON(_ object: [String: Any]) {
        print(String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), as: UTF8.self))
    }
}
