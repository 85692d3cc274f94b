import Foundation

/// Throughput and latency percentiles of a run.
struct Report {
    let results: [Outcome]
    let seconds: Double

    var text: String {
        var lines = ["kind       count     req/s   p50 ms   p90 ms   p99 ms   max ms  retries"]
        for kind in [Outcome.Kind.read, .append] {
            let chosen = results.filter { $0.kind == kind }
            let sorted = chosen.map(\.milliseconds).sorted()
            func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
            lines.append(String(format: "%-8@ %7d %9.1f %8.2f %8.2f %8.2f %8.2f %8d", kind.rawValue as NSString, chosen.count,
                Double(chosen.count) / seconds, percentile(0.5), percentile(0.9), percentile(0.99), sorted.last ?? 0,
                chosen.reduce(0) { $0 + $1.retries }))
        }
        lines.append(String(format: "all %d requests in %.2f s: %.1f req/s; %d failed", results.count, seconds,
            Double(results.count) / seconds, results.filter { !$0.ok }.count))
        return lines.joined(separator: "\n")
    }
}
