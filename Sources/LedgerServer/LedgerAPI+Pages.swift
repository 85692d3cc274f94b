import LedgerCore

extension LedgerAPI {
    /// The server-rendered pages (no JavaScript), for everything outside `/api/`; errors come back as a page too.
    func page(_ request: APIRequest) async throws -> APIResponse {
        guard let pages else { throw notFound(request) }
        guard request.method == .get || request.method == .head else { throw methodNotAllowed(request) }
        let chinese = request.prefersChinese
        let language: Language = chinese ? .zh : .en
        let path = request.components.map(String.init)
        let query = request.query
        let result: Result<RenderedPage?, any Error> = await access.run { ledger in
            Result { try pages.page(path, query: query, language: language, ledger: ledger) }
        }
        let error: APIError
        do {
            if let page = try result.get() { return APIResponse(status: 200, contentType: page.contentType, body: page.body) }
            error = notFound(request)
        } catch let failure as APIError {
            error = failure
        } catch let failure as LedgerError {
            error = APIError(failure)
        } catch {
            return .html(pages.errorPage(status: 500, message: chinese ? "服务器未能显示此页" : "the server could not show this page",
                language: language), status: 500)
        }
        return .html(pages.errorPage(status: error.status, message: error.message.text(chinese: chinese), language: language),
            status: error.status)
    }
}
