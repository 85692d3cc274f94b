import LedgerCore
import LedgerCrypto
import LedgerStore

/// What `ledger --version` prints: the program's version, the ledger format it writes and reads, and the
/// libraries it runs with (those are the distribution's, and a package may run on a newer one than it was
/// built with).
enum VersionText {
    /// The release; `packaging/build-deb` names the package after it.
    static let release = "0.9.0"

    static var text: String {
        """
        ledger \(release)
        ledger format v\(Body.version)
        \(LibraryVersion.openSSL)
        SQLite \(SQLiteLedger.sqliteVersion)
        """
    }
}
