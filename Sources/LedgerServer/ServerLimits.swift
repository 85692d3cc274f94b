/// The bounds that keep one visitor from exhausting a small server.
public struct ServerLimits: Sendable {
    /// The largest request body read, in bytes: one entry at most ``Entry.maxBytes`` plus room for whitespace.
    public var maxBodyBytes: Int
    /// The most entries one page of `/api/v1/entries` returns, whatever `limit` asks for.
    public var maxPageSize: Int
    /// Requests each client may make per second on average; 0 turns the limit off.
    public var requestsPerSecond: Double
    /// How many requests a client may make at once before the average applies.
    public var burst: Double

    public init(maxBodyBytes: Int = 80 * 1024, maxPageSize: Int = 500, requestsPerSecond: Double = 20, burst: Double = 100) {
        self.maxBodyBytes = maxBodyBytes
        self.maxPageSize = maxPageSize
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}
