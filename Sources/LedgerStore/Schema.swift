import GRDB

/// The database schema, as named migrations that are never edited once released.
///
/// `entries` is the ledger itself: seq, entry hash and exact bytes, with triggers that refuse UPDATE and DELETE.
/// Everything else is derived from it, written in the same transaction as the entry it comes from, and can be
/// rebuilt from `entries`; a verifier never reads it.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entries (
                        seq   INTEGER PRIMARY KEY CHECK (seq >= 0),
                        hash  BLOB NOT NULL UNIQUE CHECK (length(hash) = 32),
                        bytes BLOB NOT NULL
                    );
                    CREATE TRIGGER entries_are_append_only_update BEFORE UPDATE ON entries
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: UPDATE refused'); END;
                    CREATE TRIGGER entries_are_append_only_delete BEFORE DELETE ON entries
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: DELETE refused'); END;

                    -- Derived: the rules' state after the last entry, one row per key, fund, member, pending entry
                    -- and receipt, so an append reads and writes only the rows its entry touches.
                    CREATE TABLE state_header (
                        id     INTEGER PRIMARY KEY CHECK (id = 1),
                        count  INTEGER NOT NULL,
                        header BLOB NOT NULL
                    );
                    CREATE TABLE state_keys (id TEXT PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
                    CREATE TABLE state_funds (
                        id TEXT PRIMARY KEY, name TEXT NOT NULL, cash INTEGER NOT NULL, in_kind INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE state_members (
                        id TEXT PRIMARY KEY, name TEXT NOT NULL, note TEXT, balance INTEGER NOT NULL,
                        closed INTEGER NOT NULL, added_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE state_pending (seq INTEGER PRIMARY KEY, record BLOB NOT NULL);
                    CREATE TABLE state_receipts (receipt TEXT PRIMARY KEY) WITHOUT ROWID;

                    -- Derived: which entries touch which member, and each entry's kind, for log and statements.
                    CREATE TABLE entry_index (
                        seq    INTEGER PRIMARY KEY,
                        kind   TEXT NOT NULL,
                        member TEXT,
                        target INTEGER
                    );
                    CREATE INDEX entry_index_member ON entry_index(member, seq) WHERE member IS NOT NULL;
                    CREATE INDEX entry_index_kind ON entry_index(kind, seq);
                    CREATE INDEX entry_index_target ON entry_index(target) WHERE target IS NOT NULL;

                    -- Derived: every complete subtree of the RFC 9162 Merkle tree, so roots and proofs at any
                    -- size cost O(log n) reads.
                    CREATE TABLE merkle_nodes (
                        level INTEGER NOT NULL,
                        idx   INTEGER NOT NULL,
                        hash  BLOB NOT NULL,
                        PRIMARY KEY (level, idx)
                    ) WITHOUT ROWID;

                    -- Published checkpoints (C2SP signed notes) and their cosignatures. Not part of the chain and
                    -- not derivable from it: a record of what was signed and posted, used for receipts and notices.
                    CREATE TABLE checkpoint_notes (
                        size   INTEGER NOT NULL,
                        text   TEXT NOT NULL PRIMARY KEY,
                        note   TEXT NOT NULL,
                        signed INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-state-snapshots") { db in
            try db.execute(
                sql: """
                    -- The rules' state after the first `size` entries, kept by `ledger audit` with its checkpoint, and
                    -- the signed state note naming its hash: what `verify --since` resumes from. Not derivable from the
                    -- entries alone (the note is signed), and checked against the note before it is used.
                    CREATE TABLE state_snapshots (
                        size  INTEGER PRIMARY KEY CHECK (size > 0),
                        state BLOB NOT NULL,
                        hash  BLOB NOT NULL CHECK (length(hash) = 32),
                        note  TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-effects") { db in
            try db.execute(
                sql: """
                    -- Derived: each money movement where it took effect (docs/FORMAT.md section 8) — `at` the entry
                    -- at which it took effect (the movement itself, or its last needed approval), `seq` the entry that
                    -- moves the money, `time` the time of `at` in seconds — with the balances right after it (JSON:
                    -- funds' cash and goods, what is held for members). A month's notice reads its own rows and one
                    -- row of balances, whatever the ledger's length. Filled for older files when they are opened.
                    CREATE TABLE effects (
                        at     INTEGER PRIMARY KEY,
                        seq    INTEGER NOT NULL,
                        time   INTEGER NOT NULL,
                        totals BLOB NOT NULL
                    );
                    CREATE INDEX effects_time ON effects(time, at);
                    """)
        }
        return migrator
    }
}
