import Foundation
import Synchronization

/// A token bucket per client address: each client may make ``ServerLimits/burst`` requests at once and then
/// ``ServerLimits/requestsPerSecond`` on average.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    private let rate: Double
    private let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = max(burst, 1)
    }

    /// Takes one token for `client`; returns the seconds to wait when there is none, `nil` when allowed.
    func admit(_ client: String, now: TimeInterval = Date().timeIntervalSinceReferenceDate) -> TimeInterval? {
        guard rate > 0 else { return nil }
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.updated < burst / rate } }
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / rate }
            bucket.tokens -= 1
            return nil
        }
    }
}
