import LedgerCore
import LedgerCrypto

/// Fixed keys for tests: derived from their names, so every run and every machine signs the same bytes.
public enum TestKeys {
    /// The private key whose seed is SHA-256 of `name`.
    public static func key(_ name: String) -> Ed25519.PrivateKey {
        try! Ed25519.PrivateKey(seed: SHA256.hash(Array(name.utf8)).bytes)
    }

    public static let committee1 = key("committee-1")
    public static let committee2 = key("committee-2")
    public static let committee3 = key("committee-3")
    public static let oversight1 = key("oversight-1")
    public static let oversight2 = key("oversight-2")

    /// The key id of a private key.
    public static func id(_ key: Ed25519.PrivateKey) -> KeyID {
        Rules.keyID(publicKey: key.publicKey.rawRepresentation)
    }

    /// A descriptor for a key with a role and holder.
    public static func descriptor(_ key: Ed25519.PrivateKey, _ role: Role, _ holder: String) -> KeyDescriptor {
        KeyDescriptor(role: role, holder: holder, publicKey: key.publicKey.rawRepresentation)
    }
}
