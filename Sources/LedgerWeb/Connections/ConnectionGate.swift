import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// ``ConnectionTable`` shared by every connection of one server, with the channels it may have to close.
public final class ConnectionGate: @unchecked Sendable {
    private let lock = NSLock()
    private var table: ConnectionTable
    /// The admitted channels, for closing the silent one that makes room.
    private var channels: [Int: any Channel] = [:]
    /// The most connections open since memory was last handed back.
    private var peak = 0

    public init(limits: ConnectionLimits) {
        table = ConnectionTable(limits: limits)
    }

    public var limits: ConnectionLimits { table.limits }

    /// Connections open now.
    public var openConnections: Int { lock.withLock { table.open } }

    /// What one connection was told at the door.
    enum Admission {
        case admitted(Ticket)
        case refused(ConnectionTable.Refusal)
    }

    /// An admitted connection's place in the table.
    struct Ticket {
        let id: Int
        let address: String
    }

    /// Admits `channel`, closing the longest-silent connection when the server is at its cap.
    func admit(_ channel: any Channel) -> Admission {
        let address = Self.addressKey(channel.remoteAddress)
        let (decision, evicted): (ConnectionTable.Decision, (any Channel)?) = lock.withLock {
            let decision = table.admit(from: address)
            guard case .admitted(let id, let evicting) = decision else { return (decision, nil) }
            channels[id] = channel
            peak = max(peak, table.open)
            return (decision, evicting.flatMap { channels[$0] })
        }
        evicted?.close(promise: nil)
        switch decision {
        case .admitted(let id, _): return .admitted(Ticket(id: id, address: address))
        case .refused(let refusal): return .refused(refusal)
        }
    }

    func spoke(_ ticket: Ticket) {
        lock.withLock { table.spoke(ticket.id) }
    }

    func closed(_ ticket: Ticket) {
        let flooded = lock.withLock {
            table.closed(ticket.id, from: ticket.address)
            channels[ticket.id] = nil
            // Once when three quarters of a flood have gone, and again when the last of it has.
            guard peak >= Self.floodSize, table.open * 4 <= peak || table.open == 0 else { return false }
            peak = table.open == 0 ? 0 : Self.floodSize
            return true
        }
        if flooded { Self.returnFreedMemory() }
    }

    /// Connections open at once above which, once three quarters of them have closed and again once all have, the
    /// memory they used is handed back to the system.
    static let floodSize = 512

    /// Hands freed heap memory back to the system. glibc keeps what thousands of connections' buffers freed in its
    /// arenas, so without this a flood that has passed would leave the server's resident memory at its height.
    static func returnFreedMemory() {
        guard let trim = mallocTrim else { return }
        // Later, when the closed connections' tasks have ended and freed what they held: on a busy machine that can
        // take seconds after the last close, so the trim is repeated (each costs a few milliseconds).
        for delay in trimDelays {
            DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) { _ = trim(0) }
        }
    }

    /// Seconds after a flood's end at which freed memory is handed back.
    static let trimDelays: [Double] = [0.5, 2, 5]

    /// glibc's `malloc_trim`, looked up at run time because Swift's Glibc module does not import it (and other C
    /// libraries have no such call).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// What the per-address cap counts by: an IPv4 address (also when it arrives IPv4-mapped), or the first 64 bits
    /// of an IPv6 address, the block one home or phone is given.
    static func addressKey(_ address: SocketAddress?) -> String {
        switch address {
        case .v4?:
            return address?.ipAddress ?? "unknown"
        case .v6(let v6)?:
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
                return bytes[12...].map(String.init).joined(separator: ".")
            }
            return bytes[0..<8].map { String(format: "%02x", $0) }.joined() + "::/64"
        default:
            return "unknown"
        }
    }
}
