import ChildProcess
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// `ledger-bench --since-only`: what `ledger verify --since` costs. At each size N: a synthetic ledger of N entries,
/// an audit by the real `ledger audit` (which keeps the state snapshot), 1,000 more entries, then the wall time of
/// the real `ledger verify --since` (median of five runs) next to one full `ledger verify`.
enum SinceBench {
    static let added = 1_000

    static func measure(size: Int, folder: String) throws -> [String: Any] {
        let jsonl = "\(folder)/since-\(size).jsonl"
        let db = "\(folder)/since-\(size).db"
        for path in [jsonl, db] { try? FileManager.default.removeItem(atPath: path) }
        note("\(size): generating…")
        try SyntheticLedger.write(count: size, to: jsonl) { note("  \($0) entries") }
        note("\(size): importing…")
        guard try Measure.child(["--child", "import", jsonl, db])["valid"] as? Bool == true else {
            throw BenchError("the \(size)-entry ledger did not import")
        }
        try? FileManager.default.removeItem(atPath: jsonl)

        note("\(size): auditing…")
        let keyFile = "\(folder)/oversight.pem"
        try SyntheticLedger.oversight[0].pemRepresentation(passphrase: nil).write(toFile: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        let audit = try runLedger(["audit", "--ledger", db, "--key", keyFile])
        guard audit.status == 0 else { throw BenchError("ledger audit failed: \(audit.output)") }
        let notePath = "\(folder)/since-\(size).note"
        try audit.output.write(toFile: notePath, atomically: true, encoding: .utf8)

        note("\(size): appending \(added) entries…")
        let ledger = try SQLiteLedger.open(at: db)
        let items = (0..<added).map { BatchItem(.donation(Donation(donor: "基准", amount: 100, receipt: "SINCE-\(size)-\($0)"))) }
        try ledger.append(batch: items, signer: SyntheticLedger.committee[0], now: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))

        note("\(size): verify --since…")
        var runs: [Double] = []
        for _ in 0..<5 {
            let run = try runLedger(["verify", db, "--since", notePath, "--json"])
            guard run.status == 0 else { throw BenchError("verify --since failed: \(run.output)") }
            runs.append(run.seconds)
        }
        note("\(size): full verify…")
        let full = try runLedger(["verify", db, "--json"])
        guard full.status == 0 else { throw BenchError("verify failed: \(full.output)") }
        runs.sort()
        return ["entries": size + 1 + added, "checkpoint_size": size, "checked": added + 1,
            "verify_since_s_median": Measure.percentile(runs, 0.5), "verify_since_s_max": runs.last ?? 0,
            "verify_full_s": full.seconds]
    }

    /// Runs the `ledger` executable built next to this one; its standard output and wall time.
    static func runLedger(_ arguments: [String]) throws -> (status: Int32, output: String, seconds: Double) {
        let ledger = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            .deletingLastPathComponent().appendingPathComponent("ledger").path
        var outcome: ProcessOutcome?
        let seconds = try Measure.seconds { outcome = try Measure.run(ledger, arguments) }
        return (outcome!.exitCode, outcome!.stdout, seconds)
    }
}
