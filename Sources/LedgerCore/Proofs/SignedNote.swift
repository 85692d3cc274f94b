import Foundation
import LedgerCrypto

/// A C2SP signed note: a text, a blank line, and one `— <name> <base64(key hash ‖ signature)>` line per signer.
///
/// The text ends in a newline and is exactly what each Ed25519 signature covers. Parsing follows the
/// C2SP `signed-note` rules: valid UTF-8, no control characters but newlines, key names without spaces or
/// `+`, at most 100 signatures, and the split at the last blank line.
public struct SignedNote: Sendable, Hashable {
    /// One signature line.
    public struct Signature: Sendable, Hashable {
        public var name: String
        /// The first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
        public var keyHash: [UInt8]
        public var signature: [UInt8]

        public var line: String { "— \(name) \(Base64.encode(keyHash + signature))\n" }
    }

    /// Why a note is refused.
    public enum Failure: Error, Equatable, Sendable {
        case malformed(String)
        /// No signature from a known key.
        case unverified
        /// A known key's signature does not verify: the note was altered.
        case invalidSignature(name: String)
    }

    /// The signed text, ending in a newline.
    public var text: String
    public var signatures: [Signature]

    public static let maxSignatures = 100

    public init(text: String, signatures: [Signature] = []) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a note, without checking any signature.
    public init(parsing note: String) throws(Failure) {
        let bytes = Array(note.utf8)
        guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x0a }) else { throw .malformed("control character") }
        guard note.hasSuffix("\n") else { throw .malformed("the note must end with a newline") }
        guard let split = note.range(of: "\n\n", options: .backwards) else { throw .malformed("no signature block") }
        text = String(note[..<split.lowerBound]) + "\n"
        let block = note[split.upperBound...]
        var signatures: [Signature] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard line.hasPrefix("— ") else { throw .malformed("a signature line must start with an em dash") }
            let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, SignedNote.isValidName(String(parts[0])),
                let decoded = Base64.decode(String(parts[1])), decoded.count > 4
            else { throw .malformed("bad signature line") }
            signatures.append(Signature(name: String(parts[0]), keyHash: Array(decoded.prefix(4)), signature: Array(decoded.dropFirst(4))))
        }
        guard !signatures.isEmpty else { throw .malformed("no signatures") }
        guard signatures.count <= SignedNote.maxSignatures else { throw .malformed("more than 100 signatures") }
        self.signatures = signatures
    }

    /// The note in its transport form.
    public var formatted: String { text + "\n" + signatures.map(\.line).joined() }

    /// Adds a signature by `signer` (replacing an earlier one by the same key).
    public mutating func sign(with signer: NoteSigner) throws(CryptoError) {
        let signature = try signer.key.signature(for: Array(text.utf8))
        signatures.removeAll { $0.name == signer.name && $0.keyHash == signer.verifier.keyHash }
        signatures.append(Signature(name: signer.name, keyHash: signer.verifier.keyHash, signature: signature))
    }

    /// Adds the signatures of `kept`, a note of the same text, that this one lacks.
    public mutating func merge(signaturesOf kept: SignedNote) {
        guard kept.text == text else { return }
        for signature in kept.signatures where !signatures.contains(signature) { signatures.append(signature) }
    }

    /// Checks the note against known keys; returns the names of the keys whose signatures verified.
    ///
    /// Signatures from unknown keys are ignored; a known key's bad signature rejects the whole note; a note with
    /// no verified signature is rejected.
    public func verify(with keys: [NoteVerifierKey]) throws(Failure) -> [String] {
        var verified: [String] = []
        let message = Array(text.utf8)
        for signature in Set(signatures) {
            guard let key = keys.first(where: { $0.name == signature.name && $0.keyHash == signature.keyHash }) else { continue }
            guard key.publicKey.isValidSignature(signature.signature, for: message) else {
                throw .invalidSignature(name: signature.name)
            }
            verified.append(key.name)
        }
        guard !verified.isEmpty else { throw .unverified }
        return verified.sorted()
    }

    /// A key name: non-empty, no Unicode white space, no `+`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}

/// A signed-note verifier key, written `<name>+<8 hex key hash>+<base64(0x01 ‖ public key)>`.
public struct NoteVerifierKey: Sendable, Hashable {
    public var name: String
    public var keyHash: [UInt8]
    public var publicKey: Ed25519.PublicKey

    /// The verifier key for an Ed25519 public key under `name`.
    public init(name: String, publicKey: Ed25519.PublicKey) {
        self.name = name
        self.publicKey = publicKey
        self.keyHash = NoteVerifierKey.keyHash(name: name, publicKey: publicKey.rawRepresentation)
    }

    /// Parses the text form; `nil` if it is malformed, not Ed25519, or its key hash does not match.
    public init?(parsing text: String) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, SignedNote.isValidName(String(parts[0])), parts[1].utf8.count == 8,
            let hash = Hex.decode(parts[1].lowercased()), let encoded = Base64.decode(String(parts[2])),
            encoded.count == 33, encoded[0] == 0x01,
            let key = try? Ed25519.PublicKey(rawRepresentation: encoded.dropFirst())
        else { return nil }
        self.init(name: String(parts[0]), publicKey: key)
        guard keyHash == hash else { return nil }
    }

    /// The text form.
    public var encoded: String { "\(name)+\(Hex.encode(keyHash))+\(Base64.encode([0x01] + publicKey.rawRepresentation))" }

    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw public key), first four bytes.
    public static func keyHash(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(Array(name.utf8), [0x0a, 0x01], publicKey).bytes.prefix(4))
    }
}

/// A private key with the name it signs notes under.
public struct NoteSigner: Sendable {
    public var name: String
    public var key: Ed25519.PrivateKey
    public var verifier: NoteVerifierKey

    public init(name: String, key: Ed25519.PrivateKey) {
        self.name = name
        self.key = key
        self.verifier = NoteVerifierKey(name: name, publicKey: key.publicKey)
    }
}
