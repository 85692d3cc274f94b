import Foundation
import GRDB
import LedgerCore
import LedgerCrypto

/// One payload of a batch: what to record and its public memo.
public struct BatchItem: Sendable {
    public var payload: Payload
    public var memo: String?

    public init(_ payload: Payload, memo: String? = nil) {
        self.payload = payload
        self.memo = memo
    }
}

/// Why a batch was not written: the item a rule refused (with the rule's error), or a storage failure.
public struct BatchFailure: Error, Sendable, CustomStringConvertible {
    /// The position in the batch of the refused item; `nil` when the store itself failed.
    public var index: Int?
    public var error: LedgerError

    public var description: String { index.map { "item \($0): \(error)" } ?? error.description }
}

extension SQLiteLedger {
    /// Composes, signs, checks and writes several entries, signed by one key, in one transaction: either every
    /// item is recorded, one after the other with consecutive seqs, or nothing is.
    ///
    /// Each item is checked against the state left by the items before it, so a batch is refused exactly when
    /// appending its items one by one would refuse one of them. All entries carry the time `now` (or the last
    /// entry's time, if later).
    /// - Parameters:
    ///   - dryRun: check everything and roll back: nothing is written, and the results show what would have been.
    /// - Returns: one result per item, in order.
    /// - Throws: ``BatchFailure`` naming the refused item; nothing was written.
    @discardableResult
    public func append(batch items: [BatchItem], signer: Ed25519.PrivateKey, now: Timestamp, dryRun: Bool = false)
        throws(BatchFailure) -> [AppendResult]
    {
        guard !isReadOnly else {
            throw BatchFailure(index: nil, error: LedgerError(.storage, en: "the ledger was opened for reading only; nothing was written",
                zh: "账本以只读方式打开，未写入任何内容"))
        }
        var results: [AppendResult] = []
        var refused: BatchFailure?
        let written = Result { () throws(LedgerError) in
            try StorageFailure.map(path) {
                try database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        results = []
                        for (index, item) in items.enumerated() {
                            let outcome = Result { () throws(LedgerError) -> AppendResult in
                                let entry = try self.loadHeaderState(db).compose(item.payload, memo: item.memo, signer: signer, now: now)
                                return try self.insert(entry, now: now, db)
                            }
                            switch outcome {
                            case .success(let result):
                                results.append(result)
                            case .failure(let error):
                                refused = BatchFailure(index: error.code == .storage ? nil : index, error: error)
                                return .rollback
                            }
                        }
                        return dryRun ? .rollback : .commit
                    }
                    // Only what was committed joins the kept state; a dry run or a refusal rolled everything back.
                    if dryRun || refused != nil { stateCache.discard() } else { stateCache.commit() }
                }
            }
        }
        if case .failure(let error) = written {
            stateCache.discard()
            throw BatchFailure(index: nil, error: error)
        }
        if let refused { throw refused }
        return results
    }
}
