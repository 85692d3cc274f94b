import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore
import LedgerTesting
import Testing

/// Ledger files founded like `TestLedger`: committee keys 1–3 (陈, 李, 王), oversight keys 1–2 (张, 何),
/// funds `general` and `medical`, the default policy.
enum FileLedger {
    /// The genesis entry every fixture starts from (the same bytes as `TestLedger`'s).
    static let genesis: Entry = try! TestLedger().entries[0]

    /// The clock every append in these tests reads: the genesis time, so no entry is ever in the future.
    static var now: Timestamp { genesis.body.time }

    /// Creates a new ledger file at `path` holding only the genesis entry.
    static func create(at path: String) throws -> SQLiteLedger {
        try SQLiteLedger.create(at: path, genesis: genesis, now: now)
    }

    /// Creates a ledger file, appends ``History`` to it and closes it again.
    static func createWithHistory(at path: String) throws {
        let ledger = try create(at: path)
        try History.append(to: ledger)
    }

    /// Verifies the stored bytes from scratch, `batchSize` entries at a time, as `ledger verify` does.
    static func replay(_ ledger: SQLiteLedger, batchSize: Int = 3) throws -> ChainVerifier {
        var verifier = ChainVerifier()
        try ledger.forEachBatch(of: batchSize) { batch throws(LedgerError) in verifier.verify(batch: batch) }
        return verifier
    }

    /// Every entry's exact bytes, in seq order.
    static func lines(of ledger: SQLiteLedger) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try ledger.forEachBatch { batch throws(LedgerError) in lines += batch }
        return lines
    }

    /// The JSON Lines export of `lines`: each entry's bytes followed by a newline.
    static func jsonl(_ lines: [[UInt8]]) -> Data {
        Data(lines.flatMap { $0 + [0x0a] })
    }
}

extension SQLiteLedger {
    /// Signs and appends `payload` with `key` at the fixtures' clock.
    @discardableResult
    func append(_ payload: Payload, by key: Ed25519.PrivateKey) throws(LedgerError) -> AppendResult {
        try append(payload, signer: key, now: FileLedger.now)
    }

    /// Approves entry `seq` with `key`.
    @discardableResult
    func approve(_ seq: Int, by key: Ed25519.PrivateKey) throws -> AppendResult {
        let target = try #require(try entry(seq))
        return try append(.approve(Approve(target: seq, hash: target.hash)), by: key)
    }
}
