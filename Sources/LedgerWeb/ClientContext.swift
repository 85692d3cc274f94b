import Hummingbird
import NIOCore

/// The request context: Hummingbird's basics plus the peer's address, which the rate limit counts by.
public struct ClientContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or "unknown".
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
