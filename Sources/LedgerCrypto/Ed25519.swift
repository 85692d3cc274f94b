internal import COpenSSL

/// Ed25519 (RFC 8032, pure) keys and signatures, computed by OpenSSL.
public enum Ed25519 {
    /// The length of a signature in bytes.
    public static let signatureLength = 64
    /// The length of a raw public key or private seed in bytes.
    public static let keyLength = 32

    /// A public key: checks signatures.
    public struct PublicKey: Sendable, Hashable {
        /// The raw 32-byte key, as it appears (base64) in the ledger.
        public let rawRepresentation: [UInt8]
        let key: EVPKey

        /// Loads a raw 32-byte public key, refusing every key a forger could use (``KeyDefect``).
        /// - Throws: ``CryptoError/Code/invalidKey`` for the wrong length or bytes OpenSSL refuses;
        ///   ``CryptoError/Code/weakKey`` for bytes that are not a canonical point of the curve outside its small
        ///   subgroup.
        public init(rawRepresentation: some Collection<UInt8>) throws(CryptoError) {
            let raw = Array(rawRepresentation)
            guard raw.count == keyLength else {
                throw CryptoError(.invalidKey, "an Ed25519 public key has 32 bytes, not \(raw.count)")
            }
            if let defect = Ed25519.rememberedDefect(ofPublicKey: raw) {
                throw CryptoError.weakKey(defect)
            }
            guard let pointer = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
                throw CryptoError(.invalidKey, "not an Ed25519 public key: \(OpenSSL.drainErrors())")
            }
            self.key = EVPKey(taking: pointer)
            self.rawRepresentation = raw
        }

        init(key: EVPKey) {
            self.key = key
            self.rawRepresentation = key.rawPublicKey()
        }

        /// Loads a SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`), as `openssl pkey -pubout` writes.
        public init(pemRepresentation pem: String) throws(CryptoError) {
            let pointer = try OpenSSL.readFromMemory(pem) { PEM_read_bio_PUBKEY($0, nil, nil, nil) }
            guard let pointer else {
                _ = OpenSSL.drainErrors()
                throw CryptoError(.malformedPEM, "not a PEM public key")
            }
            let key = EVPKey(taking: pointer)
            guard key.isEd25519() else { throw CryptoError(.invalidKey, "the PEM public key is not an Ed25519 key") }
            if let defect = Ed25519.rememberedDefect(ofPublicKey: key.rawPublicKey()) {
                throw CryptoError.weakKey(defect)
            }
            self.init(key: key)
        }

        /// The SubjectPublicKeyInfo PEM form.
        public var pemRepresentation: String {
            // Writing a valid in-memory public key can only fail when out of memory.
            do { return try OpenSSL.writeToMemory { PEM_write_bio_PUBKEY($0, key.pointer) } } catch {
                fatalError("\(error)")
            }
        }

        /// Whether `signature` is a valid Ed25519 signature of `message` by this key.
        ///
        /// Returns `false` (never throws) for a signature of the wrong length, a non-canonical one, or a forgery.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            guard signature.count == signatureLength else { return false }
            let signature = Array(signature)
            let message = Array(message)
            guard let context = EVP_MD_CTX_new() else { return false }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestVerifyInit(context, nil, nil, nil, key.pointer) == 1 else {
                _ = OpenSSL.drainErrors()
                return false
            }
            let status = EVP_DigestVerify(context, signature, signature.count, message, message.count)
            if status != 1 { ERR_clear_error() }
            return status == 1
        }

        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawRepresentation == rhs.rawRepresentation }
        public func hash(into hasher: inout Swift.Hasher) { hasher.combine(rawRepresentation) }
    }

    /// A private key: makes signatures. It never prints its bytes.
    public struct PrivateKey: Sendable, CustomStringConvertible {
        let key: EVPKey
        /// The matching public key.
        public let publicKey: PublicKey

        /// Generates a new key from OpenSSL's random source.
        public init() throws(CryptoError) {
            guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
                throw CryptoError(.internalFailure, "OpenSSL has no Ed25519: \(OpenSSL.drainErrors())")
            }
            defer { EVP_PKEY_CTX_free(context) }
            var pointer: OpaquePointer?
            guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &pointer) == 1, let pointer else {
                throw CryptoError(.internalFailure, "Ed25519 key generation failed: \(OpenSSL.drainErrors())")
            }
            self.init(key: EVPKey(taking: pointer))
        }

        /// Loads a key from its 32-byte RFC 8032 seed (test vectors, fixed test keys).
        public init(seed: some Collection<UInt8>) throws(CryptoError) {
            let raw = Array(seed)
            guard raw.count == keyLength else { throw CryptoError(.invalidKey, "an Ed25519 seed has 32 bytes") }
            guard let pointer = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
                throw CryptoError(.invalidKey, "OpenSSL refused the seed: \(OpenSSL.drainErrors())")
            }
            self.init(key: EVPKey(taking: pointer))
        }

        init(key: EVPKey) {
            self.key = key
            self.publicKey = PublicKey(key: key)
        }

        /// Loads a PKCS#8 PEM private key, plain (`PRIVATE KEY`) or encrypted (`ENCRYPTED PRIVATE KEY`).
        ///
        /// OpenSSL is never allowed to prompt on the terminal: an encrypted key without a passphrase fails with
        /// ``CryptoError/Code/passphraseRequired``.
        /// - Parameter passphrase: the passphrase bytes for an encrypted key; ignored for a plain one.
        public init(pemRepresentation pem: String, passphrase: [UInt8]? = nil) throws(CryptoError) {
            let encrypted = pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
            if encrypted, passphrase == nil || passphrase!.isEmpty {
                throw CryptoError(.passphraseRequired, "the private key is encrypted and needs its passphrase")
            }
            if let passphrase, passphrase.contains(0) {
                throw CryptoError(.wrongPassphrase, "a passphrase cannot contain a NUL character")
            }
            // A NUL-terminated copy for OpenSSL's default callback; an empty string stops it from prompting.
            var secret = (encrypted ? passphrase ?? [] : []) + [0]
            defer { for index in secret.indices { secret[index] = 0 } }
            let pointer = try OpenSSL.readFromMemory(pem) { bio in
                secret.withUnsafeMutableBytes { PEM_read_bio_PrivateKey(bio, nil, nil, $0.baseAddress) }
            }
            guard let pointer else {
                let reason = OpenSSL.drainErrors()
                if encrypted {
                    throw CryptoError(.wrongPassphrase, "the passphrase does not open this key, or the key file is damaged")
                }
                throw CryptoError(.malformedPEM, "not a PKCS#8 PEM private key (\(reason.isEmpty ? "no PEM block" : "unreadable"))")
            }
            let key = EVPKey(taking: pointer)
            guard key.isEd25519() else { throw CryptoError(.invalidKey, "the private key is not an Ed25519 key") }
            self.init(key: key)
        }

        /// The PKCS#8 PEM form; encrypted with AES-256-CBC (PBES2, PBKDF2-SHA256) when a passphrase is given.
        public func pemRepresentation(passphrase: [UInt8]? = nil) throws(CryptoError) -> String {
            if let passphrase, !passphrase.isEmpty {
                return try OpenSSL.writeToMemory { bio in
                    passphrase.withUnsafeBufferPointer { secret in
                        PEM_write_bio_PrivateKey(
                            bio, key.pointer, EVP_aes_256_cbc(),
                            UnsafeMutablePointer(mutating: secret.baseAddress), Int32(secret.count), nil, nil)
                    }
                }
            }
            return try OpenSSL.writeToMemory { PEM_write_bio_PrivateKey($0, key.pointer, nil, nil, 0, nil, nil) }
        }

        /// Signs `message` (RFC 8032 pure Ed25519: deterministic, no pre-hash).
        public func signature(for message: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
            let message = Array(message)
            guard let context = EVP_MD_CTX_new() else { throw CryptoError(.internalFailure, "out of memory") }
            defer { EVP_MD_CTX_free(context) }
            var signature = [UInt8](repeating: 0, count: signatureLength)
            var length = signatureLength
            guard EVP_DigestSignInit(context, nil, nil, nil, key.pointer) == 1,
                EVP_DigestSign(context, &signature, &length, message, message.count) == 1,
                length == signatureLength
            else {
                throw CryptoError(.internalFailure, "Ed25519 signing failed: \(OpenSSL.drainErrors())")
            }
            return signature
        }

        /// Never shows key material.
        public var description: String { "Ed25519.PrivateKey(<redacted>)" }
    }
}
