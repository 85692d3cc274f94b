import Dispatch
import LedgerStore

/// The served ledger, touched by one request at a time on a queue of its own.
///
/// Every request's reads run together, so a page never mixes two states of the ledger; an append checks the head
/// and writes in the same turn, so two authors racing for the same `seq` get one success and one 409. The work
/// runs off Swift's cooperative threads because SQLite blocks while it waits for the disk.
final class LedgerAccess: Sendable {
    private let ledger: SQLiteLedger
    private let queue = DispatchQueue(label: "ledger-access")

    init(_ ledger: SQLiteLedger) {
        self.ledger = ledger
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteLedger) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body(self.ledger)) }
        }
    }
}
