import LedgerCore

/// A refusal the API answers with: an HTTP status, a stable code and a message in both languages.
///
/// Rule refusals keep the ``LedgerError`` code (`bad_signature`, `self_approval`, …) so a client can act on the
/// same codes the command line prints; the server's own codes are listed in ``Code``. The answer is always
/// `{"error": {"code", "message"}}` and never carries a stack trace or a file path.
public struct APIError: Error, Sendable {
    /// The server's own codes; rule codes come from `LedgerError.Code`.
    public enum Code {
        public static let badRequest = "bad_request"
        public static let notFound = "not_found"
        public static let methodNotAllowed = "method_not_allowed"
        public static let tooLarge = "too_large"
        public static let requestTimeout = "request_timeout"
        public static let rateLimited = "rate_limited"
        public static let staleHead = "stale_head"
        public static let duplicate = "duplicate"
        public static let internalError = "internal"
    }

    public var status: Int
    public var code: String
    public var message: LocalizedText
    /// More fields for the answer, such as the current head on a 409.
    public var extra: JSONObject = [:]
    public var headers: [String: String] = [:]

    public init(_ status: Int, _ code: String, en: String, zh: String) {
        self.status = status
        self.code = code
        self.message = LocalizedText(en: en, zh: zh)
    }

    /// A rule's refusal: malformed entries are 400, a stale chain position 409, a broken rule 422, storage 500.
    public init(_ error: LedgerError) {
        switch error.code {
        case .nonCanonical, .badShape: status = 400
        case .badSequence, .badPrev: status = 409
        case .storage: status = 500
        default: status = 422
        }
        code = error.code.rawValue
        if error.code == .storage {
            // The store's text names the file; a visitor learns only that the server failed.
            message = LocalizedText(en: "the server could not read or write its ledger; try again later",
                zh: "服务器无法读写账本，请稍后再试")
        } else {
            let place = error.seq.map { seq in
                let kind = error.kind ?? "entry"
                return LocalizedText(en: "refused \(kind) (would have been entry \(seq)): ", zh: "拒绝录入 \(kind)（本应为第 \(seq) 条）：")
            } ?? LocalizedText(en: "", zh: "")
            message = LocalizedText(en: place.english + error.message.english + " — nothing was written",
                zh: place.chinese + error.message.chinese + "——未写入任何内容")
        }
    }

    static func badRequest(_ en: String, _ zh: String) -> APIError { APIError(400, Code.badRequest, en: en, zh: zh) }

    static func notFound(_ en: String, _ zh: String) -> APIError { APIError(404, Code.notFound, en: en, zh: zh) }

    /// The JSON answer in the asker's language.
    public func response(chinese: Bool) -> APIResponse {
        var error: JSONObject = ["code": .string(code), "message": .string(message.text(chinese: chinese))]
        if let seq = extra["seq"] { error["seq"] = seq }
        var object: JSONObject = ["error": .object(error)]
        for (key, value) in extra where key != "seq" { object[key] = value }
        var response = APIResponse.json(.object(object), status: status)
        response.headers = headers
        return response
    }
}
