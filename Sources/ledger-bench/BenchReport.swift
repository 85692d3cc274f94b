import Foundation

/// The benchmark's figures, as a table for people and JSON for comparing runs.
struct BenchReport {
    var machine: [String: Any] = [:]
    var floors: [String: Double] = [:]
    var sizes: [[String: Any]] = []

    var jsonData: Data {
        (try? JSONSerialization.data(withJSONObject: ["machine": machine, "floors": floors, "sizes": sizes],
            options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    var table: String {
        func number(_ value: Any?, _ digits: Int = 2) -> String {
            guard let value = value as? Double else { return "\(value ?? "")" }
            return String(format: "%.\(digits)f", value)
        }
        var lines = [
            "Machine: \(machine["cores"] ?? "?") cores, \(machine["cpu"] ?? "?"), \(machine["date"] ?? "")",
            "Floors: Ed25519 verify \(number(floors["ed25519_verify_per_s_1_core"], 0))/s on 1 core, "
                + "\(number(floors["ed25519_verify_per_s_all_cores"], 0))/s on all cores; "
                + "SQLite FULL-sync commit median \(number(floors["sqlite_full_commit_ms_median"], 3)) ms, p99 \(number(floors["sqlite_full_commit_ms_p99"], 3)) ms",
            "",
        ]
        let rows: [(String, String, Int)] = [
            ("verify entries/s", "verify_per_s", 0), ("  ÷ all-core Ed25519 verify/s", "verify_ratio_to_all_core_ed25519", 3),
            ("  peak RSS MiB", "verify_peak_rss_mib", 1),
            ("import entries/s", "import_per_s", 0), ("  ÷ verify rate", "import_ratio_to_verify", 3), ("  peak RSS MiB", "import_peak_rss_mib", 1),
            ("append ms median", "append_ms_median", 3), ("append ms p99", "append_ms_p99", 3),
            ("  raw commit ÷ append (rate ratio)", "append_rate_ratio_to_raw_commit", 3),
            ("append keeping the tree ms median", "append_with_tree_ms_median", 3),
            ("append without the tree ms median", "append_without_tree_ms_median", 3),
            ("  Merkle upkeep, extra per append", "merkle_upkeep_extra_fraction", 3),
            ("member balance ms median", "member_balance_ms_median", 3), ("member balance ms p99", "member_balance_ms_p99", 3),
            ("fund balances ms median", "fund_balance_ms_median", 3), ("fund balances ms p99", "fund_balance_ms_p99", 3),
            ("pending ms median", "pending_ms_median", 3), ("pending ms p99", "pending_ms_p99", 3),
            ("inclusion proof + root ms median", "inclusion_proof_ms_median", 3), ("inclusion proof + root ms p99", "inclusion_proof_ms_p99", 3),
            ("consistency proof ms median", "consistency_proof_ms_median", 3), ("consistency proof ms p99", "consistency_proof_ms_p99", 3),
            ("file bytes per entry", "bytes_per_entry", 0),
        ]
        let header = ["figure"] + sizes.map { "\($0["entries"] ?? "")" }
        var cells = [header]
        for (label, key, digits) in rows { cells.append([label] + sizes.map { number($0[key], digits) }) }
        let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        for (index, row) in cells.enumerated() {
            lines.append(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}
