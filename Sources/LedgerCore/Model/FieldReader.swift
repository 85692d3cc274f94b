import Foundation

/// Reads the fields of one JSON object by name and type, and refuses fields it was not asked for.
///
/// Every shape rule of docs/FORMAT.md sections 3, 5 and 6 is applied through this reader, so a store and a
/// verifier refuse exactly the same entries.
struct FieldReader {
    private let fields: JSONObject
    private let path: String
    /// Which members have been read, by position; an entry's objects have far fewer than 64 members, and a larger
    /// (hostile) object keeps the positions it read past 64 in `takenPast64`.
    private var takenMask: UInt64 = 0
    private var takenPast64: Set<Int> = []

    init(_ value: JSONValue?, path: String) throws(LedgerError) {
        guard case .object(let fields) = value else {
            throw Self.shapeError(path, "must be a JSON object", "必须是 JSON 对象")
        }
        self.fields = fields
        self.path = path
    }

    static func shapeError(_ field: String, _ en: String, _ zh: String) -> LedgerError {
        LedgerError(.badShape, en: "field \"\(field)\" \(en)", zh: "字段“\(field)”\(zh)")
    }

    private func name(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    private mutating func take(_ field: String) -> JSONValue? {
        guard let position = fields.index(of: field) else { return nil }
        if position < 64 { takenMask |= 1 << UInt64(position) } else { takenPast64.insert(position) }
        return fields.members[position].value
    }

    private func isTaken(_ position: Int) -> Bool {
        position < 64 ? takenMask & (1 << UInt64(position)) != 0 : takenPast64.contains(position)
    }

    mutating func takeRaw(_ field: String) -> JSONValue? { take(field) }

    /// Throws if the object has a field no one read.
    func finish() throws(LedgerError) {
        // Members are in key order, so the first one unread is the first extra field by name.
        if let extra = fields.members.indices.first(where: { !isTaken($0) }) {
            throw Self.shapeError(name(fields.members[extra].key), "is not part of this kind of entry", "不属于这类条目")
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

    /// Decodes standard padded base64 in its one canonical spelling: no whitespace, padding only at the end, and the
    /// bits that padding leaves unused all zero. `nil` for anything else. (Every entry's signature comes this way.)
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 4 * 3)
        let pad = UInt8(ascii: "=")
        for group in stride(from: 0, to: characters.count, by: 4) {
            var padding = 0
            if group + 4 == characters.count, characters[group + 3] == pad {
                padding = characters[group + 2] == pad ? 2 : 1
            }
            var bits: UInt32 = 0
            for offset in 0..<(4 - padding) {
                guard let value = sextet(characters[group + offset]) else { return nil }
                bits = bits << 6 | value
            }
            bits <<= 6 * UInt32(padding)
            out.append(UInt8(truncatingIfNeeded: bits >> 16))
            if padding < 2 { out.append(UInt8(truncatingIfNeeded: bits >> 8)) } else if bits & 0xffff != 0 { return nil }
            if padding < 1 { out.append(UInt8(truncatingIfNeeded: bits)) } else if bits & 0xff != 0 { return nil }
        }
        return out
    }

    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
