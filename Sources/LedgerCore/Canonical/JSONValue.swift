/// A value of the ledger's canonical JSON subset (docs/FORMAT.md section 2).
///
/// There is no `null` and no floating point: the subset has only strings, integers in
/// `-(2^53-1) ... 2^53-1`, booleans, arrays and objects whose keys are ASCII `[a-z0-9_.]`.
public enum JSONValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([JSONValue])
    case object(JSONObject)

    /// The largest magnitude an integer may have: integers beyond it lose precision in JavaScript and Python floats.
    public static let maxInteger: Int64 = (1 << 53) - 1
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
