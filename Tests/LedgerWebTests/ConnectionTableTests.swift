import NIOCore
import Testing
@testable import LedgerWeb

/// The rules of ``ConnectionLimits``, decided by ``ConnectionTable`` without sockets; the robustness suite's
/// `ConnectionFloodTests` holds 10,000 real ones against `ledger serve`.
@Suite struct ConnectionTableTests {
    static func table(total: Int, perAddress: Int) -> ConnectionTable {
        ConnectionTable(limits: ConnectionLimits(maxConnections: total, maxPerAddress: perAddress))
    }

    static func admittedID(_ decision: ConnectionTable.Decision) -> Int? {
        if case .admitted(let id, _) = decision { return id }
        return nil
    }

    @Test func oneAddressIsCappedWhileAnotherStillGetsIn() {
        var table = Self.table(total: 100, perAddress: 3)
        for _ in 0..<3 { #expect(Self.admittedID(table.admit(from: "10.0.0.1")) != nil) }
        #expect(table.admit(from: "10.0.0.1") == .refused(.address))
        #expect(Self.admittedID(table.admit(from: "10.0.0.2")) != nil)
        #expect(table.open == 4)
    }

    @Test func closingFreesTheAddressesPlace() throws {
        var table = Self.table(total: 100, perAddress: 1)
        let first = try #require(Self.admittedID(table.admit(from: "10.0.0.1")))
        #expect(table.admit(from: "10.0.0.1") == .refused(.address))
        table.closed(first, from: "10.0.0.1")
        #expect(table.open == 0)
        #expect(Self.admittedID(table.admit(from: "10.0.0.1")) != nil)
    }

    @Test func atTheCapTheLongestSilentMakesRoomAndOneThatSpokeNever() throws {
        var table = Self.table(total: 3, perAddress: 10)
        let a = try #require(Self.admittedID(table.admit(from: "10.0.0.1")))
        let b = try #require(Self.admittedID(table.admit(from: "10.0.0.2")))
        let c = try #require(Self.admittedID(table.admit(from: "10.0.0.3")))
        table.spoke(a)
        // a spoke, so b is the oldest silent one.
        guard case .admitted(let d, let evicting) = table.admit(from: "10.0.0.4") else {
            Issue.record("a newcomer at the cap was refused while silent connections were open")
            return
        }
        #expect(evicting == b)
        #expect(!table.isSilent(b))
        table.closed(b, from: "10.0.0.2")
        table.spoke(c)
        table.spoke(d)
        // Everyone open has spoken: nothing to evict, so the newcomer is refused.
        #expect(table.admit(from: "10.0.0.5") == .refused(.full))
        #expect(table.open == 3)
    }

    @Test func theSilentQueueStaysAsLongAsTheSilentSet() throws {
        var table = Self.table(total: 100_000, perAddress: 100_000)
        for _ in 0..<50_000 {
            let id = try #require(Self.admittedID(table.admit(from: "10.0.0.1")))
            table.spoke(id)
            table.closed(id, from: "10.0.0.1")
        }
        #expect(table.open == 0)
        #expect(table.queuedCount <= 2048, "\(table.queuedCount) ids queued for 0 silent connections")
    }

    @Test func addressesAreCountedByHostAndIPv6ByItsSlash64() throws {
        let v4 = try SocketAddress(ipAddress: "192.0.2.7", port: 5000)
        let mapped = try SocketAddress(ipAddress: "::ffff:192.0.2.7", port: 5001)
        let home1 = try SocketAddress(ipAddress: "2001:db8:1:2::10", port: 5002)
        let home2 = try SocketAddress(ipAddress: "2001:db8:1:2:ffff::1", port: 5003)
        let neighbour = try SocketAddress(ipAddress: "2001:db8:1:3::10", port: 5004)
        #expect(ConnectionGate.addressKey(v4) == "192.0.2.7")
        #expect(ConnectionGate.addressKey(mapped) == "192.0.2.7")
        #expect(ConnectionGate.addressKey(home1) == ConnectionGate.addressKey(home2))
        #expect(ConnectionGate.addressKey(home1) != ConnectionGate.addressKey(neighbour))
        #expect(ConnectionGate.addressKey(nil) == "unknown")
    }

    @Test func theRefusalIsACompleteBilingual503() {
        for refusal in [ConnectionTable.Refusal.address, .full] {
            let buffer = ConnectionGateHandler.refusal(refusal, allocator: ByteBufferAllocator())
            let text = String(buffer: buffer)
            let parts = text.components(separatedBy: "\r\n\r\n")
            #expect(parts.count == 2)
            #expect(text.hasPrefix("HTTP/1.1 503 "))
            #expect(text.contains("\r\nConnection: close\r\n"))
            #expect(text.contains("\r\nContent-Length: \(parts[1].utf8.count)\r\n"))
            #expect(parts[1].contains("请稍后再试") && parts[1].contains("try again"))
        }
    }

    @Test func theCapFitsTheOpenFileLimit() {
        let limits = ConnectionLimits(maxConnections: 16_384, maxPerAddress: 256)
        #expect(limits.fitted(toDescriptors: 1024).maxConnections == 1024 - ConnectionLimits.reservedDescriptors)
        #expect(limits.fitted(toDescriptors: 1_048_576).maxConnections == 16_384)
        #expect(limits.fitted(toDescriptors: 300).maxPerAddress == 300 - ConnectionLimits.reservedDescriptors)
        #expect(ConnectionLimits.raiseDescriptorLimit() >= 64)
    }
}
