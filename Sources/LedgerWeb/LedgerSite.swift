import Foundation
import Hummingbird
import HTTPTypes
import LedgerCore
import LedgerKit
import LedgerServer
import LedgerStore
import NIOCore

/// The web service for one ledger file: Hummingbird carrying ``LedgerAPI`` with the member pages.
///
/// `ledger serve`, `ledger-serve-bench` and the tests all build their server here, so what is measured and tested is
/// what people use.
public enum LedgerSite {
    /// The API of `ledger` with the site's pages: what ``buildApplication(api:host:port:onRunning:)`` serves, and
    /// what tests call in-process.
    public static func api(ledger: SQLiteLedger, limits: ServerLimits = ServerLimits(),
        clock: @escaping @Sendable () -> Timestamp = { .now() }) -> LedgerAPI
    {
        LedgerAPI(ledger: ledger, limits: limits, pages: WebPages(), clock: clock)
    }

    /// Sent with every page and API answer, errors and refusals included: no page of the ledger may run a script but
    /// the site's own modules (no inline script, no handler attribute), fetch from anywhere but this site, be framed
    /// by another site (a member tricked into clicking inside it), be read as another content type than the one
    /// sent, or tell another site which page it came from. Pages also carry the policy in a `<meta>`, so a saved copy
    /// keeps it.
    public static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy,
         "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    ]

    /// Builds the application serving `api` on `host:port` (port 0 picks a free one).
    ///
    /// - Parameters:
    ///   - connections: how many connections it holds, from one address and in all, and how long a silent one stays.
    ///   - onRunning: called with the port actually bound, once the server accepts connections.
    public static func buildApplication(api: LedgerAPI, host: String, port: Int, connections: ConnectionLimits = ConnectionLimits(),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol
    {
        let maxBody = api.limits.maxBodyBytes
        let bodyTime = connections.idleTimeout
        let bodySeconds = String(format: "%g", Double(bodyTime.components.seconds) + Double(bodyTime.components.attoseconds) / 1e18)
        let responder = CallbackResponder<ClientContext> { request, context in
            let method = APIRequest.Method(rawValue: request.method.rawValue) ?? .other
            if method == .get || method == .head, let asset = SiteAssets.asset(atPath: request.uri.path) {
                return assetResponse(asset, request: request, head: method == .head)
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            var asked = APIRequest(method: method, methodName: request.method.rawValue, path: request.uri.path, query: query,
                acceptLanguage: request.headers[.acceptLanguage], client: context.client)
            var answer: APIResponse
            do {
                if method == .post { asked.body = Array(buffer: try await BodyDeadline.collect(request.body, upTo: maxBody, within: bodyTime)) }
                answer = await api.respond(to: asked)
            } catch is BodyDeadline.Expired {
                answer = APIError(408, APIError.Code.requestTimeout, en: "the request's body did not arrive within \(bodySeconds) s; nothing was written",
                    zh: "请求内容未在 \(bodySeconds) 秒内送达；未写入任何内容").response(chinese: asked.prefersChinese)
                answer.headers["Connection"] = "close"
            } catch {
                // Larger than the limit: let the API say so in the asker's language.
                asked.body = Array(repeating: 0x20, count: maxBody + 1)
                answer = await api.respond(to: asked)
            }
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            headers[.cacheControl] = "no-store"
            for (name, value) in securityHeaders { headers[name] = value }
            for (name, value) in answer.headers { if let field = HTTPField.Name(name) { headers[field] = value } }
            let payload = method == .head ? [] : answer.body
            return Response(status: .init(code: answer.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: payload)))
        }
        return Application(responder: responder, server: .gatedHTTP1(ConnectionGate(limits: connections)),
            configuration: .init(address: .hostname(host, port: port), serverName: "ledger"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// A module of the site, or `304` when the browser's copy is current.
    static func assetResponse(_ asset: SiteAssets.Asset, request: Request, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = SiteAssets.contentType
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = asset.etag
        for (name, value) in securityHeaders { headers[name] = value }
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == asset.etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: head ? [] : asset.bytes)))
    }
}
