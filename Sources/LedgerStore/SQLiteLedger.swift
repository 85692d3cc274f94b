import Foundation
import GRDB
import LedgerCore

/// A ledger kept in one SQLite file (docs/FORMAT.md section 13).
///
/// Appends run one at a time under SQLite's write lock (`BEGIN IMMEDIATE`); another process waits up to
/// ``busyTimeout`` for it. Every append checks every rule against the current state and then writes the entry
/// and its derived rows in one transaction with `synchronous = FULL`, so an append is durable when it returns
/// and a refused append writes nothing.
public final class SQLiteLedger: Sendable {
    /// How long a command waits for another process's append before giving up with a clear message.
    public static let busyTimeout: TimeInterval = 30

    let database: DatabaseQueue
    /// The file path, or `nil` in memory.
    public let path: String?
    /// Opened for reading only: every write is refused before it reaches SQLite.
    public let isReadOnly: Bool
    /// The JSON summary rows decoded so far, so repeated appends do not decode the same rows again.
    let decodedRows = DecodedRows()
    /// The whole state after the last entry, while the file still says so.
    let stateCache = StateCache()

    init(database: DatabaseQueue, path: String?, readOnly: Bool = false) {
        self.database = database
        self.path = path
        self.isReadOnly = readOnly
    }

    /// Opens an existing ledger file.
    /// - Parameter readOnly: open without the right to write (verify, export, reports).
    /// - Throws: `storage` when the file is missing, is not SQLite, or is not a ledger.
    public static func open(at path: String, readOnly: Bool = false) throws(LedgerError) -> SQLiteLedger {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LedgerError(.storage, en: "there is no ledger at \(path); create one with `ledger init` or give --ledger PATH",
                zh: "\(path) 处没有账本；请用 `ledger init` 创建，或用 --ledger 指定路径")
        }
        if try ordinaryFileSize(path) == 0 {
            throw LedgerError(.storage, en: "\(path) is empty: it is not a ledger (a ledger file holds at least its genesis entry)",
                zh: "\(path) 是空文件：不是账本（账本文件至少包含创世条目）")
        }
        // A reader opens the file read-write when it may (it still writes nothing), so that SQLite removes its
        // -wal and -shm files on close; only a file it cannot write is opened read-only.
        let directory = (path as NSString).deletingLastPathComponent
        let folderWritable = access(directory.isEmpty ? "." : directory, W_OK) == 0
        let writable = access(path, W_OK) == 0 && folderWritable
        // On read-only media (a write-protected stick, a read-only share) SQLite cannot create the -shm file a
        // reader of a WAL file needs, so a reader opens it as immutable — only when no -shm file shows that a
        // writer has it open and no -wal file holds entries that are not in the file itself.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let immutable = readOnly && !folderWritable && walSize == 0 && !FileManager.default.fileExists(atPath: path + "-shm")
        let location = immutable ? SQLiteLedger.immutableURI(path) : path
        let ledger = try StorageFailure.map(path) {
            SQLiteLedger(database: try DatabaseQueue(path: location, configuration: configuration(readOnly: readOnly && !writable)),
                path: path, readOnly: readOnly)
        }
        try ledger.checkIsLedger(migrate: !readOnly)
        return ledger
    }

    /// The size of the regular file at `path`, refusing at once a folder, a pipe, a device or a socket, which no
    /// ledger can be: opening a pipe would wait for a writer forever, and a folder or device gives only an
    /// internal error.
    /// - Throws: `storage`, naming what `path` is instead.
    public static func ordinaryFileSize(_ path: String) throws(LedgerError) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw LedgerError(.storage, en: "cannot read \(path): it does not exist or is not readable", zh: "无法读取 \(path)：文件不存在或不可读")
        }
        let (en, zh): (String, String)
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int(info.st_size)
        case S_IFDIR: (en, zh) = ("a folder", "文件夹")
        case S_IFIFO: (en, zh) = ("a pipe", "管道")
        case S_IFCHR, S_IFBLK: (en, zh) = ("a device", "设备")
        default: (en, zh) = ("not a regular file", "非普通文件")
        }
        throw LedgerError(.storage, en: "\(path) is \(en), not a ledger: give the path of a ledger .db file or a .jsonl export",
            zh: "\(path) 是\(zh)，不是账本：请给出账本 .db 文件或 .jsonl 导出文件的路径")
    }

    /// `file:PATH?immutable=1`, with the characters a URI path may not hold escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// Creates a new ledger file holding only its genesis entry. Refuses to touch an existing file.
    public static func create(at path: String, genesis: Entry, now: Timestamp) throws(LedgerError) -> SQLiteLedger {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LedgerError(.storage, en: "\(path) already exists; a new ledger needs a new file",
                zh: "\(path) 已存在；新账本需要新文件")
        }
        let ledger = try StorageFailure.map(path) {
            SQLiteLedger(database: try DatabaseQueue(path: path, configuration: configuration(readOnly: false)), path: path)
        }
        do {
            try ledger.prepareNew()
            try ledger.append(genesis, now: now)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return ledger
    }

    /// A ledger in memory, for tests.
    public static func inMemory() throws(LedgerError) -> SQLiteLedger {
        let ledger = try StorageFailure.map(nil) { SQLiteLedger(database: try DatabaseQueue(), path: nil) }
        try ledger.prepareNew()
        return ledger
    }

    /// The connection settings. The journal mode is not among them: WAL is set once when a ledger is created and
    /// stays in the file, and asking GRDB for it on every open would make it write to the file while merely opening.
    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ledger"
        return configuration
    }

    func prepareNew() throws(LedgerError) {
        try StorageFailure.map(path) {
            if path != nil { _ = try database.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") } }
            try Schema.migrator.migrate(database)
            try database.writeWithoutTransaction { db in
                // Set after opening: GRDB lowers it to NORMAL in WAL mode while it prepares a connection.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
    }

    private func checkIsLedger(migrate: Bool) throws(LedgerError) {
        // A reader needs only the entries; a writer needs the derived tables too.
        let hasEntries = try StorageFailure.map(path) {
            try database.read { db in try db.tableExists("entries") && (!migrate || db.tableExists("state_header")) }
        }
        guard hasEntries else {
            throw LedgerError(.storage, en: "\(path ?? "the database") is an SQLite file but not a ledger",
                zh: "\(path ?? "该数据库") 是 SQLite 文件，但不是账本")
        }
        if migrate {
            let hadEffects = try StorageFailure.map(path) {
                try database.read { db in try Schema.migrator.appliedIdentifiers(db).contains("v3-effects") }
            }
            try StorageFailure.map(path) {
                try Schema.migrator.migrate(database)
                try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            }
            // A file written before the effects table existed gets it filled once, from its own entries.
            if !hadEffects {
                try write { db throws(LedgerError) in try self.rebuildEffects(state: try self.loadState(db), db) }
            }
        }
    }

    /// The `synchronous` setting in force (2 = FULL), so tests can prove appends are durable.
    public func synchronousSetting() throws(LedgerError) -> Int {
        try StorageFailure.map(path) { try database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 } }
    }
}
