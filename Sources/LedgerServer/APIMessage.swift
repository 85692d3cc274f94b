import Foundation
import LedgerCore

/// One HTTP request as the API sees it, without the web framework's types, so the routing and every answer can
/// be tested in-process and the framework stays a thin layer at the edge.
public struct APIRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST", head = "HEAD", other }

    public var method: Method
    /// The method as sent, for the message about one that is not allowed.
    public var methodName: String
    /// The path without the query, e.g. `/api/v1/entries/12`.
    public var path: String
    public var query: [String: String]
    /// The raw `Accept-Language` header, if any.
    public var acceptLanguage: String?
    public var body: [UInt8]
    /// Who is asking (the peer's IP address), for the rate limit.
    public var client: String

    public init(method: Method, methodName: String? = nil, path: String, query: [String: String] = [:],
        acceptLanguage: String? = nil, body: [UInt8] = [], client: String = "local")
    {
        self.method = method
        self.methodName = methodName ?? method.rawValue
        self.path = path
        self.query = query
        self.acceptLanguage = acceptLanguage
        self.body = body
        self.client = client
    }

    /// Chinese when `?lang=zh` or an `Accept-Language` that starts with `zh`; `?lang=en` wins over the header.
    public var prefersChinese: Bool {
        if let lang = query["lang"] { return lang.lowercased().hasPrefix("zh") }
        return acceptLanguage?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("zh") ?? false
    }

    /// The path split on `/`, without empty parts.
    var components: [Substring] { path.split(separator: "/") }
}

/// One HTTP response: a status, a content type and the exact body bytes.
public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, contentType: String, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// A JSON value with sorted keys on one line. Not the ledger's canonical encoder: that one refuses the line
    /// breaks a checkpoint note holds, where ordinary JSON escapes them.
    static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
        let data = (try? JSONSerialization.data(withJSONObject: foundation(value), options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return APIResponse(status: status, contentType: "application/json; charset=utf-8", body: Array(data) + [0x0a])
    }

    private static func foundation(_ value: JSONValue) -> Any {
        switch value {
        case .string(let text): text
        case .integer(let number): number
        case .bool(let flag): flag
        case .array(let items): items.map(foundation)
        case .object(let fields): fields.mapValues(foundation)
        }
    }

    /// A server-rendered page.
    static func html(_ page: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(page.utf8))
    }

    /// The body parsed as a JSON object, for tests and clients.
    public var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
