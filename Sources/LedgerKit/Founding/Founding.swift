import LedgerCore
import LedgerCrypto
import LedgerStore

/// `ledger init`: a society's first entry, signed by one of its committee keys, and the file that starts with it.
public enum Founding {
    /// A key the society lists, as people give it: the holder's name and a `.pub` file or base64 key.
    public struct HolderKey: Sendable {
        public var role: Role
        public var holder: String
        public var publicKey: String

        public init(role: Role, holder: String, publicKey: String) {
            self.role = role
            self.holder = holder
            self.publicKey = publicKey
        }
    }

    /// Creates the ledger at `path` with a genesis listing `keys`, a `general` fund named `fundName`, and `policy`.
    /// - Returns: the genesis entry (its hash is what people pin).
    /// - Throws: ``KitError/Code/key`` when `signer` is not one of the committee keys; what loading a key or creating
    ///   the file throws.
    public static func found(at path: String, society: String, keys: [HolderKey], fundName: String, policy: Policy,
        signer: Ed25519.PrivateKey, now: Timestamp) throws -> Entry
    {
        var descriptors: [KeyDescriptor] = []
        for key in keys {
            descriptors.append(KeyDescriptor(role: key.role, holder: key.holder, publicKey: try KeyFile.loadPublicKey(key.publicKey).rawRepresentation))
        }
        let signerID = Rules.keyID(publicKey: signer.publicKey.rawRepresentation)
        guard descriptors.contains(where: { $0.id == signerID && $0.role == .committee }) else {
            throw KitError(.key, en: "--key must be the private key of one of the --committee keys",
                zh: "--key 必须是某个 --committee 公钥对应的私钥")
        }
        let genesis = Genesis(
            society: society, ledger: Hex.encode(try SecureRandom.bytes(16)),
            funds: [FundDescriptor(id: "general", name: fundName)], keys: descriptors, policy: policy)
        let entry = try LedgerState().compose(.genesis(genesis), signer: signer, now: now)
        _ = try SQLiteLedger.create(at: path, genesis: entry, now: now)
        return entry
    }
}
