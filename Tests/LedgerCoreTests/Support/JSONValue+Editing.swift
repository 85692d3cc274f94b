import LedgerCore

/// Edits to canonical JSON values, so a test can change exactly one thing in an entry and re-encode it.
extension JSONValue {
    /// The value at `path` (object keys from the top), or `nil` when there is none.
    subscript(path path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        guard case .object(let members) = self else { return nil }
        return members[first]?[path: Array(path.dropFirst())]
    }

    /// Returns a copy with the value at `path` replaced (or added), or removed when `value` is `nil`.
    func setting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? self }
        guard case .object(var members) = self else { preconditionFailure("no object at \(path)") }
        if path.count == 1 {
            members[first] = value
        } else {
            guard let child = members[first] else { preconditionFailure("no field \(first)") }
            members[first] = child.setting(Array(path.dropFirst()), to: value)
        }
        return .object(members)
    }
}

/// The canonical bytes of `bytes` (an entry) after setting `path` to `value` (removing it when `nil`).
func editedEntry(_ bytes: [UInt8], _ path: [String], to value: JSONValue?) throws -> [UInt8] {
    CanonicalJSON.encode(try CanonicalJSON.parse(bytes).setting(path, to: value))
}

/// A string of `count` copies of `character`.
func text(_ character: Character, count: Int) -> String {
    String(repeating: character, count: count)
}
