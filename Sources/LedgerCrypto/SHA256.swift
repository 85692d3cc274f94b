internal import COpenSSL

/// SHA-256, computed by OpenSSL.
public enum SHA256 {
    /// A 32-byte SHA-256 value held inline, so hashes cost no heap allocation.
    public struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// The raw 32 bytes.
        public let storage: SIMD32<UInt8>

        public init(storage: SIMD32<UInt8>) { self.storage = storage }

        /// Builds a digest from exactly 32 bytes; `nil` for any other length.
        public init?(bytes: some Collection<UInt8>) {
            guard bytes.count == 32 else { return nil }
            var value = SIMD32<UInt8>()
            Swift.withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes) }
            storage = value
        }

        /// Parses 64 lowercase hex characters (every entry's `prev` and every approval's `hash` come this way).
        public init?(hex: String) {
            var text = hex
            guard let value = text.withUTF8({ Self.parse(hexUTF8: $0) }) else { return nil }
            storage = value
        }

        /// Parses 64 lowercase hex characters.
        public init?(hex: some StringProtocol) {
            self.init(hex: String(hex))
        }

        /// Works on the bytes directly: this runs for every entry verified, and a generic walk over the characters
        /// costs several times the parsing itself.
        private static func parse(hexUTF8 utf8: UnsafeBufferPointer<UInt8>) -> SIMD32<UInt8>? {
            guard utf8.count == 64 else { return nil }
            var value = SIMD32<UInt8>()
            for index in 0..<32 {
                guard let high = Hex.nibble(utf8[2 * index]), let low = Hex.nibble(utf8[2 * index + 1]) else { return nil }
                value[index] = high << 4 | low
            }
            return value
        }

        /// All zero bytes: the `prev` of a genesis entry.
        public static let zero = Digest(storage: SIMD32<UInt8>())

        public var bytes: [UInt8] { (0..<32).map { storage[$0] } }
        public var hex: String { Hex.encode(bytes) }
        public var description: String { hex }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

        /// Calls `body` with the digest's bytes without copying them to the heap.
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try Swift.withUnsafeBytes(of: storage, body)
        }
    }

    /// Hashes the concatenation of `parts`, in order.
    public static func hash(_ parts: [UInt8]...) -> Digest {
        var hasher = Hasher()
        for part in parts { hasher.update(part) }
        return hasher.finalize()
    }

    /// Hashes a single buffer.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> Digest {
        var hasher = Hasher()
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// An incremental SHA-256 computation; each value owns its own OpenSSL context.
    public struct Hasher: ~Copyable {
        private let context: OpaquePointer

        public init() {
            guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
            guard EVP_DigestInit_ex(context, sha256Algorithm.pointer, nil) == 1 else {
                fatalError("OpenSSL has no SHA-256")
            }
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        public mutating func update(byte: UInt8) {
            withUnsafeBytes(of: byte) { update($0) }
        }

        public mutating func update(_ digest: Digest) {
            digest.withUnsafeBytes { update($0) }
        }

        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            guard buffer.count > 0 else { return }
            let status = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            precondition(status == 1, "EVP_DigestUpdate failed")
        }

        public consuming func finalize() -> Digest {
            var value = SIMD32<UInt8>()
            var length: UInt32 = 0
            let status = Swift.withUnsafeMutableBytes(of: &value) { buffer in
                EVP_DigestFinal_ex(context, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), &length)
            }
            precondition(status == 1 && length == 32, "EVP_DigestFinal_ex failed")
            return Digest(storage: value)
        }
    }
}

/// The SHA-256 algorithm, fetched once: fetching it per call costs about a fifth of the throughput.
private final class FetchedDigest: @unchecked Sendable {
    let pointer: OpaquePointer
    init() {
        guard let pointer = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("OpenSSL has no SHA-256") }
        self.pointer = pointer
    }
}

private let sha256Algorithm = FetchedDigest()

extension SHA256.Digest: Codable {
    /// Encodes as 64 lowercase hex characters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let digest = SHA256.Digest(hex: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 64 hex characters")
        }
        self = digest
    }
}
