import LedgerCore
import Synchronization

/// The whole state after the last entry, kept between requests so that a read does not load every member and
/// receipt again: a server answering `head` or a page would otherwise read rows in proportion to the ledger.
///
/// It is only ever the state of a count the file still says: a read checks the count first, and any other
/// writer's append (another process, or a `ledger` command beside the server) makes it stale and reloaded. This
/// ledger's own appends are folded in once their transaction commits, the same rows the store wrote.
final class StateCache: Sendable {
    private let kept = Mutex<LedgerState?>(nil)
    private let staged = Mutex<[(old: LedgerState, new: LedgerState)]>([])

    /// The kept state, if it is the state after `count` entries.
    func state(count: Int) -> LedgerState? {
        kept.withLock { $0?.count == count ? $0 : nil }
    }

    func keep(_ state: LedgerState) { kept.withLock { $0 = state } }

    /// An append in the open transaction, from the part of the state it loaded to the part it wrote.
    func stage(from old: LedgerState, to new: LedgerState) { staged.withLock { $0.append((old, new)) } }

    /// The transaction committed: its appends join the kept state, if it was the state they started from.
    func commit() {
        let appends = staged.withLock { staged in defer { staged.removeAll() }; return staged }
        guard !appends.isEmpty else { return }
        kept.withLock { state in
            for append in appends {
                guard state?.count == append.old.count else { state = nil; return }
                state?.absorb(from: append.old, to: append.new)
            }
        }
    }

    /// The state was rewritten whole (an import): what was kept no longer stands.
    func forget() { kept.withLock { $0 = nil } }

    /// The transaction failed: nothing it staged happened.
    func discard() { staged.withLock { $0.removeAll() } }
}
