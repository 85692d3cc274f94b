import AsyncHTTPClient
import Foundation
import LedgerCore
import NIOCore
import NIOHTTP1

/// JSON over HTTP to one `ledger serve`, on AsyncHTTPClient: the client the server side of the
/// project already builds on, so the command line needs no libcurl.
public struct ServerConnection: Sendable {
    /// The server's address, without a trailing `/`.
    public let base: URL

    /// One client for the process, like `HTTPClient.shared`, but failing at once when nothing listens: the shared
    /// client retries a refused connection until the request's deadline, a minute of silence for a volunteer whose
    /// server is down.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Answers larger than this are refused rather than read: a page of entries is far smaller.
    public static let maxReplyBytes = 64 << 20

    /// What the server answered.
    public struct Reply: Sendable {
        public var status: Int
        public var body: [UInt8]

        /// The body as a JSON object, or an empty one.
        public var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]) ?? [:] }
    }

    /// Parses a server address such as `http://ledger.example:8080`.
    /// - Throws: ``KitError/Code/badInput`` for anything else.
    public init(address: String) throws(KitError) {
        guard let url = URL(string: address.hasSuffix("/") ? String(address.dropLast()) : address),
            url.scheme == "http" || url.scheme == "https", url.host != nil
        else {
            throw KitError(.badInput, en: "\(address) is not a server address such as http://ledger.example:8080",
                zh: "\(address) 不是服务器地址（例如 http://ledger.example:8080）")
        }
        base = url
    }

    /// The URL of `path` on the server with `query`, its keys sorted.
    public func url(_ path: String, _ query: [String: String] = [:]) -> URL {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return components.url!
    }

    /// Sends one request in ``Language/current`` and waits for the whole answer.
    /// - Throws: ``KitError/Code/unreachable`` when the server cannot be reached or its answer is too large.
    public func send(_ path: String, _ query: [String: String] = [:], method: HTTPMethod = .GET, body: [UInt8]? = nil)
        async throws(KitError) -> Reply
    {
        let address = url(path, query)
        var request = HTTPClientRequest(url: address.absoluteString)
        request.method = method
        request.headers.add(name: "Accept-Language", value: Language.current.rawValue)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await Self.client.execute(request, timeout: .seconds(60))
            let bytes = try await response.body.collect(upTo: Self.maxReplyBytes)
            return Reply(status: Int(response.status.code), body: Array(buffer: bytes))
        } catch {
            throw KitError(.unreachable, en: "could not reach the server at \(address.absoluteString): \(error)",
                zh: "无法连接服务器 \(address.absoluteString)：\(error)")
        }
    }

    /// The JSON object of a 2xx answer to `path`; any other answer becomes the server's own code and message.
    public func get(_ path: String, _ query: [String: String] = [:]) async throws(KitError) -> [String: Any] {
        try check(await send(path, query), path)
    }

    /// The object of a 2xx answer; a 5xx or 429 is the server being unavailable, any other status its refusal.
    public func check(_ reply: Reply, _ path: String) throws(KitError) -> [String: Any] {
        guard (200..<300).contains(reply.status) else {
            let error = reply.object["error"] as? [String: Any]
            let code = error?["code"] as? String ?? "http_\(reply.status)"
            let message = error?["message"] as? String
            let text = LocalizedText("[\(code)] " + (message ?? "the server answered \(reply.status)"),
                "[\(code)] " + (message ?? "服务器返回 \(reply.status)"))
            throw KitError(reply.status >= 500 || reply.status == 429 ? .unreachable : .refused, text)
        }
        return reply.object
    }

    /// The failure for an answer that is not what a ledger server sends.
    public func unexpected(_ path: String) -> KitError {
        KitError(.unreachable, en: "the server's answer to \(path) is not what a ledger server sends",
            zh: "服务器对 \(path) 的应答不是账本服务器应有的格式")
    }
}
