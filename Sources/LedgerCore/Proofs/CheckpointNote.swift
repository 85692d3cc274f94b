import LedgerCrypto

/// The text of a C2SP `tlog-checkpoint` for a ledger: origin, size and root, one per line.
///
/// The origin is `mutual-aid-ledger/<ledger id>`, so a checkpoint can never be mistaken for another
/// society's. Signers are named by their ledger key id (docs/FORMAT.md section 12).
public struct CheckpointNote: Sendable, Hashable {
    public static let originPrefix = "mutual-aid-ledger/"

    public var ledgerID: String
    public var size: Int
    public var root: EntryHash

    public init(ledgerID: String, size: Int, root: EntryHash) {
        self.ledgerID = ledgerID
        self.size = size
        self.root = root
    }

    public var origin: String { CheckpointNote.originPrefix + ledgerID }

    /// The note text that signers sign.
    public var text: String { "\(origin)\n\(size)\n\(Base64.encode(root.bytes))\n" }

    /// Reads a checkpoint text; `nil` unless it is exactly origin, decimal size and base64 root.
    public init?(text: String) {
        guard let (ledgerID, size, root) = CheckpointNote.lines(of: text, originPrefix: CheckpointNote.originPrefix) else { return nil }
        self.init(ledgerID: ledgerID, size: size, root: root)
    }

    /// Reads the three lines origin (`originPrefix` then the ledger id), decimal size and base64 hash, strictly.
    static func lines(of text: String, originPrefix: String) -> (ledgerID: String, size: Int, hash: EntryHash)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[3].isEmpty, lines[0].hasPrefix(originPrefix),
            let size = Int(lines[1]), size >= 0, String(size) == lines[1],
            let hashBytes = Base64.decode(String(lines[2])), let hash = EntryHash(bytes: hashBytes)
        else { return nil }
        return (String(lines[0].dropFirst(originPrefix.count)), size, hash)
    }

    /// A short fingerprint of the checkpoint for people to compare by eye: the first 16 hex characters of
    /// SHA-256 of the note text, in groups of four.
    public var fingerprint: String {
        let hex = SHA256.hash(Array(text.utf8)).hex.prefix(16)
        return stride(from: 0, to: 16, by: 4).map { offset in
            String(hex.dropFirst(offset).prefix(4))
        }.joined(separator: "-")
    }
}
