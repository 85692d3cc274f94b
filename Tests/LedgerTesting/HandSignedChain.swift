import LedgerCore
import LedgerCrypto

/// A chain built entry by entry from bodies, signed here rather than through `Entry.sign` (which re-reads what it
/// signed under today's rules), so it can hold entries the rules refuse: a store would never write them, but someone
/// holding the file, or one key, could.
public struct HandSignedChain {
    public private(set) var lines: [[UInt8]]
    private var time: Timestamp

    /// Continues `lines`, one minute after `time` for each new entry.
    public init(lines: [[UInt8]], time: Timestamp) {
        self.lines = lines
        self.time = time
    }

    /// The hash of entry `seq`.
    public func hash(_ seq: Int) -> EntryHash { Entry.hash(of: lines[seq]) }

    /// Appends `payload` signed by `key`; returns its seq.
    @discardableResult
    public mutating func append(_ payload: Payload, by key: Ed25519.PrivateKey, memo: String? = nil) throws -> Int {
        let body = nextBody(payload, author: Rules.keyID(publicKey: key.publicKey.rawRepresentation), memo: memo)
        return append(body, signature: try key.signature(for: body.signedMessage))
    }

    /// Appends `payload` under `author` with the given signature bytes; returns its seq.
    @discardableResult
    public mutating func append(_ payload: Payload, author: KeyID, signature: [UInt8]) -> Int {
        append(nextBody(payload, author: author), signature: signature)
    }

    private mutating func nextBody(_ payload: Payload, author: KeyID, memo: String? = nil) -> Body {
        time = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + 60)
        return Body(seq: lines.count, prev: hash(lines.count - 1), time: time, author: author, memo: memo, payload: payload)
    }

    private mutating func append(_ body: Body, signature: [UInt8]) -> Int {
        lines.append(CanonicalJSON.encode(["body": body.json, "sig": .string(Base64.encode(signature))]))
        return body.seq
    }
}
