import GRDBSQLite

extension SQLiteLedger {
    /// The SQLite library this process runs with (for example `3.40.1`), asked of the library itself.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
