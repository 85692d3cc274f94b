#!/usr/bin/env python3
"""Edits a ledger's SQLite file underneath the program, the way someone with the file but not the keys would.

Used by the forgery and storage tests of LedgerRobustnessTests (Python's sqlite3 module, so the tests need no
SQLite library of their own). Entry bytes are passed and printed as hex; the entry hash column is recomputed as
SHA-256(0x00 || bytes), as the format defines it, so that only the ledger's own checks can catch the change.

  ledgerdb.py drop-triggers DB
  ledgerdb.py get DB SEQ                  print the entry's bytes as hex
  ledgerdb.py put DB SEQ HEX              replace (or add) the entry at SEQ, triggers dropped (and the UNIQUE
                                          hash constraint too, when the same entry is stored twice)
  ledgerdb.py delete DB SEQ [SEQ...]      delete entries, triggers dropped
  ledgerdb.py swap DB SEQ1 SEQ2           exchange two entries' bytes, triggers dropped
  ledgerdb.py sql DB STATEMENT            run one statement (derived tables)
  ledgerdb.py hold DB SECONDS MARKER      hold the write lock (BEGIN IMMEDIATE) for SECONDS, creating MARKER
                                          once it is held: another program that never lets go
"""
import hashlib
import sqlite3
import sys
import time


def entry_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def drop_unique_hash(db):
    """Rebuilds `entries` without its UNIQUE hash constraint, so the same entry can be stored twice."""
    drop_triggers(db)
    db.execute("BEGIN")
    db.execute("CREATE TABLE entries_copy (seq INTEGER PRIMARY KEY, hash BLOB NOT NULL, bytes BLOB NOT NULL)")
    db.execute("INSERT INTO entries_copy SELECT seq, hash, bytes FROM entries")
    db.execute("DROP TABLE entries")
    db.execute("ALTER TABLE entries_copy RENAME TO entries")
    db.execute("COMMIT")


def drop_triggers(db):
    db.execute("DROP TRIGGER IF EXISTS entries_are_append_only_update")
    db.execute("DROP TRIGGER IF EXISTS entries_are_append_only_delete")


def main(argv):
    command, path = argv[1], argv[2]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        if command == "drop-triggers":
            drop_triggers(db)
        elif command == "get":
            row = db.execute("SELECT bytes FROM entries WHERE seq = ?", (int(argv[3]),)).fetchone()
            print(bytes(row[0]).hex())
        elif command == "put":
            seq, data = int(argv[3]), bytes.fromhex(argv[4])
            drop_triggers(db)
            if db.execute("SELECT 1 FROM entries WHERE hash = ? AND seq != ?", (entry_hash(data), seq)).fetchone():
                drop_unique_hash(db)
            db.execute("BEGIN")
            db.execute("DELETE FROM entries WHERE seq = ?", (seq,))
            db.execute("INSERT INTO entries (seq, hash, bytes) VALUES (?, ?, ?)", (seq, entry_hash(data), data))
            db.execute("COMMIT")
        elif command == "delete":
            drop_triggers(db)
            for seq in argv[3:]:
                db.execute("DELETE FROM entries WHERE seq = ?", (int(seq),))
        elif command == "swap":
            a, b = int(argv[3]), int(argv[4])
            drop_triggers(db)
            rows = {seq: bytes(data) for seq, data in db.execute("SELECT seq, bytes FROM entries WHERE seq IN (?, ?)", (a, b))}
            db.execute("BEGIN")
            db.execute("DELETE FROM entries WHERE seq IN (?, ?)", (a, b))
            db.execute("INSERT INTO entries (seq, hash, bytes) VALUES (?, ?, ?)", (a, entry_hash(rows[b]), rows[b]))
            db.execute("INSERT INTO entries (seq, hash, bytes) VALUES (?, ?, ?)", (b, entry_hash(rows[a]), rows[a]))
            db.execute("COMMIT")
        elif command == "sql":
            db.execute(argv[3])
        elif command == "hold":
            db.execute("BEGIN IMMEDIATE")
            open(argv[4], "w").close()
            time.sleep(float(argv[3]))
            db.execute("ROLLBACK")
        else:
            sys.exit("unknown command " + command)
    finally:
        db.close()


if __name__ == "__main__":
    main(sys.argv)
