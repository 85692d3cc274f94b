#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many connections the server holds open, and for how long a silent one may stay.
///
/// A connection that sends nothing still costs a file descriptor and memory; without bounds about 20,000 of them
/// left `ledger serve` at its descriptor limit, unable to answer anyone. See docs/SECURITY.md.
public struct ConnectionLimits: Sendable, Equatable {
    /// Open connections in all. At the cap, the connection that has been silent longest (it has not sent a byte) is
    /// closed to make room; when none is silent, the newcomer is answered 503 at once.
    public var maxConnections: Int
    /// Open connections from one address (an IPv4 address, or an IPv6 /64, which one household's router hands out).
    /// Over it the newcomer is answered 503 at once: one machine cannot crowd out the others.
    public var maxPerAddress: Int
    /// Seconds a connection may go without sending a complete request head — after it opens, or after its last
    /// answer — before it is closed. It is the idle timeout of a kept-alive connection and the header-read timeout
    /// of a slow one at once: a client trickling its headers byte by byte is closed on the same clock.
    public var idleTimeout: Duration

    public init(maxConnections: Int = 16_384, maxPerAddress: Int = 256, idleTimeout: Duration = .seconds(30)) {
        self.maxConnections = maxConnections
        self.maxPerAddress = maxPerAddress
        self.idleTimeout = idleTimeout
    }

    /// Descriptors kept back from the connection cap for the ledger file, its journal, logs and the listening socket.
    public static let reservedDescriptors = 256

    /// These limits with the total cap lowered to fit `descriptors` open files, so that the server can always accept
    /// a connection, if only to refuse it, rather than fail inside `accept`.
    public func fitted(toDescriptors descriptors: Int) -> ConnectionLimits {
        var fitted = self
        fitted.maxConnections = max(1, min(maxConnections, descriptors - Self.reservedDescriptors))
        fitted.maxPerAddress = max(1, min(maxPerAddress, fitted.maxConnections))
        return fitted
    }

    /// Raises this process's soft limit on open files to its hard limit, as far as the system allows, and returns
    /// the limit now in force.
    public static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)  // unlimited reads as Int.max
    }
}
