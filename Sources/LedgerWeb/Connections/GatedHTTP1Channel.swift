import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel behind a ``ConnectionGateHandler``, with the limits' idle timeout.
struct GatedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let gate: ConnectionGate

    init(responder: @escaping HTTPChannelHandler.Responder, gate: ConnectionGate) {
        inner = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .nanoseconds(gate.limits.idleTimeout.nanoseconds)))
        self.gate = gate
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionGateHandler(gate: gate), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension Duration {
    /// The whole duration in nanoseconds, as NIO's `TimeAmount` takes it.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the connection limits of `gate`.
    static func gatedHTTP1(_ gate: ConnectionGate) -> HTTPServerBuilder {
        .init { responder in GatedHTTP1Channel(responder: responder, gate: gate) }
    }
}
