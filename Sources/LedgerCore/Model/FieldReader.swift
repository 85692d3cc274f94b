import Foundation

/// Reads the fields of one JSON object by name and type, and refuses fields it was not asked for.
///
/// Every shape rule of DESIGN.md sections 3 and 4 is applied through this reader, so a store and a
/// verifier refuse exactly the same entries.
struct FieldReader {
    private let fields: [String: JSONValue]
    private let path: String
    private var unread: Set<String>

    init(_ value: JSONValue?, path: String) throws(LedgerError) {
        guard case .object(let fields) = value else {
            throw Self.shapeError(path, "must be a JSON object", "必须是 JSON 对象")
        }
        self.fields = fields
        self.path = path
        self.unread = Set(fields.keys)
    }

    static func shapeError(_ field: String, _ en: String, _ zh: String) -> LedgerError {
        LedgerError(.badShape, en: "field \"\(field)\" \(en)", zh: "字段“\(field)”\(zh)")
    }

    private func name(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    private mutating func take(_ field: String) -> JSONValue? {
        unread.remove(field)
        return fields[field]
    }

    mutating func takeRaw(_ field: String) -> JSONValue? { take(field) }

    /// Throws if the object has a field no one read.
    func finish() throws(LedgerError) {
        if let extra = unread.sorted().first {
            throw Self.shapeError(name(extra), "is not part of this kind of entry", "不属于这类条目")
        }
    }

    mutating func optionalText(_ field: String, max: Int = Rules.maxTextLength) throws(LedgerError) -> String? {
        try readText(field, max: max, required: false)
    }

    private mutating func readText(_ field: String, max: Int, required: Bool) throws(LedgerError) -> String? {
        guard let value = take(field) else { return nil }
        guard case .string(let text) = value else { throw Self.shapeError(name(field), "must be a string", "必须是字符串") }
        guard !text.isEmpty else {
            throw required ? Self.shapeError(name(field), "must not be empty", "不能为空")
                : Self.shapeError(name(field), "must not be empty (leave it out instead)", "不能为空（不填则省略）")
        }
        let length = text.unicodeScalars.count
        guard length <= max else {
            throw Self.shapeError(name(field), "is \(length) characters long; at most \(max) are allowed",
                "长 \(length) 个字符，最多 \(max) 个")
        }
        return text
    }

    mutating func text(_ field: String, max: Int = Rules.maxTextLength) throws(LedgerError) -> String {
        guard let text = try readText(field, max: max, required: true) else {
            throw Self.shapeError(name(field), "is missing", "缺失")
        }
        return text
    }

    /// A string that must satisfy `isValid`; `what` describes the expected form in both languages, and is only worked
    /// out for an error (every field of every entry passes through here while a ledger is verified).
    mutating func token(_ field: String, _ what: @autoclosure () -> LocalizedText, _ isValid: (String) -> Bool)
        throws(LedgerError) -> String
    {
        guard let value = try optionalToken(field, what(), isValid) else {
            throw Self.shapeError(name(field), "is missing", "缺失")
        }
        return value
    }

    mutating func optionalToken(_ field: String, _ what: @autoclosure () -> LocalizedText, _ isValid: (String) -> Bool)
        throws(LedgerError) -> String?
    {
        guard let value = take(field) else { return nil }
        guard case .string(let text) = value, isValid(text) else {
            let what = what()
            throw Self.shapeError(name(field), "must be \(what.english)", "必须是\(what.chinese)")
        }
        return text
    }

    mutating func optionalInteger(_ field: String, in range: ClosedRange<Int64>) throws(LedgerError) -> Int64? {
        guard let value = take(field) else { return nil }
        guard case .integer(let integer) = value else {
            throw Self.shapeError(name(field), "must be an integer", "必须是整数")
        }
        guard range.contains(integer) else {
            throw Self.shapeError(name(field), "must be between \(range.lowerBound) and \(range.upperBound)",
                "必须在 \(range.lowerBound) 到 \(range.upperBound) 之间")
        }
        return integer
    }

    mutating func integer(_ field: String, in range: ClosedRange<Int64>) throws(LedgerError) -> Int64 {
        guard let value = try optionalInteger(field, in: range) else {
            throw Self.shapeError(name(field), "is missing", "缺失")
        }
        return value
    }

    /// An amount in fen, `1 ... 10^12`.
    mutating func amount(_ field: String) throws(LedgerError) -> Fen {
        try integer(field, in: Rules.amountRange)
    }

    mutating func object(_ field: String) throws(LedgerError) -> FieldReader {
        try FieldReader(take(field), path: name(field))
    }

    mutating func array(_ field: String) throws(LedgerError) -> [JSONValue] {
        guard case .array(let elements) = take(field) else {
            throw Self.shapeError(name(field), "must be a list", "必须是列表")
        }
        return elements
    }

    mutating func memberID(_ field: String = "member") throws(LedgerError) -> MemberID {
        try token(field, LocalizedText(en: "a member id ([A-Za-z0-9-], 1 to 32 characters)",
            zh: "成员编号（字母、数字或 -，1 到 32 个字符）"), Rules.isMemberID)
    }

    mutating func fundID(_ field: String = "fund") throws(LedgerError) -> FundID {
        try token(field, LocalizedText(en: "a fund id ([a-z0-9-], 1 to 32 characters)",
            zh: "基金编号（小写字母、数字或 -，1 到 32 个字符）"), Rules.isFundID)
    }

    mutating func keyID(_ field: String) throws(LedgerError) -> KeyID {
        try token(field, LocalizedText(en: "a key id (16 lowercase hex characters)", zh: "密钥编号（16 个小写十六进制字符）"),
            Rules.isKeyID)
    }

    mutating func seq(_ field: String) throws(LedgerError) -> Int {
        Int(try integer(field, in: 0...JSONValue.maxInteger))
    }

    mutating func hash(_ field: String) throws(LedgerError) -> EntryHash {
        var hash: EntryHash? = nil
        _ = try token(field, LocalizedText(en: "64 lowercase hex characters", zh: "64 个小写十六进制字符")) {
            guard $0.utf8.allSatisfy(Rules.isLowerHex) else { return false }
            hash = EntryHash(hex: $0)
            return hash != nil
        }
        return hash!
    }

    mutating func choice(_ field: String, _ options: [String]) throws(LedgerError) -> String {
        try token(field, LocalizedText(en: "one of \(options.joined(separator: ", "))",
            zh: "以下之一：\(options.joined(separator: ", "))")) { options.contains($0) }
    }

    /// Standard base64 with padding of exactly `length` bytes, written canonically.
    mutating func base64(_ field: String, length: Int) throws(LedgerError) -> [UInt8] {
        var bytes: [UInt8]? = nil
        _ = try token(field, LocalizedText(en: "base64 of \(length) bytes", zh: "\(length) 字节的 base64")) {
            bytes = Base64.decode($0)
            return bytes?.count == length
        }
        return bytes!
    }
}

/// Standard base64 (RFC 4648 section 4) with padding, canonical form only.
public enum Base64 {
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes standard padded base64; `nil` unless re-encoding gives back the same text.
    public static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }
}
