import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// A ledger whose keys change: `TestLedger`'s five genesis keys, then
/// 1 member H001 · 2 donation · 3 `key.add` of oversight-3 (黄), approved by 4 (committee2) and 5 (oversight1),
/// so it is active from size 6 · 6 donation · 7 `key.revoke` of oversight2, approved by 8 and 9, so it is active
/// up to size 9 · 10 donation · 11 member H002. Twelve entries.
struct KeyChangeLedger {
    static let newcomer = TestKeys.key("oversight-3")
    static let count = 12
    /// The first size at which the newcomer's signature counts.
    static let newcomerActiveFrom = 6
    /// The last size at which oversight2's signature counts.
    static let revokedKeyActiveUpTo = 9

    var ledger: TestLedger

    init(alternativeEntry6: Bool = false) throws {
        ledger = try TestLedger()
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: 500_000)), by: TestKeys.committee2)
        try ledger.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(KeyChangeLedger.newcomer, .oversight, "黄"))), by: TestKeys.committee1)
        try ledger.approve(3, by: TestKeys.committee2)
        try ledger.approve(3, by: TestKeys.oversight1)
        try ledger.append(.donation(Donation(donor: alternativeEntry6 ? "别的捐赠人" : "爱心人士", amount: 20_000)), by: TestKeys.committee1)
        try ledger.append(.keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.oversight2), reason: "离任")), by: TestKeys.committee1)
        try ledger.approve(7, by: TestKeys.committee2)
        try ledger.approve(7, by: TestKeys.oversight1)
        try ledger.append(.donation(Donation(donor: "爱心超市", amount: 30_000)), by: TestKeys.committee3)
        try ledger.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1)
    }

    var ledgerID: String { ledger.state.founding!.ledgerID }

    /// A checkpoint note of the first `size` entries (or of whatever `root`/`ledgerID` say), signed by `keys`
    /// under their key ids.
    func note(size: Int, root: EntryHash? = nil, ledgerID: String? = nil, signedBy keys: [Ed25519.PrivateKey]) throws -> SignedNote {
        let checkpoint = CheckpointNote(ledgerID: ledgerID ?? self.ledgerID, size: size, root: root ?? ledger.tree.root(size: size))
        var note = SignedNote(text: checkpoint.text)
        for key in keys { try note.sign(with: NoteSigner(name: TestKeys.id(key), key: key)) }
        return note
    }

    func verify(_ text: String) throws(LedgerError) -> (checkpoint: CheckpointNote, signers: [KeyID]) {
        let tree = ledger.tree
        return try ledger.state.verifyCheckpoint(text) { size in tree.root(size: size) }
    }
}

/// `LedgerState.verifyCheckpoint` (docs/FORMAT.md sections 9 and 12).
@Suite struct CheckpointVerificationTests {
    func expectRefused(_ text: String, by ledger: KeyChangeLedger, code: LedgerError.Code, _ comment: Comment,
        sourceLocation: SourceLocation = #_sourceLocation)
    {
        do {
            let accepted = try ledger.verify(text)
            Issue.record("accepted (\(accepted.signers)) but should be refused with \(code): \(comment)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, comment, sourceLocation: sourceLocation)
        }
    }

    @Test func theFixtureHasTheKeyHistoryItDescribes() throws {
        let fixture = try KeyChangeLedger()
        let expectedCount: Int = KeyChangeLedger.count
        #expect(fixture.ledger.state.count == expectedCount)
        let newcomer = try #require(fixture.ledger.state.keys[TestKeys.id(KeyChangeLedger.newcomer)])
        #expect(newcomer.status == .active)
        #expect(newcomer.activeSince == KeyChangeLedger.newcomerActiveFrom - 1)
        let revoked = try #require(fixture.ledger.state.keys[TestKeys.id(TestKeys.oversight2)])
        #expect(revoked.status == .revoked)
        #expect(revoked.revokedAt == KeyChangeLedger.revokedKeyActiveUpTo)
        guard case .valid = fixture.ledger.verify() else {
            Issue.record("the fixture ledger does not verify")
            return
        }
    }

    @Test func aNoteSignedByAnActiveKeyVerifies() throws {
        let fixture = try KeyChangeLedger()
        for size in 1...KeyChangeLedger.count {
            let note = try fixture.note(size: size, signedBy: [TestKeys.oversight1])
            let checked = try fixture.verify(note.formatted)
            #expect(checked.checkpoint.size == size)
            #expect(checked.checkpoint.root == fixture.ledger.tree.root(size: size))
            #expect(checked.checkpoint.ledgerID == fixture.ledgerID)
            #expect(checked.signers == [TestKeys.id(TestKeys.oversight1)])
        }
        let cosigned = try fixture.note(size: KeyChangeLedger.count, signedBy: [TestKeys.oversight1, TestKeys.committee1])
        #expect(try fixture.verify(cosigned.formatted).signers == [TestKeys.id(TestKeys.oversight1), TestKeys.id(TestKeys.committee1)].sorted())
    }

    @Test func aKeyCountsOnlyOnceItsAdditionTookEffect() throws {
        let fixture = try KeyChangeLedger()
        let from = KeyChangeLedger.newcomerActiveFrom
        for size in 1..<from {
            let early = try fixture.note(size: size, signedBy: [KeyChangeLedger.newcomer])
            expectRefused(early.formatted, by: fixture, code: .badCheckpointNote, "newcomer at size \(size), before its key.add was approved")
            // Alongside an active key's signature it is ignored, not counted.
            let both = try fixture.note(size: size, signedBy: [KeyChangeLedger.newcomer, TestKeys.oversight1])
            #expect(try fixture.verify(both.formatted).signers == [TestKeys.id(TestKeys.oversight1)])
        }
        for size in from...KeyChangeLedger.count {
            let note = try fixture.note(size: size, signedBy: [KeyChangeLedger.newcomer])
            #expect(try fixture.verify(note.formatted).signers == [TestKeys.id(KeyChangeLedger.newcomer)])
        }
    }

    @Test func aRevokedKeyCountsOnlyUpToItsRevocation() throws {
        let fixture = try KeyChangeLedger()
        let last = KeyChangeLedger.revokedKeyActiveUpTo
        for size in 1...last {
            let note = try fixture.note(size: size, signedBy: [TestKeys.oversight2])
            #expect(try fixture.verify(note.formatted).signers == [TestKeys.id(TestKeys.oversight2)], "size \(size)")
        }
        for size in (last + 1)...KeyChangeLedger.count {
            let note = try fixture.note(size: size, signedBy: [TestKeys.oversight2])
            expectRefused(note.formatted, by: fixture, code: .badCheckpointNote, "oversight2 at size \(size), after its revocation")
        }
    }

    @Test func keysThatAreNotTheLedgersAreIgnored() throws {
        let fixture = try KeyChangeLedger()
        let stranger = TestKeys.key("stranger")
        let note = try fixture.note(size: 8, signedBy: [stranger])
        expectRefused(note.formatted, by: fixture, code: .badCheckpointNote, "a key the ledger never had")
        // The right key under another name (its holder's) is not the key the note format names.
        var renamed = SignedNote(text: note.text)
        try renamed.sign(with: NoteSigner(name: "张", key: TestKeys.oversight1))
        expectRefused(renamed.formatted, by: fixture, code: .badCheckpointNote, "an active key under a name that is not its key id")
    }

    @Test func aNoteForAnotherLedgerIsRefused() throws {
        let fixture = try KeyChangeLedger()
        let other = try fixture.note(size: 8, ledgerID: "ffffffffffffffffffffffffffffffff", signedBy: [TestKeys.oversight1])
        expectRefused(other.formatted, by: fixture, code: .badCheckpointNote, "another ledger id, correctly signed")
    }

    @Test func aNoteAlteredAfterSigningIsRefused() throws {
        let fixture = try KeyChangeLedger()
        let note = try fixture.note(size: 8, signedBy: [TestKeys.oversight1])
        let text = note.formatted
        let biggerSize = text.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        try #require(biggerSize != text)
        expectRefused(biggerSize, by: fixture, code: .badCheckpointNote, "size altered after signing")
        let otherRoot = CheckpointNote(ledgerID: fixture.ledgerID, size: 8, root: fixture.ledger.tree.root(size: 7))
        let swappedRoot = otherRoot.text + text.dropFirst(note.text.count)
        try #require(swappedRoot != text && swappedRoot.hasPrefix(otherRoot.text))
        expectRefused(swappedRoot, by: fixture, code: .badCheckpointNote, "root altered after signing")
    }

    @Test func aTruncatedSignatureIsRefused() throws {
        let fixture = try KeyChangeLedger()
        let note = try fixture.note(size: 8, signedBy: [TestKeys.oversight1])
        let signature = try #require(note.signatures.first)
        for keep in [63, 32, 1] {
            var cut = signature
            cut.signature = Array(signature.signature.prefix(keep))
            var truncated = note
            truncated.signatures = [cut]
            expectRefused(truncated.formatted, by: fixture, code: .badCheckpointNote, "signature cut to \(keep) bytes")
        }
        // Only the key hash left, or no signature line at all.
        let keyHashOnly = note.text + "\n— \(signature.name) \(Base64.encode(signature.keyHash))\n"
        expectRefused(keyHashOnly, by: fixture, code: .badCheckpointNote, "signature line with the key hash only")
        expectRefused(note.text + "\n", by: fixture, code: .badCheckpointNote, "no signature line")
        // Cut in the middle of the base64.
        let line = signature.line
        expectRefused(note.text + "\n" + line.prefix(line.count - 10) + "\n", by: fixture, code: .badCheckpointNote, "base64 cut short")
    }

    @Test func aSignedNoteThatIsNotACheckpointIsRefused() throws {
        let fixture = try KeyChangeLedger()
        let good = try fixture.note(size: 8, signedBy: [TestKeys.oversight1]).text
        for text in [
            "hello\n",
            good + "extension line\n",
            good.replacingOccurrences(of: "\n8\n", with: "\n08\n"),
            good.replacingOccurrences(of: "\n8\n", with: "\n-8\n"),
            good.replacingOccurrences(of: CheckpointNote.originPrefix, with: "example.com/"),
        ] {
            var note = SignedNote(text: text)
            try note.sign(with: NoteSigner(name: TestKeys.id(TestKeys.oversight1), key: TestKeys.oversight1))
            expectRefused(note.formatted, by: fixture, code: .badCheckpointNote, "not a checkpoint: \(text.debugDescription)")
        }
    }

    /// A correctly signed checkpoint of a different history: the signer attested a root this ledger does not have.
    @Test func aDifferentHistoryIsACheckpointMismatch() throws {
        let fixture = try KeyChangeLedger()
        let rewritten = try KeyChangeLedger(alternativeEntry6: true)
        #expect(rewritten.ledger.entries[0].bytes == fixture.ledger.entries[0].bytes)
        #expect(rewritten.ledger.entries[6].hash != fixture.ledger.entries[6].hash)
        guard case .valid = rewritten.ledger.verify() else {
            Issue.record("the rewritten ledger should verify on its own")
            return
        }
        for size in 7...KeyChangeLedger.count {
            let note = try fixture.note(size: size, signedBy: [TestKeys.oversight1])
            expectRefused(note.formatted, by: rewritten, code: .checkpointMismatch, "history rewritten at entry 6, checkpoint of \(size)")
        }
        // Before the rewrite both histories agree, and so does the checkpoint.
        for size in 1...6 {
            let note = try fixture.note(size: size, signedBy: [TestKeys.oversight1])
            #expect(try rewritten.verify(note.formatted).checkpoint.size == size)
        }
        // An active key signing a root that was never the ledger's.
        let lie = try fixture.note(size: 8, root: SHA256.hash(Array("not a root".utf8)), signedBy: [TestKeys.oversight1])
        expectRefused(lie.formatted, by: fixture, code: .checkpointMismatch, "signed false root")
    }

    /// A checkpoint larger than the ledger: entries were removed.
    @Test func aCheckpointBeyondTheEndIsLedgerTruncated() throws {
        let fixture = try KeyChangeLedger()
        let note = try fixture.note(size: KeyChangeLedger.count, signedBy: [TestKeys.oversight1])
        for kept in [1, 5, KeyChangeLedger.count - 1] {
            var verifier = ChainVerifier()
            verifier.verify(batch: Array(fixture.ledger.bytes.prefix(kept)))
            guard case .valid = verifier.finish() else {
                Issue.record("a prefix of a valid ledger must verify")
                continue
            }
            do {
                let tree = verifier.tree
                _ = try verifier.state.verifyCheckpoint(note.formatted) { size in tree.root(size: size) }
                Issue.record("a checkpoint of \(KeyChangeLedger.count) accepted by a ledger of \(kept)")
            } catch {
                #expect(error.code == .ledgerTruncated, "kept \(kept)")
            }
        }
    }

    @Test func theCheckpointTextIsExactlyOriginSizeRoot() throws {
        let fixture = try KeyChangeLedger()
        let root = fixture.ledger.tree.root(size: 8)
        let checkpoint = CheckpointNote(ledgerID: fixture.ledgerID, size: 8, root: root)
        #expect(checkpoint.text == "mutual-aid-ledger/\(fixture.ledgerID)\n8\n\(Base64.encode(root.bytes))\n")
        #expect(CheckpointNote(text: checkpoint.text) == checkpoint)
        #expect(CheckpointNote(text: String(checkpoint.text.dropLast())) == nil)
        #expect(checkpoint.fingerprint.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(checkpoint.fingerprint.replacingOccurrences(of: "-", with: "") == String(SHA256.hash(Array(checkpoint.text.utf8)).hex.prefix(16)))
    }
}
