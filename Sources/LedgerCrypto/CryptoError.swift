/// A failure inside the cryptography layer.
///
/// Signature checks never throw: they return `false`. This error is for the cases where an operation
/// cannot run at all — a key that does not parse, a wrong passphrase, OpenSSL refusing a request.
/// Messages never contain key material.
public struct CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stable, extensible error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String {
            case invalidKey, weakKey, malformedPEM, passphraseRequired, wrongPassphrase, internalFailure
        }
        private let wrapped: Wrapped

        /// The bytes are not a valid Ed25519 key.
        public static let invalidKey = Code(wrapped: .invalidKey)
        /// The 32 bytes are not a key the ledger may trust: see ``Ed25519/KeyDefect``.
        public static let weakKey = Code(wrapped: .weakKey)
        /// The text is not a PEM key OpenSSL can read.
        public static let malformedPEM = Code(wrapped: .malformedPEM)
        /// The private key is encrypted and no passphrase was given.
        public static let passphraseRequired = Code(wrapped: .passphraseRequired)
        /// The passphrase did not decrypt the key (or the encrypted key is damaged).
        public static let wrongPassphrase = Code(wrapped: .wrongPassphrase)
        /// OpenSSL failed where it should not (out of memory, missing algorithm).
        public static let internalFailure = Code(wrapped: .internalFailure)

        public var description: String { wrapped.rawValue }
    }

    public var code: Code
    /// What happened, in English; callers translate by `code`.
    public var message: String

    /// For ``Code/weakKey``: what is wrong with the key, so callers can say it in their own words.
    public var keyDefect: Ed25519.KeyDefect?

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A ``Code/weakKey`` error for `defect`.
    static func weakKey(_ defect: Ed25519.KeyDefect) -> CryptoError {
        var error = CryptoError(.weakKey, "not a usable Ed25519 public key: \(defect.explanation)")
        error.keyDefect = defect
        return error
    }

    public var description: String { "\(code): \(message)" }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}
