import LedgerCrypto

/// A key id: lowercase hex of the first 8 bytes of SHA-256 of the raw public key (16 characters).
public typealias KeyID = String
/// A member (household) id: `[A-Za-z0-9-]{1,32}`.
public typealias MemberID = String
/// A fund id: `[a-z0-9-]{1,32}`.
public typealias FundID = String
/// Money in fen (分, 1/100 yuan). Never floating point.
public typealias Fen = Int64

/// The syntax rules for identifiers and amounts in docs/FORMAT.md section 5.
public enum Rules {
    /// The smallest and largest amount an entry may carry: one fen to ten billion yuan.
    public static let amountRange: ClosedRange<Fen> = 1...1_000_000_000_000
    /// The longest name or free-text field, in Unicode scalars.
    public static let maxTextLength = 100
    /// The longest memo, in Unicode scalars.
    public static let maxMemoLength = 500
    /// How far ahead of its own clock a store accepts an entry's time.
    public static let maxClockSkewSeconds: Int64 = 300

    public static func isMemberID(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count) && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    public static func isFundID(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count)
            && text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    public static func isKeyID(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { isLowerHex($0) }
    }

    /// The key id of a raw Ed25519 public key.
    public static func keyID(publicKey raw: [UInt8]) -> KeyID {
        Hex.encode(SHA256.hash(raw).bytes.prefix(8))
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }

    /// A produce quantity: a positive decimal string with no leading zeros and at most three decimals
    /// (`"120"`, `"12.5"`, `"0.25"`), so that sums stay exact.
    public static func isQuantity(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            whole.count == 1 || whole.first != "0"
        else { return false }
        var isPositive = whole.contains { $0 != "0" }
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...3).contains(fraction.count), fraction.last != "0",
                fraction.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return false }
            isPositive = true
        }
        return isPositive
    }
}
