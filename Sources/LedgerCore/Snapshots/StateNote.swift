import LedgerCrypto

/// The text of a signed state note: origin, size and the hash of a ``StateSnapshot``, one per line.
///
/// It has the shape of a checkpoint but a different origin, `mutual-aid-ledger-state/<ledger id>`, so neither can
/// pass for the other: a checkpoint signs which entries there are, a state note what the rules' state was after
/// the first `size` of them. `ledger audit` signs both with the same oversight key.
public struct StateNote: Sendable, Hashable {
    public static let originPrefix = "mutual-aid-ledger-state/"

    public var ledgerID: String
    public var size: Int
    /// SHA-256 of the snapshot's bytes.
    public var stateHash: EntryHash

    public init(ledgerID: String, size: Int, stateHash: EntryHash) {
        self.ledgerID = ledgerID
        self.size = size
        self.stateHash = stateHash
    }

    public var origin: String { StateNote.originPrefix + ledgerID }

    /// The note text that signers sign.
    public var text: String { "\(origin)\n\(size)\n\(Base64.encode(stateHash.bytes))\n" }

    /// Reads a state note's text; `nil` unless it is exactly origin, decimal size and base64 hash.
    public init?(text: String) {
        guard let (ledgerID, size, hash) = CheckpointNote.lines(of: text, originPrefix: StateNote.originPrefix) else { return nil }
        self.init(ledgerID: ledgerID, size: size, stateHash: hash)
    }
}
