import Foundation
import LedgerCore

extension Timestamp {
    /// The system clock's time, to the second, as entries write it. The core never reads a clock; the application
    /// layers ask here, so a test can still hand the store any time it likes.
    public static func now() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}
