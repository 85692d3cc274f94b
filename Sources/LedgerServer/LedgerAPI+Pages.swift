import LedgerCore

extension LedgerAPI {
    /// The server-rendered pages (no JavaScript), for everything outside `/api/`.
    func page(_ request: APIRequest) async throws -> APIResponse {
        throw notFound(request)
    }
}
