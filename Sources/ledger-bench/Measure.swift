import ChildProcess
import Foundation

/// Timing and memory helpers for the benchmark.
enum Measure {
    /// Seconds taken by `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Latencies of `count` runs of `body`, in milliseconds, sorted.
    static func latencies(_ count: Int, _ body: (Int) throws -> Void) rethrows -> [Double] {
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<count { samples.append(try seconds { try body(index) } * 1_000) }
        return samples.sorted()
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// This process's peak resident memory in MiB (VmHWM).
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kib / 1_024
    }

    /// Runs this executable again with `arguments` and returns what it printed last (one JSON line).
    static func child(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try run(CommandLine.arguments[0], arguments)
        guard outcome.status == 0, let line = outcome.stdout.split(separator: "\n").last,
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { throw BenchError("child \(arguments.first ?? "") failed (\(outcome))") }
        return object
    }

    /// Runs `executable arguments…` to its end, started with `posix_spawn` (not Foundation's `Process`, which can
    /// crash the process that calls it on Linux) in the current folder, so relative paths mean the same to it; its
    /// output passes through two files there, removed once it has ended.
    static func run(_ executable: String, _ arguments: [String]) throws -> ProcessOutcome {
        let path = URL(fileURLWithPath: executable).standardizedFileURL.path
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try Child(path, arguments, environment: ProcessInfo.processInfo.environment, folder: folder).waitBlocking()
    }

    /// The CPU model, for the report.
    static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }
}
