import LedgerCore
import LedgerCrypto
import Testing

/// One change to the JSON of a golden entry, re-encoded canonically, so exactly one thing about it is wrong (or,
/// for the boundary cases, exactly at the limit).
struct ShapeCase: Sendable, CustomTestStringConvertible {
    struct Edit: Sendable {
        var path: [String]
        /// The new value; `nil` removes the field.
        var value: JSONValue?
    }

    let name: String
    /// The seq of the golden entry that is edited.
    let base: Int
    let edits: [Edit]
    var testDescription: String { "\(GoldenLedger.names[base]): \(name)" }

    init(_ name: String, _ base: Int, _ edits: Edit...) {
        self.name = name
        self.base = base
        self.edits = edits
    }

    /// The edited entry bytes, canonical JSON.
    func bytes() throws -> [UInt8] {
        var value = try CanonicalJSON.parse(Array(GoldenLedger.pinned[base].bytes.utf8))
        for edit in edits { value = value.setting(edit.path, to: edit.value) }
        return CanonicalJSON.encode(value)
    }
}

extension ShapeCase.Edit {
    /// Sets (or with `nil`, removes) `body.data.<path>`.
    static func data(_ path: String..., to value: JSONValue?) -> Self { Self(path: ["body", "data"] + path, value: value) }
    /// Sets (or removes) `body.<field>`.
    static func body(_ field: String, to value: JSONValue?) -> Self { Self(path: ["body", field], value: value) }
    /// Sets (or removes) a top-level field of the entry.
    static func entry(_ field: String, to value: JSONValue?) -> Self { Self(path: [field], value: value) }
}

/// Signature texts derived from a golden signature.
enum SignatureText {
    static let golden = GoldenLedger.pinned[3].signature
    static let bytes = Base64.decode(golden)!

    /// Base64 whose padding bits are not zero: decoders may accept it, but it is not the canonical spelling.
    static var nonZeroPaddingBits: String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var characters = Array(golden)
        precondition(characters.suffix(2) == ["=", "="])
        let index = alphabet.firstIndex(of: characters[characters.count - 3])!
        characters[characters.count - 3] = alphabet[index ^ 1]
        return String(characters)
    }
}

/// The values that make a field too long: 101 scalars where 100 are allowed, 501 for a memo (docs/FORMAT.md section 5).
enum TooLong {
    /// 101 Chinese characters: one over the 100 a name may have, counted in Unicode scalars, not bytes.
    static let name = String(repeating: "黄", count: 101)
    static let longestName = String(repeating: "黄", count: 100)
    static let memo = String(repeating: "备", count: 501)
    static let longestMemo = String(repeating: "备", count: 500)
}
