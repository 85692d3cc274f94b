import Dispatch
import Foundation
import LedgerCore

/// Writes verified batches on a thread of its own, so that storing batch *k* overlaps with verifying batch
/// *k + 1*; only one batch waits to be written, which keeps memory flat however long the import.
final class PipelinedWriter: @unchecked Sendable {
    typealias Rows = [(entry: Entry, nodes: [(level: Int, index: Int, hash: EntryHash)])]
    typealias Effects = [(record: EffectRecord, totals: EffectTotals)]

    private let ledger: SQLiteLedger
    private let queue = DispatchQueue(label: "ledger.import.writer")
    private let slots = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    /// The first write that failed; later batches are then dropped.
    private var failure: LedgerError?

    init(_ ledger: SQLiteLedger) {
        self.ledger = ledger
    }

    /// Hands over one batch's rows, waiting while the previous one is still being written.
    /// - Throws: the error of an earlier batch's write, if one failed.
    func enqueue(_ rows: Rows, effects: Effects = []) throws(LedgerError) {
        slots.wait()
        if let failure = firstFailure() {
            slots.signal()
            throw failure
        }
        queue.async { [self] in
            defer { slots.signal() }
            guard firstFailure() == nil else { return }
            do throws(LedgerError) {
                try ledger.write { db throws(LedgerError) in
                    for row in rows { try ledger.writeRows(of: row.entry, nodes: row.nodes, db) }
                    for effect in effects { try ledger.insertEffect(effect.record, totals: effect.totals, db) }
                }
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
    }

    /// Waits until every batch handed over is written.
    /// - Throws: the first write error.
    func finish() throws(LedgerError) {
        queue.sync {}
        if let failure = firstFailure() { throw failure }
    }

    private func firstFailure() -> LedgerError? {
        lock.withLock { failure }
    }
}
