import Foundation
import GRDB
import LedgerCore

/// The `effects` table: every money movement where it took effect, with the balances right after it, written
/// with the entry that brings it about (docs/FORMAT.md section 8; ``Activity``). It is what lets a month's
/// notice and the overview read only that month.
extension SQLiteLedger {
    /// Records the movement `entry` brings about, if any, with the balances after it.
    func writeEffect(of entry: Entry, before: LedgerState, after: LedgerState, _ db: Database) throws(LedgerError) {
        let waiting = entry.payload.target.flatMap { before.pending[$0] }
        guard let moved = Activity.movedMoney(appending: entry, waiting: waiting, after: after) else { return }
        var totals = try lastTotals(before: nil, db)
        totals.add(moved.changes)
        try insertEffect(EffectRecord(at: entry.seq, seq: moved.seq, time: entry.body.time), totals: totals, db)
    }

    /// Writes every effect again from the entries, judged by the ledger's final `state`, for a file written before
    /// the table existed (an import has its verifier work them out as it applies the entries). One pass in seq
    /// order, holding one batch: an approval moves its target's money when it is the target's last (one after that
    /// would have been refused) and the target is neither pending nor rejected.
    func rebuildEffects(state: LedgerState, _ db: Database) throws(LedgerError) {
        let lastApproval = try StorageFailure.map(path) { () throws -> [Int: Int] in
            var map: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT target, MAX(seq) AS last FROM entry_index WHERE kind = 'approve' GROUP BY target") {
                map[row["target"]] = row["last"]
            }
            return map
        }
        try StorageFailure.map(path) { try db.execute(sql: "DELETE FROM effects") }
        var totals = EffectTotals()
        try forEachBatch(from: 0, of: 4096, db) { batch, _ throws(LedgerError) in
            for bytes in batch {
                let entry = try Entry(bytes: bytes)
                var moving: Entry?
                if entry.kind.isReversible, entry.kind.approval == .none {
                    moving = entry
                } else if case .approve(let approve) = entry.payload, lastApproval[approve.target] == entry.seq,
                    state.pending[approve.target] == nil, !state.rejected.contains(approve.target)
                {
                    moving = try self.entry(approve.target, db)
                }
                guard let moving, moving.kind.isReversible || moving.kind == .reversal else { continue }
                var undone: Entry?
                if case .reversal(let reversal) = moving.payload { undone = try self.entry(reversal.target, db) }
                totals.add(Activity.changes(of: moving, undoing: undone))
                try insertEffect(EffectRecord(at: entry.seq, seq: moving.seq, time: entry.body.time), totals: totals, db)
            }
        }
    }

    /// The movements that took effect in `[start, end)`, in order.
    public func effects(from start: Timestamp?, to end: Timestamp?) throws(LedgerError) -> [EffectRecord] {
        guard try read({ db throws(LedgerError) in try self.hasEffectsTable(db) }) else {
            return try everyEffect().map(\.record).filter { record in
                (start.map { record.time >= $0 } ?? true) && (end.map { record.time < $0 } ?? true)
            }
        }
        return try read { db throws(LedgerError) in
            try StorageFailure.map(self.path) {
                try Row.fetchAll(db.cachedStatement(sql: "SELECT at, seq, time FROM effects WHERE time >= ? AND time < ? ORDER BY at"),
                    arguments: [start?.secondsSinceEpoch ?? Int64.min, end?.secondsSinceEpoch ?? Int64.max])
                    .map { EffectRecord(at: $0["at"], seq: $0["seq"], time: Timestamp(secondsSinceEpoch: $0["time"])) }
            }
        }
    }

    /// The balances right after the last movement before `time` (after every one when `nil`).
    public func effectTotals(before time: Timestamp?) throws(LedgerError) -> EffectTotals {
        guard try read({ db throws(LedgerError) in try self.hasEffectsTable(db) }) else {
            return try everyEffect().last { item in time.map { item.record.time < $0 } ?? true }?.totals ?? EffectTotals()
        }
        return try read { db throws(LedgerError) in try self.lastTotals(before: time, db) }
    }

    /// The last money movement to take effect, if any.
    public func latestEffect() throws(LedgerError) -> EffectRecord? {
        guard try read({ db throws(LedgerError) in try self.hasEffectsTable(db) }) else { return try everyEffect().last?.record }
        return try read { db throws(LedgerError) in
            try StorageFailure.map(self.path) {
                try Row.fetchOne(db.cachedStatement(sql: "SELECT at, seq, time FROM effects ORDER BY at DESC LIMIT 1"))
                    .map { EffectRecord(at: $0["at"], seq: $0["seq"], time: Timestamp(secondsSinceEpoch: $0["time"])) }
            }
        }
    }

    /// Every effect, worked out from the entries: for a file written before the table existed and opened read-only.
    private func everyEffect() throws(LedgerError) -> [(record: EffectRecord, totals: EffectTotals)] {
        EffectRecord.all(entries: try allEntries(), state: try state())
    }

    /// False for a file written before the table existed and opened read-only, so never migrated.
    private func hasEffectsTable(_ db: Database) throws(LedgerError) -> Bool {
        try StorageFailure.map(path) { try db.tableExists("effects") }
    }

    func insertEffect(_ record: EffectRecord, totals: EffectTotals, _ db: Database) throws(LedgerError) {
        try StorageFailure.map(path) {
            try db.cachedStatement(sql: "INSERT INTO effects (at, seq, time, totals) VALUES (?, ?, ?, ?)")
                .execute(arguments: [record.at, record.seq, record.time.secondsSinceEpoch, try Self.totalsEncoder.encode(totals)])
        }
    }

    /// The balances after the last movement before `time` (the last of all when `nil`): one row, decoded.
    private func lastTotals(before time: Timestamp?, _ db: Database) throws(LedgerError) -> EffectTotals {
        let data = try StorageFailure.map(path) {
            try Data.fetchOne(db.cachedStatement(sql: "SELECT totals FROM effects WHERE time < ? ORDER BY time DESC, at DESC LIMIT 1"),
                arguments: [time?.secondsSinceEpoch ?? Int64.max])
        }
        guard let data else { return EffectTotals() }
        guard let totals = try? JSONDecoder().decode(EffectTotals.self, from: data) else { throw Self.derivedDamage(path) }
        return totals
    }

    static let totalsEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}
