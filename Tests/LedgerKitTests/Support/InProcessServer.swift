import Hummingbird
import Logging
import LedgerCore
import LedgerServer
import LedgerStore
import LedgerWeb
import ServiceLifecycle

/// `ledger serve`'s application (``LedgerSite``) running in the test process on a free loopback port, for as long as
/// `body` runs: what the remote client and the mirror talk to, with no child process.
enum InProcessServer {
    static func serving<T: Sendable>(_ ledger: SQLiteLedger, clock: @escaping @Sendable () -> Timestamp,
        _ body: @Sendable (String) async throws -> T) async throws -> T
    {
        let api = LedgerSite.api(ledger: ledger, limits: ServerLimits(requestsPerSecond: 0), clock: clock)
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let app = LedgerSite.buildApplication(api: api, host: "127.0.0.1", port: 0) { port.yield($0) }
        let services = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "in-process-server")))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body("http://127.0.0.1:\(bound)")
                await services.triggerGracefulShutdown()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
