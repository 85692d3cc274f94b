import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on standard error for long work: shown only on a terminal, and only once the work has taken
/// more than a second, so scripts and quick commands never see it.
final class Progress {
    private let label: String
    private let total: Int?
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false
    private var lastDrawn = Date.distantPast

    /// - Parameter total: how many items there will be, when known (or estimated); otherwise only a count shows.
    init(label: String, total: Int? = nil) {
        self.label = label
        self.total = total.flatMap { $0 > 0 ? $0 : nil }
    }

    func update(_ count: Int) {
        let now = Date()
        guard enabled, now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        shown = true
        lastDrawn = now
        var line = "\r\(label) \(count)"
        if let total {
            let fraction = min(1, Double(count) / Double(total))
            let filled = Int(fraction * 30)
            line = "\r\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: 30 - filled))] "
                + "\(Int(fraction * 100))%  \(count)/\(max(count, total))"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// An estimate of the lines in a JSON Lines file, from the average line length of its first mebibyte.
    static func estimatedLines(in path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let sample = try? handle.read(upToCount: 1 << 20), !sample.isEmpty,
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        else { return nil }
        let newlines = sample.reduce(0) { $0 + ($1 == 0x0a ? 1 : 0) }
        guard newlines > 0 else { return nil }
        return Int(Double(size) / Double(sample.count) * Double(newlines))
    }
}
