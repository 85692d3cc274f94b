/// The members of a JSON object, kept in canonical order: sorted bytewise by key, each key once.
///
/// An entry's objects have a handful of members and are read once each. A sorted array costs one allocation and no
/// hashing, where a dictionary hashes every key when it is built and again at every lookup; and canonical input
/// arrives already sorted, so the parser only appends (``CanonicalJSON/parse(_:)`` checks the order as it reads).
public struct JSONObject: Sendable, Hashable {
    /// One key and its value.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
    }

    /// The members, in canonical key order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// The members of `dictionary`, sorted into canonical order.
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { Member(key: $0.key, value: $0.value) }.sorted { Self.precedes($0.key, $1.key) }
    }

    /// Members the caller has already put in canonical order with no repeated key (the parser).
    init(sortedUniqueMembers members: [Member]) {
        self.members = members
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// The keys, in canonical order.
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`, if the object has it; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { members[$0].value } }
        set {
            let position = insertionPoint(of: key)
            let present = position < members.count && Self.same(members[position].key, key)
            switch (newValue, present) {
            case (let value?, true): members[position].value = value
            case (let value?, false): members.insert(Member(key: key, value: value), at: position)
            case (nil, true): members.remove(at: position)
            case (nil, false): break
            }
        }
    }

    /// Removes `key` and returns its value, if the object had it.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        defer { self[key] = nil }
        return self[key]
    }

    /// The same keys with each value transformed.
    public func mapValues<T>(_ transform: (JSONValue) throws -> T) rethrows -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(members.count)
        for member in members { result[member.key] = try transform(member.value) }
        return result
    }

    /// The position of `key` among the members, or `nil`.
    func index(of key: String) -> Int? {
        // Entry objects are small: comparing a few short strings beats halving the range. Large objects (only hostile
        // input has them) are searched by halves, so a reader asking for each of its fields stays linear in the input.
        if members.count <= 16 { return members.firstIndex { Self.same($0.key, key) } }
        let position = insertionPoint(of: key)
        return position < members.count && Self.same(members[position].key, key) ? position : nil
    }

    /// The first position whose key does not precede `key`.
    private func insertionPoint(of key: String) -> Int {
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(members[middle].key, key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Canonical key order: bytewise on UTF-8.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// The same key, byte for byte, as the order is: `==` on strings would also match other Unicode spellings.
    static func same(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8)
    }
}

extension JSONObject: Sequence {
    /// Key–value pairs in canonical key order, spelled like a dictionary's.
    public func makeIterator() -> LazyMapSequence<[Member], (key: String, value: JSONValue)>.Iterator {
        members.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// A literal's members; a key written twice keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
