import LedgerCore

/// Renders the server's web pages. LedgerWeb supplies it, so the pages use the same words, tables and receipts the
/// command line prints, and this library stays free of presentation.
public protocol PageRenderer: Sendable {
    /// The page at `path` (the URL path split on `/`), or `nil` when there is none.
    ///
    /// Runs on the ledger's queue, so every read it makes sees one state of the ledger.
    /// - Parameter language: the reader's, from `?lang=` or `Accept-Language`.
    /// - Throws: `LedgerError` or ``APIError`` for a page that exists but cannot be shown (an unknown member).
    func page(_ path: [String], query: [String: String], language: Language, ledger: any LedgerReader) throws -> RenderedPage?

    /// A page saying what went wrong, for a reader who followed a bad link.
    func errorPage(status: Int, message: String, language: Language) -> String
}

/// A rendered page: its content type and bytes.
public struct RenderedPage: Sendable {
    public var contentType: String
    public var body: [UInt8]

    public init(html: String) {
        contentType = "text/html; charset=utf-8"
        body = Array(html.utf8)
    }

    public init(json: [UInt8]) {
        contentType = "application/json; charset=utf-8"
        body = json
    }
}
