import LedgerCrypto

/// The hash of an entry: SHA-256(0x00 ‖ entry bytes), which is also its RFC 9162 Merkle leaf hash.
public typealias EntryHash = SHA256.Digest

/// What an author signs: everything about an entry except the signature.
public struct Body: Sendable, Hashable {
    /// Format version; always 1 here.
    public static let version: Int64 = 1

    public var seq: Int
    public var prev: EntryHash
    public var time: Timestamp
    public var author: KeyID
    public var memo: String?
    public var payload: Payload

    public init(seq: Int, prev: EntryHash, time: Timestamp, author: KeyID, memo: String? = nil, payload: Payload) {
        self.seq = seq
        self.prev = prev
        self.time = time
        self.author = author
        self.memo = memo
        self.payload = payload
    }

    public var kind: Kind { payload.kind }

    /// The body object as it is encoded.
    public var json: JSONValue {
        var fields: JSONObject = [
            "author": .string(author), "data": payload.data, "kind": .string(kind.rawValue),
            "prev": .string(prev.hex), "seq": .integer(Int64(seq)), "time": .string(time.description),
            "v": .integer(Body.version),
        ]
        if let memo { fields["memo"] = .string(memo) }
        return .object(fields)
    }

    private static let kindNames = Kind.allCases.map(\.rawValue)

    init(_ value: JSONValue?) throws(LedgerError) {
        var reader = try FieldReader(value, path: "body")
        _ = try reader.integer("v", in: Body.version...Body.version)
        seq = try reader.seq("seq")
        prev = try reader.hash("prev")
        let timeText = try reader.token("time", LocalizedText(en: "a UTC time YYYY-MM-DDTHH:MM:SSZ", zh: "UTC 时间 YYYY-MM-DDTHH:MM:SSZ")) {
            Timestamp($0) != nil
        }
        time = Timestamp(timeText)!
        author = try reader.keyID("author")
        memo = try reader.optionalText("memo", max: Rules.maxMemoLength)
        let kindName = try reader.choice("kind", Body.kindNames)
        let kind = Kind(rawValue: kindName)!
        do {
            payload = try Payload(kind: kind, data: try? reader.rawValue("data"))
        } catch {
            throw error.at(seq: seq, kind: kind.rawValue)
        }
        try reader.finish()
    }

    /// The exact bytes the author signs: the domain-separation line, then canonical(body).
    public var signedMessage: [UInt8] {
        Entry.signingPrefix + CanonicalJSON.encode(json)
    }
}

/// One ledger entry exactly as it was signed and stored.
///
/// An `Entry` is immutable and always well formed: it is built either by signing a ``Body`` or by reading
/// canonical bytes whose every field has its kind's shape. The hash is computed once, from ``bytes``.
/// Whether the signature is valid and the rules hold is for ``LedgerState`` and ``ChainVerifier`` to decide.
public struct Entry: Sendable, Hashable {
    /// `mutual-aid-ledger:v1:entry` and a newline: keeps entry signatures apart from any other use of a key.
    public static let signingPrefix: [UInt8] = Array("mutual-aid-ledger:v1:entry\n".utf8)
    /// The largest entry accepted, in bytes: far above any real entry, it bounds memory on hostile input.
    public static let maxBytes = 64 * 1024

    public let body: Body
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]
    /// The canonical bytes: what is stored, exported and hashed.
    public let bytes: [UInt8]
    public let hash: EntryHash

    public var seq: Int { body.seq }
    public var kind: Kind { body.kind }
    public var payload: Payload { body.payload }

    /// Reads an entry from its canonical bytes.
    /// - Throws: `non_canonical` when the bytes are not canonical JSON, `bad_shape` when a field is missing,
    ///   unknown, or of the wrong form.
    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count <= Entry.maxBytes else {
            throw LedgerError(.nonCanonical, en: "the entry is \(bytes.count) bytes long; at most \(Entry.maxBytes) are allowed",
                zh: "条目长 \(bytes.count) 字节，最多 \(Entry.maxBytes) 字节")
        }
        let value: JSONValue
        do {
            value = try CanonicalJSON.parse(bytes)
        } catch {
            throw LedgerError(.nonCanonical, en: "the entry is not canonical JSON: \(error)",
                zh: "条目不是规范 JSON：\(error)")
        }
        var reader = try FieldReader(value, path: "")
        let body = try Body(try? reader.rawValue("body"))
        do {
            signature = try reader.base64("sig", length: Ed25519.signatureLength)
            try reader.finish()
        } catch {
            throw error.at(seq: body.seq, kind: body.kind.rawValue)
        }
        self.body = body
        self.bytes = bytes
        self.hash = Entry.hash(of: bytes)
    }

    /// Signs `body` with `key` and checks the result the way a verifier would read it.
    ///
    /// - Throws: the shape error a verifier would report, for a body whose fields break a rule
    ///   (an empty name, a memo that is too long, a control character in a string); `deceptive_text` for text that
    ///   no new entry may hold (``TextSafety``), which a verifier still accepts in existing entries.
    public static func sign(_ body: Body, with key: Ed25519.PrivateKey) throws(LedgerError) -> Entry {
        for text in body.textFields where !CanonicalJSON.isAllowedText(text) {
            throw LedgerError(.badShape, seq: body.seq, kind: body.kind.rawValue,
                en: "text may not contain line breaks, tabs or other control characters",
                zh: "文字中不能有换行、制表符等控制字符")
        }
        try TextSafety.check(body)
        let signature: [UInt8]
        do {
            signature = try key.signature(for: body.signedMessage)
        } catch {
            throw LedgerError(.storage, seq: body.seq, kind: body.kind.rawValue, en: "could not sign: \(error.message)",
                zh: "无法签名：\(error.message)")
        }
        let bytes = CanonicalJSON.encode(["body": body.json, "sig": .string(Base64.encode(signature))])
        return try Entry(bytes: bytes)
    }

    /// SHA-256(0x00 ‖ bytes).
    public static func hash(of bytes: [UInt8]) -> EntryHash {
        var hasher = SHA256.Hasher()
        hasher.update(byte: 0)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Whether ``signature`` verifies for ``body`` under `key`.
    public func isSignatureValid(for key: Ed25519.PublicKey) -> Bool {
        key.isValidSignature(signature, for: signedMessage)
    }

    /// The signed message, cut from ``bytes`` rather than encoded again.
    ///
    /// The canonical entry is `{"body":` ‖ canonical(body) ‖ `,"sig":"` ‖ 88 base64 characters ‖ `"}`: keys are
    /// sorted, nothing else is allowed, and a 64-byte signature is always 88 characters of padded base64.
    public var signedMessage: [UInt8] {
        let bodyStart = Entry.bodyPrefix.count
        let bodyEnd = bytes.count - Entry.signatureSuffixLength
        return Entry.signingPrefix + bytes[bodyStart..<bodyEnd]
    }

    static let bodyPrefix: [UInt8] = Array("{\"body\":".utf8)
    /// `,"sig":"` (8 bytes), the 88 base64 characters, and `"}`.
    static let signatureSuffixLength = 8 + 88 + 2
}

extension Body {
    /// Every string in the body, for the control-character check before signing.
    var textFields: [String] {
        var strings: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let s): strings.append(s)
            case .array(let a): a.forEach(collect)
            case .object(let o): o.members.forEach { collect($0.value) }
            default: break
            }
        }
        collect(json)
        return strings
    }
}

extension FieldReader {
    /// The raw value of a field, marking it read; throws if it is missing.
    mutating func rawValue(_ field: String) throws(LedgerError) -> JSONValue {
        guard let value = takeRaw(field) else { throw Self.shapeError(field, "is missing", "缺失") }
        return value
    }
}
