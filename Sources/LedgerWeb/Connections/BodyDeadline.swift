import Hummingbird
import NIOCore

/// Reads a request's body, giving up once `limit` has passed: the idle timeout ends a connection that is slow to send
/// its headers, and this ends one that is slow to send its body, which would otherwise hold a connection (and a place
/// under the per-address cap) for as long as its sender likes, a byte at a time.
enum BodyDeadline {
    /// The body did not arrive in time.
    struct Expired: Error {}

    /// The body, at most `maxBytes` of it.
    /// - Throws: ``Expired`` after `limit`; Hummingbird's error when the body is larger than `maxBytes`.
    static func collect(_ body: RequestBody, upTo maxBytes: Int, within limit: Duration) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: maxBytes) }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw Expired() }
            return buffer
        }
    }
}
