import Foundation

/// Summary rows already decoded, by their stored bytes.
///
/// Every append reads the key records, pending entries and header, which are stored as JSON; decoding them is a
/// third of an append's work. A ledger kept open (the server, `--remote` appends, a benchmark) decodes each distinct
/// row once. The stored bytes are the lookup key, so a row that changed — by an append or by someone editing the
/// file — is decoded again: nothing is trusted from memory that the file does not still say.
final class DecodedRows: @unchecked Sendable {
    private struct Key: Hashable {
        let type: ObjectIdentifier
        let bytes: Data
    }

    /// Rows beyond this are forgotten all at once: a society has a handful of keys and pending entries.
    private static let limit = 4_096
    private let lock = NSLock()
    private var values: [Key: any Sendable] = [:]

    /// Records that `bytes` decode to `value`: a row this ledger has just written (the header, on every append) is
    /// then not decoded again by the next append.
    func remember<Value: Sendable>(_ value: Value, encodedAs bytes: Data) {
        lock.withLock {
            if values.count >= DecodedRows.limit { values.removeAll() }
            values[Key(type: ObjectIdentifier(Value.self), bytes: bytes)] = value
        }
    }

    func decode<Value: Decodable & Sendable>(_ type: Value.Type, from bytes: Data) throws -> Value {
        let key = Key(type: ObjectIdentifier(type), bytes: bytes)
        if let known = lock.withLock({ values[key] }) as? Value { return known }
        let value = try JSONDecoder().decode(type, from: bytes)
        lock.withLock {
            if values.count >= DecodedRows.limit { values.removeAll() }
            values[key] = value
        }
        return value
    }
}
