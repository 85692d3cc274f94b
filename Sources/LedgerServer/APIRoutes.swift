/// The JSON API's endpoints, one line each: the method, the path as docs/openapi.yaml spells it, and what answers.
///
/// The router and the test that keeps docs/openapi.yaml true both read this one table, so an endpoint cannot be
/// served without being described, or described without being served.
extension LedgerAPI {
    struct Route: Sendable {
        /// `GET` (which also answers `HEAD`) or `POST`.
        let method: APIRequest.Method
        /// The path with `{name}` for a path parameter, e.g. `/api/v1/entries/{seq}`.
        let path: String
        let answer: @Sendable (LedgerAPI, APIRequest, [String: Substring]) async throws -> APIResponse

        init(_ method: APIRequest.Method, _ path: String,
             _ answer: @escaping @Sendable (LedgerAPI, APIRequest, [String: Substring]) async throws -> APIResponse)
        {
            self.method = method
            self.path = path
            self.answer = answer
        }

        /// The path parameters when `parts` (a request path split on `/`) fits this route's path; `nil` otherwise.
        func captures(_ parts: [Substring]) -> [String: Substring]? {
            let pattern = path.split(separator: "/")
            guard pattern.count == parts.count else { return nil }
            var captures: [String: Substring] = [:]
            for (want, part) in zip(pattern, parts) {
                if want.first == "{", want.last == "}" {
                    captures[String(want.dropFirst().dropLast())] = part
                } else if want != part {
                    return nil
                }
            }
            return captures
        }
    }

    static let routes: [Route] = [
        Route(.get, "/api/v1/head") { api, _, _ in try await api.head() },
        Route(.get, "/api/v1/checkpoint") { api, _, _ in try await api.checkpoint() },
        Route(.post, "/api/v1/checkpoint") { api, request, _ in try await api.publishCheckpoint(request) },
        Route(.get, "/api/v1/entries") { api, request, _ in try await api.entries(request) },
        Route(.post, "/api/v1/entries") { api, request, _ in try await api.submit(request) },
        Route(.get, "/api/v1/entries/{seq}") { api, request, path in
            try await api.entry(try api.seq(path["seq"] ?? ""), chinese: request.prefersChinese)
        },
        Route(.get, "/api/v1/proofs/inclusion") { api, request, _ in try await api.inclusion(request) },
        Route(.get, "/api/v1/proofs/consistency") { api, request, _ in try await api.consistency(request) },
        Route(.get, "/api/v1/members/{id}") { api, _, path in try await api.member(String(path["id"] ?? "")) },
        Route(.get, "/api/v1/members/{id}/statement") { api, _, path in try await api.statement(String(path["id"] ?? "")) },
        Route(.get, "/api/v1/members/{id}/entries") { api, request, path in
            try await api.memberEntries(String(path["id"] ?? ""), request)
        },
        Route(.get, "/api/v1/keys") { api, _, _ in try await api.keys() },
        Route(.get, "/api/v1/funds") { api, _, _ in try await api.funds() },
        Route(.get, "/api/v1/pending") { api, _, _ in try await api.pending() },
        Route(.get, "/api/v1/report") { api, request, _ in try await api.report(request) },
    ]

    /// Every endpoint as (method, path template), in the table's order.
    public static var endpoints: [(method: String, path: String)] { routes.map { ($0.method.rawValue, $0.path) } }

    /// The route for `request`: 404 when no endpoint has its path, 405 (with `Allow`) when one has it for other methods.
    func route(for request: APIRequest) throws -> (Route, [String: Substring]) {
        let parts = request.components
        let fitting = Self.routes.compactMap { route in route.captures(parts).map { (route, $0) } }
        guard !fitting.isEmpty else { throw notFound(request) }
        let method: APIRequest.Method = request.method == .head ? .get : request.method
        guard let match = fitting.first(where: { $0.0.method == method }) else {
            var error = methodNotAllowed(request)
            error.headers["Allow"] = fitting.map { $0.0.method == .get ? "GET, HEAD" : $0.0.method.rawValue }.joined(separator: ", ")
            throw error
        }
        return match
    }
}
