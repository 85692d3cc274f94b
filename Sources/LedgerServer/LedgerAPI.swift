import Foundation
import LedgerCore
import LedgerStore

/// The JSON API and the web pages of one ledger (docs/API.md), independent of the HTTP server that carries them.
///
/// The server holds no private key: the only write is `POST /api/v1/entries` with an entry its author signed
/// elsewhere, and it goes through `SQLiteLedger.append(_:now:)`, which runs every rule and signature check a local
/// append runs.
public final class LedgerAPI: Sendable {
    let access: LedgerAccess
    public let limits: ServerLimits
    let limiter: RateLimiter
    /// The server's clock, injected so tests can move it.
    let clock: @Sendable () -> Timestamp
    /// The web pages, when the server shows any.
    let pages: (any PageRenderer)?

    public init(ledger: SQLiteLedger, limits: ServerLimits = ServerLimits(), pages: (any PageRenderer)? = nil,
        clock: @escaping @Sendable () -> Timestamp = { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) })
    {
        self.access = LedgerAccess(ledger)
        self.pages = pages
        self.limits = limits
        self.limiter = RateLimiter(rate: limits.requestsPerSecond, burst: limits.burst)
        self.clock = clock
    }

    /// Answers one request; never throws, never shows a stack trace.
    public func respond(to request: APIRequest) async -> APIResponse {
        let chinese = request.prefersChinese
        if let wait = limiter.admit(request.client) {
            var error = APIError(429, APIError.Code.rateLimited, en: "too many requests from your address; wait a moment and try again",
                zh: "您的地址请求过于频繁，请稍候再试")
            error.headers["Retry-After"] = "\(Int(wait.rounded(.up)))"
            return error.response(chinese: chinese)
        }
        do {
            return try await route(request)
        } catch let error as APIError {
            return error.response(chinese: chinese)
        } catch let error as LedgerError {
            return APIError(error).response(chinese: chinese)
        } catch {
            return APIError(500, APIError.Code.internalError, en: "the server failed to answer; try again later",
                zh: "服务器未能应答，请稍后再试").response(chinese: chinese)
        }
    }

    private func route(_ request: APIRequest) async throws -> APIResponse {
        guard request.components.first == "api" else { return try await page(request) }
        let (route, captures) = try route(for: request)
        return try await route.answer(self, request, captures)
    }

    /// Runs `body` on the ledger's queue, carrying its errors back.
    func read(_ body: @escaping @Sendable (SQLiteLedger) throws -> APIResponse) async throws -> APIResponse {
        let result: Result<APIResponse, any Error> = await access.run { ledger in Result { try body(ledger) } }
        return try result.get()
    }

    func notFound(_ request: APIRequest) -> APIError {
        .notFound("there is nothing at \(request.path); see docs/API.md for the endpoints", "\(request.path) 处没有内容；接口列表见 docs/API.md")
    }

    func methodNotAllowed(_ request: APIRequest) -> APIError {
        APIError(405, APIError.Code.methodNotAllowed, en: "\(request.methodName) is not allowed on \(request.path)",
            zh: "\(request.path) 不接受 \(request.methodName) 请求")
    }

    /// A path part that must be a seq.
    func seq(_ text: Substring) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw APIError.badRequest("“\(text)” is not an entry number", "“\(text)”不是条目序号")
        }
        return value
    }

    /// A whole-number query parameter, `fallback` when absent.
    func integer(_ request: APIRequest, _ name: String, _ fallback: Int? = nil) throws -> Int {
        guard let text = request.query[name] else {
            if let fallback { return fallback }
            throw APIError.badRequest("the query needs \(name)=NUMBER", "查询参数缺少 \(name)=数字")
        }
        guard let value = Int(text), value >= 0 else {
            throw APIError.badRequest("\(name)=\(text) is not a whole number ≥ 0", "\(name)=\(text) 不是非负整数")
        }
        return value
    }
}
