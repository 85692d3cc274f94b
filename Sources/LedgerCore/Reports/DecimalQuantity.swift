/// An exact decimal quantity of produce: sums of `"120"`, `"12.5"` and `"0.125"` without floating point.
///
/// Quantities in entries are decimal strings with at most three decimals (``Rules/isQuantity(_:)``). A
/// `DecimalQuantity` keeps the value in thousandths as base-10 digits, so adding any number of them is exact
/// and never overflows. It is signed, because a reversal takes a sale's quantity back out of a total.
public struct DecimalQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The magnitude in thousandths, least significant digit first, with no trailing zero digits (zero is `[]`).
    private var digits: [UInt8]
    private var negative: Bool

    public static let zero = DecimalQuantity(digits: [], negative: false)

    private init(digits: [UInt8], negative: Bool) {
        var trimmed = digits
        while trimmed.last == 0 { trimmed.removeLast() }
        self.digits = trimmed
        self.negative = negative && !trimmed.isEmpty
    }

    /// Reads a non-negative decimal with at most three decimals (`"120"`, `"12.5"`, `"0"`, `"007.250"`).
    /// - Returns: `nil` for anything else: signs, exponents, spaces, separators, more than three decimals.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (1...3).contains(fraction.count) else { return nil }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard whole.utf8.allSatisfy(isDigit), fraction.utf8.allSatisfy(isDigit) else { return nil }
        let padded = Array(whole.utf8) + Array(fraction.utf8) + Array(repeating: UInt8(ascii: "0"), count: 3 - fraction.count)
        self.init(digits: padded.reversed().map { $0 - UInt8(ascii: "0") }, negative: false)
    }

    /// The shortest decimal form: `"132.5"`, `"0.125"`, `"-3"`, `"0"`.
    public var description: String {
        guard !digits.isEmpty else { return "0" }
        var padded = digits
        while padded.count < 4 { padded.append(0) }
        let text = padded.reversed().map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        var whole = String(text.dropLast(3))
        var fraction = String(text.suffix(3))
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    public var isNegative: Bool { negative }

    public static prefix func - (value: DecimalQuantity) -> DecimalQuantity {
        DecimalQuantity(digits: value.digits, negative: !value.negative)
    }

    public static func + (lhs: DecimalQuantity, rhs: DecimalQuantity) -> DecimalQuantity {
        if lhs.negative == rhs.negative { return DecimalQuantity(digits: addMagnitudes(lhs.digits, rhs.digits), negative: lhs.negative) }
        // Opposite signs: subtract the smaller magnitude from the larger; the larger one's sign wins.
        if compareMagnitudes(lhs.digits, rhs.digits) >= 0 {
            return DecimalQuantity(digits: subtractMagnitudes(lhs.digits, rhs.digits), negative: lhs.negative)
        }
        return DecimalQuantity(digits: subtractMagnitudes(rhs.digits, lhs.digits), negative: rhs.negative)
    }

    public static func - (lhs: DecimalQuantity, rhs: DecimalQuantity) -> DecimalQuantity { lhs + -rhs }

    public static func += (lhs: inout DecimalQuantity, rhs: DecimalQuantity) { lhs = lhs + rhs }

    public static func < (lhs: DecimalQuantity, rhs: DecimalQuantity) -> Bool {
        switch (lhs.negative, rhs.negative) {
        case (true, false): return true
        case (false, true): return false
        case (false, false): return compareMagnitudes(lhs.digits, rhs.digits) < 0
        case (true, true): return compareMagnitudes(lhs.digits, rhs.digits) > 0
        }
    }

    private static func addMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var sum: [UInt8] = []
        sum.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt8 = 0
        for index in 0..<max(a.count, b.count) {
            let digit = (index < a.count ? a[index] : 0) + (index < b.count ? b[index] : 0) + carry
            sum.append(digit % 10)
            carry = digit / 10
        }
        if carry > 0 { sum.append(carry) }
        return sum
    }

    /// `a − b` for magnitudes with `a ≥ b`.
    private static func subtractMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var difference: [UInt8] = []
        difference.reserveCapacity(a.count)
        var borrow: UInt8 = 0
        for index in 0..<a.count {
            let subtrahend = (index < b.count ? b[index] : 0) + borrow
            if a[index] >= subtrahend {
                difference.append(a[index] - subtrahend)
                borrow = 0
            } else {
                difference.append(a[index] + 10 - subtrahend)
                borrow = 1
            }
        }
        return difference
    }

    /// -1, 0 or 1 as magnitude `a` is less than, equal to or greater than `b` (both without trailing zeros).
    private static func compareMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }
}
