extension CanonicalJSON {
    /// Why bytes are not canonical JSON: a short English phrase and the byte offset where parsing stopped.
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses canonical bytes and refuses any other spelling of the same value.
    ///
    /// The parser itself is the canonicality check, so nothing is encoded again: it refuses whitespace, unsorted or
    /// repeated keys, any escape but `\"` and `\\`, control characters, invalid UTF-8, `null`, integers with a leading
    /// zero, a fraction, an exponent or the sign of `-0`, and bytes after the value. Whatever it accepts therefore
    /// re-encodes to exactly the same bytes; a property test and the fuzzer check that on mutated entries.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        return try parser.parseDocument()
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func parseDocument() throws(SyntaxError) -> JSONValue {
            let value = try parseValue(depth: 0)
            guard index == bytes.count else { throw fail("unexpected bytes after the end of the value") }
            return value
        }

        private func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            guard current == byte else {
                throw fail(current == nil ? "input ends where \(what) was expected" : "expected \(what)")
            }
            index += 1
        }

        mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
            guard let byte = current else { throw fail("input ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger())
            case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): throw fail("null is not allowed: leave an absent field out")
            case 0x20, 0x09, 0x0a, 0x0d: throw fail("whitespace is not allowed outside strings")
            default: throw fail("unexpected character")
            }
        }

        private mutating func parseLiteral(_ literal: StaticString) throws(SyntaxError) {
            let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
                throw fail("unknown literal")
            }
            index += expected.count
        }

        private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= CanonicalJSON.maxDepth else { throw fail("nesting is deeper than \(CanonicalJSON.maxDepth)") }
            index += 1
            var members: [JSONObject.Member] = []
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(JSONObject())
            }
            members.reserveCapacity(8)
            var previousKey: Range<Int>? = nil
            while true {
                let keyStart = index
                guard current == UInt8(ascii: "\"") else { throw fail("expected an object key") }
                let key = try parseString()
                // An allowed key has no escapes, so its bytes are the input's between the quotes.
                let keyBytes = (keyStart + 1)..<(index - 1)
                guard CanonicalJSON.isAllowedKey(bytes[keyBytes]) else {
                    throw SyntaxError(offset: keyStart, reason: "object keys must be ASCII [a-z0-9_.]")
                }
                if let previousKey {
                    guard bytes[previousKey].lexicographicallyPrecedes(bytes[keyBytes]) else {
                        let reason = bytes[previousKey].elementsEqual(bytes[keyBytes])
                            ? "duplicate key \"\(key)\"" : "keys are not sorted (\"\(key)\")"
                        throw SyntaxError(offset: keyStart, reason: reason)
                    }
                }
                previousKey = keyBytes
                try expect(UInt8(ascii: ":"), "':'")
                members.append(JSONObject.Member(key: key, value: try parseValue(depth: depth)))
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return .object(JSONObject(sortedUniqueMembers: members))
            }
        }

        private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= CanonicalJSON.maxDepth else { throw fail("nesting is deeper than \(CanonicalJSON.maxDepth)") }
            index += 1
            var elements: [JSONValue] = []
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue(depth: depth))
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return .array(elements)
            }
        }

        /// Reads a string. Most strings have no escape, so their bytes are validated in place; only a string with
        /// `\"` or `\\` in it is copied to drop the backslashes.
        private mutating func parseString() throws(SyntaxError) -> String {
            index += 1  // opening quote
            let start = index
            var unescaped: [UInt8] = []  // the string so far, only once it has had an escape
            var hasEscape = false
            var runStart = start
            while true {
                guard let byte = current else { throw fail("unterminated string") }
                switch byte {
                case UInt8(ascii: "\""):
                    let end = index
                    index += 1
                    let string: String?
                    if hasEscape {
                        unescaped.append(contentsOf: bytes[runStart..<end])
                        string = String(validating: unescaped, as: UTF8.self)
                    } else {
                        // Through a buffer pointer: validating an array slice takes the generic, slower path.
                        string = bytes.withUnsafeBufferPointer {
                            String(validating: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
                        }
                    }
                    guard let string else { throw fail("string is not valid UTF-8") }
                    return string
                case UInt8(ascii: "\\"):
                    unescaped.append(contentsOf: bytes[runStart..<index])
                    hasEscape = true
                    index += 1
                    guard let escaped = current, escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else {
                        throw fail("only \\\" and \\\\ escapes are allowed")
                    }
                    unescaped.append(escaped)
                    index += 1
                    runStart = index
                case 0x00..<0x20, 0x7f:
                    throw fail("control characters are not allowed in strings")
                default:
                    index += 1
                }
            }
        }

        private mutating func parseInteger() throws(SyntaxError) -> Int64 {
            let start = index
            var negative = false
            if current == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            let digitsStart = index
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                index += 1
                guard index - digitsStart <= 16 else { throw SyntaxError(offset: start, reason: "integer out of range") }
            }
            let digits = bytes[digitsStart..<index]
            guard !digits.isEmpty else { throw fail("expected digits") }
            if let next = current, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                throw fail("only integers are allowed: no fractions or exponents")
            }
            guard digits.count == 1 || digits.first != UInt8(ascii: "0") else {
                throw SyntaxError(offset: start, reason: "integers have no leading zeros")
            }
            var magnitude: Int64 = 0
            for digit in digits { magnitude = magnitude * 10 + Int64(digit - UInt8(ascii: "0")) }
            guard magnitude <= JSONValue.maxInteger else { throw SyntaxError(offset: start, reason: "integer out of range") }
            if negative {
                guard magnitude != 0 else { throw SyntaxError(offset: start, reason: "-0 is not allowed") }
                return -magnitude
            }
            return magnitude
        }
    }
}
