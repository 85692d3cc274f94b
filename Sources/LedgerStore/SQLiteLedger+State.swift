import Foundation
import GRDB
import LedgerCore

/// The rules' state kept as rows: a header, and one row per key, fund, member, pending entry and receipt.
///
/// An append loads the header, keys, funds and pending entries (all small), plus only the members and the
/// receipt its entry names, applies the entry, and writes back only the rows that changed. Its cost does not
/// grow with the ledger. Everything here is derived from `entries` and checked against it by count.
extension SQLiteLedger {
    /// The whole state, every member and receipt included.
    func loadState(_ db: Database) throws(LedgerError) -> LedgerState {
        let header = try loadHeader(db)
        return try StorageFailure.map(path) {
            let members = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM state_members")).map(SQLiteLedger.member)
            let receipts = try String.fetchAll(db.cachedStatement(sql: "SELECT receipt FROM state_receipts"))
            return LedgerState(header: header, keys: try keys(db), funds: try funds(db), members: members,
                pending: try pending(db), receipts: Set(receipts))
        }
    }

    /// Only what composing the next entry needs: seq, prev and time.
    func loadHeaderState(_ db: Database) throws(LedgerError) -> LedgerState {
        LedgerState(header: try loadHeader(db), keys: [], funds: [], members: [], pending: [], receipts: [])
    }

    /// The part of the state `entry` can touch, and the context its rules need from the past.
    func loadState(for entry: Entry, mode: ApplyContext.Mode, _ db: Database) throws(LedgerError) -> (LedgerState, ApplyContext) {
        let header = try loadHeader(db)
        var state = try StorageFailure.map(path) {
            LedgerState(header: header, keys: try keys(db), funds: try funds(db), members: [], pending: try pending(db), receipts: [])
        }
        let context = try self.context(for: entry, state: state, mode: mode, db)
        let named = try state.membersNamed(by: entry, earlierPayload: context.earlierPayload)
        let members = try StorageFailure.map(path) {
            try named.compactMap { id in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM state_members WHERE id = ?"), arguments: [id]).map(SQLiteLedger.member)
            }
        }
        var receipts: Set<String> = []
        if case .donation(let donation) = entry.payload, let receipt = donation.receipt {
            let used = try StorageFailure.map(path) {
                let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM state_receipts WHERE receipt = ?)")
                return try Bool.fetchOne(exists, arguments: [receipt]) ?? false
            }
            if used { receipts.insert(receipt) }
        }
        state = LedgerState(header: header, keys: Array(state.keys.values), funds: Array(state.funds.values), members: members,
            pending: Array(state.pending.values), receipts: receipts)
        return (state, context)
    }

    /// Writes the rows that differ between two states (the second derived from the first by one entry).
    func writeChanges(from old: LedgerState, to new: LedgerState, _ db: Database) throws(LedgerError) {
        let changes = new.rowChanges(since: old)
        try StorageFailure.map(path) {
            try writeHeader(new, db)
            for key in changes.keys { try write(key, db) }
            for fund in changes.funds { try write(fund, db) }
            for member in changes.members { try write(member, db) }
            for seq in changes.settled {
                try db.cachedStatement(sql: "DELETE FROM state_pending WHERE seq = ?").execute(arguments: [seq])
            }
            for entry in changes.pending { try write(entry, db) }
            for receipt in changes.receipts {
                try db.cachedStatement(sql: "INSERT INTO state_receipts (receipt) VALUES (?)").execute(arguments: [receipt])
            }
        }
    }

    /// Replaces every state row (after an import).
    func writeFullState(_ state: LedgerState, _ db: Database) throws(LedgerError) {
        stateCache.forget()
        try StorageFailure.map(path) {
            for table in ["state_keys", "state_funds", "state_members", "state_pending", "state_receipts"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
        try writeChanges(from: LedgerState(), to: state, db)
    }

    private func loadHeader(_ db: Database) throws(LedgerError) -> LedgerState.Header {
        let (stored, last) = try StorageFailure.map(path) { () throws -> (Row?, Int?) in
            (try Row.fetchOne(db.cachedStatement(sql: "SELECT count, header FROM state_header WHERE id = 1")),
             try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM entries")))
        }
        let count = (last ?? -1) + 1
        guard let stored else {
            guard count == 0 else { throw SQLiteLedger.derivedDamage(path) }
            return LedgerState().header
        }
        let data: Data = stored["header"]
        guard let header = try? decodedRows.decode(LedgerState.Header.self, from: data), header.count == count,
            stored["count"] == count
        else { throw SQLiteLedger.derivedDamage(path) }
        return header
    }

    private func writeHeader(_ state: LedgerState, _ db: Database) throws {
        let header = Data(state.header.encodedJSON)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO state_header (id, count, header) VALUES (1, ?, ?)")
            .execute(arguments: [state.count, header])
        decodedRows.remember(state.header, encodedAs: header)
    }

    private func keys(_ db: Database) throws -> [LedgerState.KeyRecord] {
        try Data.fetchAll(db.cachedStatement(sql: "SELECT record FROM state_keys")).map {
            try decodedRows.decode(LedgerState.KeyRecord.self, from: $0)
        }
    }

    func funds(_ db: Database) throws -> [LedgerState.FundRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM state_funds")).map {
            LedgerState.FundRecord(id: $0["id"], name: $0["name"], cash: $0["cash"], inKind: $0["in_kind"])
        }
    }

    func pending(_ db: Database) throws -> [LedgerState.PendingEntry] {
        try Data.fetchAll(db.cachedStatement(sql: "SELECT record FROM state_pending")).map {
            try decodedRows.decode(LedgerState.PendingEntry.self, from: $0)
        }
    }

    static func member(_ row: Row) -> LedgerState.MemberRecord {
        LedgerState.MemberRecord(id: row["id"], name: row["name"], note: row["note"], balance: row["balance"], closed: row["closed"],
            addedAt: row["added_at"])
    }

    private func write(_ key: LedgerState.KeyRecord, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO state_keys (id, record) VALUES (?, ?)")
            .execute(arguments: [key.id, try JSONEncoder().encode(key)])
    }

    private func write(_ fund: LedgerState.FundRecord, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO state_funds (id, name, cash, in_kind) VALUES (?, ?, ?, ?)").execute(
            arguments: [fund.id, fund.name, fund.cash, fund.inKind])
    }

    private func write(_ member: LedgerState.MemberRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO state_members (id, name, note, balance, closed, added_at) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(
            arguments: [member.id, member.name, member.note, member.balance, member.closed, member.addedAt])
    }

    private func write(_ entry: LedgerState.PendingEntry, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO state_pending (seq, record) VALUES (?, ?)")
            .execute(arguments: [entry.seq, try JSONEncoder().encode(entry)])
    }
}

extension SQLiteLedger {
    /// One member's record (balance included), read from its own row: constant time at any ledger size.
    public func member(_ id: MemberID) throws(LedgerError) -> LedgerState.MemberRecord? {
        try read { db throws(LedgerError) in
            try StorageFailure.map(self.path) {
                try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM state_members WHERE id = ?"), arguments: [id]).map(SQLiteLedger.member)
            }
        }
    }

    /// Every fund with its balances.
    public func funds() throws(LedgerError) -> [LedgerState.FundRecord] {
        try read { db throws(LedgerError) in try StorageFailure.map(self.path) { try self.funds(db).sorted { $0.id < $1.id } } }
    }

    /// Entries waiting for approval, in seq order.
    public func pendingEntries() throws(LedgerError) -> [LedgerState.PendingEntry] {
        try read { db throws(LedgerError) in try StorageFailure.map(self.path) { try self.pending(db).sorted { $0.seq < $1.seq } } }
    }
}
