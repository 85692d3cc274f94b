import NIOCore

/// The first handler of every connection, ahead of the HTTP decoder: asks the ``ConnectionGate`` whether the
/// connection may stay, tells it when the connection first speaks and when it closes, and answers a refused one
/// with a 503 at once, without reading what it sends.
final class ConnectionGateHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let gate: ConnectionGate
    private var ticket: ConnectionGate.Ticket?
    private var refused = false
    private var spoke = false

    init(gate: ConnectionGate) { self.gate = gate }

    func channelActive(context: ChannelHandlerContext) {
        switch gate.admit(context.channel) {
        case .admitted(let ticket):
            self.ticket = ticket
        case .refused(let refusal):
            refused = true
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(Self.refusal(refusal, allocator: context.channel.allocator))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        if !spoke, let ticket {
            spoke = true
            gate.spoke(ticket)
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let ticket {
            gate.closed(ticket)
            self.ticket = nil
        }
        context.fireChannelInactive()
    }

    /// A complete HTTP/1.1 503 in both languages (the request, which would say which, is never read).
    static func refusal(_ refusal: ConnectionTable.Refusal, allocator: ByteBufferAllocator) -> ByteBuffer {
        let text = switch refusal {
        case .address: "连接过多：此地址已打开太多连接，请稍后再试。\nToo many connections from this address; try again shortly.\n"
        case .full: "服务器繁忙：打开的连接已满，请稍后再试。\nThe server holds as many connections as it can; try again shortly.\n"
        }
        let body = Array(text.utf8)
        let head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
            + "Retry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        var buffer = allocator.buffer(capacity: head.utf8.count + body.count)
        buffer.writeString(head)
        buffer.writeBytes(body)
        return buffer
    }
}
