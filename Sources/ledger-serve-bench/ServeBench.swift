import Foundation
import LedgerCore
import LedgerCrypto
import LedgerServer
import LedgerStore
import LedgerWeb

/// `ledger-serve-bench`: a bounded load run of `ledger serve` on loopback.
///
/// Founds a fresh ledger, serves it on a free port, and has `--clients` concurrent clients make `--reads` read
/// requests and `--appends` signed appends between them (each append: fetch the head, sign, post; a 409 means
/// rebuild and sign again). Then it checks that no request failed, every accepted entry is in the ledger, and the
/// whole chain verifies, and prints throughput and latency percentiles. Figures are printed, never asserted.
///
/// Run with `swift run -c release ledger-serve-bench [--entries 100000] [--reads 10000] [--appends 1000] [--clients 8]`.
@main
struct ServeBench {
    static func main() async throws {
        let options = Options(CommandLine.arguments)
        let folder = NSTemporaryDirectory() + "ledger-serve-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        if options.help {
            print(Options.usage)
            return
        }
        let society = try BenchSociety(path: folder + "/ledger.db", history: options.entries) { written in
            FileHandle.standardError.write(Data("\rgrowing the ledger: \(written) of \(options.entries) entries\u{1B}[K".utf8))
        }
        if options.entries > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        let api = LedgerSite.api(ledger: society.ledger, limits: ServerLimits(requestsPerSecond: 0))
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let app = LedgerSite.buildApplication(api: api, host: "127.0.0.1", port: 0) { port.yield($0) }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw BenchFailure("the server did not start") }
        let base = "http://127.0.0.1:\(bound)"
        print("Serving a ledger of \(try society.ledger.count()) entries on \(base); \(options.clients) clients, "
            + "\(options.reads) reads, \(options.appends) appends")

        let load = LoadRun(base: base, society: society, options: options)
        let started = Date()
        let results = try await load.run()
        let seconds = Date().timeIntervalSince(started)
        server.cancel()

        let failures = results.filter { !$0.ok }
        let accepted = results.compactMap(\.appended)
        let stored = try society.ledger.count()
        let storedHashes = Set(try society.ledger.entries().map(\.hash))
        let missing = accepted.filter { !storedHashes.contains($0) }.count
        let verification = try society.verify()
        print(Report(results: results, seconds: seconds).text)
        print("entries: \(society.foundingCount) at the start, \(stored) after, \(accepted.count) accepted, \(missing) missing; "
            + "chain: \(verification)")
        guard failures.isEmpty, missing == 0, accepted.count == options.appends, stored == society.foundingCount + options.appends,
            verification == "verifies"
        else {
            for failure in failures.prefix(5) { print("FAILED: \(failure.detail)") }
            print("FAILED: \(failures.count) failed requests, \(missing) lost entries, chain \(verification)")
            exit(1)
        }
    }
}

struct Options {
    var entries = 0
    var reads = 10_000
    var appends = 1_000
    var clients = 8
    var help = false

    static let usage = """
        USAGE: ledger-serve-bench [--entries N] [--reads N] [--appends N] [--clients N]

        Serves a fresh ledger on loopback and loads it: --clients concurrent clients make --reads reads and --appends
        signed appends. --entries first grows the ledger by N entries of history (default 0), so reads meet a ledger
        of real length. Fails on a failed request, a lost entry or a broken chain; prints figures, never asserts them.
        """

    init(_ arguments: [String]) {
        var index = 1
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) ?? 0 : 0
            switch arguments[index] {
            case "--help", "-h": help = true
            case "--entries": entries = max(0, value)
            case "--reads": reads = value
            case "--appends": appends = value
            case "--clients": clients = max(1, value)
            default: break
            }
            index += arguments[index].hasPrefix("--help") || arguments[index] == "-h" ? 1 : 2
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
