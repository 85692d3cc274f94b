import Foundation
import LedgerCrypto

/// A self-contained receipt a member can keep: an entry's exact bytes, its approvals, their inclusion
/// proofs, the signed checkpoint they are proven against, and the public keys needed — checkable offline.
public struct Receipt: Sendable {
    public static let format = "mutual-aid-ledger-receipt/v1"

    /// An entry and its audit path in the checkpoint's tree.
    public struct ProvenEntry: Sendable {
        public var entry: Entry
        public var path: [EntryHash]

        public init(entry: Entry, path: [EntryHash]) {
            self.entry = entry
            self.path = path
        }
    }

    /// A key that signed something in the receipt, with its holder for people to read.
    public struct Signer: Sendable, Hashable {
        public var id: KeyID
        public var holder: String
        public var role: Role
        public var publicKey: [UInt8]

        public init(id: KeyID, holder: String, role: Role, publicKey: [UInt8]) {
            self.id = id
            self.holder = holder
            self.role = role
            self.publicKey = publicKey
        }
    }

    public var ledger: String
    public var society: String
    public var entry: ProvenEntry
    public var approvals: [ProvenEntry]
    /// The signed checkpoint note, in its transport form.
    public var checkpoint: String
    /// Every key that signed the entry, its approvals or the checkpoint.
    public var signers: [Signer]

    public init(ledger: String, society: String, entry: ProvenEntry, approvals: [ProvenEntry], checkpoint: String, signers: [Signer]) {
        self.ledger = ledger
        self.society = society
        self.entry = entry
        self.approvals = approvals
        self.checkpoint = checkpoint
        self.signers = signers
    }

    /// What a successful check established.
    public struct Check: Sendable {
        public var checkpoint: CheckpointNote
        /// Key ids whose checkpoint signatures verified.
        public var checkpointSigners: [KeyID]
        /// Whether those were keys the reader supplied (rather than the ones carried in the receipt).
        public var trustedKeysUsed: Bool
    }

    /// Checks everything offline. With `trusted` keys (from the notice board), the checkpoint must be signed by
    /// one of them; without, the receipt's own keys are used and the reader should compare the fingerprint.
    public func verify(trusting trusted: [NoteVerifierKey]) throws(LedgerError) -> Check {
        func fail(_ en: String, _ zh: String, _ code: LedgerError.Code = .badProof) -> LedgerError {
            LedgerError(code, seq: entry.entry.seq, kind: entry.entry.kind.rawValue, en: en, zh: zh)
        }
        let note: SignedNote
        do { note = try SignedNote(parsing: checkpoint) } catch {
            throw fail("the receipt's checkpoint is not a signed note", "收据中的检查点不是有效的签名说明", .badCheckpointNote)
        }
        guard let point = CheckpointNote(text: note.text), point.ledgerID == ledger else {
            throw fail("the receipt's checkpoint is not for this ledger", "收据中的检查点不属于该账本", .badCheckpointNote)
        }
        let carried = signers.compactMap { signer in
            (try? Ed25519.PublicKey(rawRepresentation: signer.publicKey)).map { NoteVerifierKey(name: signer.id, publicKey: $0) }
        }
        let checkpointSigners: [String]
        do { checkpointSigners = try note.verify(with: trusted.isEmpty ? carried : trusted) } catch {
            throw fail("the checkpoint's signatures do not verify with \(trusted.isEmpty ? "the receipt's keys" : "the keys given")",
                "检查点签名无法用\(trusted.isEmpty ? "收据所附密钥" : "所给密钥")验证", .badCheckpointNote)
        }
        for proven in [entry] + approvals {
            let item = proven.entry
            guard Rules.keyID(publicKey: signers.first { $0.id == item.body.author }?.publicKey ?? []) == item.body.author,
                let key = signers.first(where: { $0.id == item.body.author }).flatMap({ try? Ed25519.PublicKey(rawRepresentation: $0.publicKey) }),
                item.isSignatureValid(for: key)
            else {
                throw fail("entry \(item.seq)'s signature does not verify with its author's key", "第 \(item.seq) 条的签名无法用作者密钥验证", .badSignature)
            }
            guard item.seq < point.size,
                MerkleProof.verifyInclusion(leaf: item.hash, index: item.seq, size: point.size, proof: proven.path, root: point.root)
            else {
                throw fail("entry \(item.seq) is not proven to be in the checkpoint's \(point.size) entries",
                    "无法证明第 \(item.seq) 条在检查点的 \(point.size) 条之中")
            }
        }
        for approval in approvals {
            guard case .approve(let approve) = approval.entry.payload, approve.target == entry.entry.seq, approve.hash == entry.entry.hash else {
                throw fail("an approval in the receipt does not approve this entry", "收据中的审批并非针对此条目")
            }
        }
        return Check(checkpoint: point, checkpointSigners: checkpointSigners, trustedKeysUsed: !trusted.isEmpty)
    }

    /// The receipt as JSON text (sorted keys). Not canonical JSON: the checkpoint note holds newlines.
    public var jsonData: Data {
        func proven(_ item: ProvenEntry) -> [String: Any] {
            ["entry": String(decoding: item.entry.bytes, as: UTF8.self), "path": item.path.map(\.hex)]
        }
        let object: [String: Any] = [
            "format": Receipt.format, "ledger": ledger, "society": society, "entry": proven(entry),
            "approvals": approvals.map(proven), "checkpoint": checkpoint,
            "signers": signers.map { ["id": $0.id, "holder": $0.holder, "role": $0.role.rawValue, "pub": Base64.encode($0.publicKey)] },
        ]
        // Plain strings, integers and arrays only: serialization cannot fail.
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// Reads a receipt file's JSON.
    public init(json data: Data) throws(LedgerError) {
        let bad = LedgerError(.badProof, en: "the file is not a ledger receipt", zh: "该文件不是账本收据")
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], object["format"] as? String == Receipt.format,
            let ledger = object["ledger"] as? String, let society = object["society"] as? String,
            let checkpoint = object["checkpoint"] as? String, let signerList = object["signers"] as? [[String: Any]]
        else { throw bad }
        func proven(_ value: Any?) throws(LedgerError) -> ProvenEntry {
            guard let item = value as? [String: Any], let text = item["entry"] as? String, let path = ProofJSON.hashes(item["path"]) else {
                throw bad
            }
            return ProvenEntry(entry: try Entry(bytes: Array(text.utf8)), path: path)
        }
        var approvals: [ProvenEntry] = []
        for item in object["approvals"] as? [Any] ?? [] { approvals.append(try proven(item)) }
        var signers: [Signer] = []
        for item in signerList {
            guard let id = item["id"] as? String, let holder = item["holder"] as? String,
                let role = (item["role"] as? String).flatMap(Role.init(rawValue:)),
                let pub = (item["pub"] as? String).flatMap(Base64.decode)
            else { throw bad }
            signers.append(Signer(id: id, holder: holder, role: role, publicKey: pub))
        }
        self.init(ledger: ledger, society: society, entry: try proven(object["entry"]), approvals: approvals,
            checkpoint: checkpoint, signers: signers)
    }
}
