import Foundation
import GRDB
import LedgerCore

/// Turns SQLite and file errors into ``LedgerError``s a person can act on. SQL arguments never appear.
enum StorageFailure {
    static func map<T>(_ path: String?, _ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        } catch {
            throw LedgerError(.storage, en: "could not use the ledger file: \(error.localizedDescription)",
                zh: "无法使用账本文件：\(error.localizedDescription)")
        }
    }

    static func describe(_ error: DatabaseError, path: String?) -> LedgerError {
        let file = path ?? "the ledger"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(.storage,
                en: "\(file) is busy: another program kept it locked for \(Int(SQLiteLedger.busyTimeout)) seconds; try again",
                zh: "\(file) 正忙：另一个程序锁定了 \(Int(SQLiteLedger.busyTimeout)) 秒，请稍后再试")
        case .SQLITE_NOTADB:
            return LedgerError(.storage,
                en: "\(file) is not a ledger database (not SQLite, or its first page is damaged); if it was a ledger, "
                    + "restore a copy, or rebuild it with `ledger import` from an export",
                zh: "\(file) 不是账本数据库（不是 SQLite 文件，或其首页已损坏）；如果它原是账本，请恢复备份，或用 `ledger import` 从导出文件重建")
        case .SQLITE_CORRUPT:
            return LedgerError(.storage,
                en: "\(file) is damaged; restore a copy, or rebuild it with `ledger import` from an export",
                zh: "\(file) 已损坏；请恢复备份，或用 `ledger import` 从导出文件重建")
        case .SQLITE_FULL:
            return LedgerError(.storage, en: "the disk is full; nothing was written. Free some space and try again",
                zh: "磁盘已满，未写入任何内容。请腾出空间后重试")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return LedgerError(.storage,
                en: "cannot write to \(file): the file or its folder is read-only or not yours",
                zh: "无法写入 \(file)：文件或所在文件夹为只读或无权限")
        case .SQLITE_CONSTRAINT:
            return LedgerError(.storage, en: "the database refused the change: \(error.message ?? "constraint")",
                zh: "数据库拒绝了此更改：\(error.message ?? "约束")")
        case .SQLITE_IOERR:
            return LedgerError(.storage,
                en: "the disk reported an error reading or writing \(file); nothing was written. "
                    + "Check that the disk has free space and works, then try again",
                zh: "读写 \(file) 时磁盘出错，未写入任何内容。请确认磁盘有剩余空间且工作正常后重试")
        default:
            return LedgerError(.storage, en: "SQLite error on \(file): \(error.message ?? "\(error.resultCode)")",
                zh: "\(file) 的 SQLite 错误：\(error.message ?? "\(error.resultCode)")")
        }
    }
}
