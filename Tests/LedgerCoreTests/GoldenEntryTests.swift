import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Every kind of entry, built from fixed keys and times, encodes, hashes and signs to exactly the pinned bytes.
///
/// The pinned values live in `Golden/GoldenLedger+Pinned.swift` and were cross-checked with Python (see there).
@Suite struct GoldenEntryTests {
    /// Links that take every earlier hash and the checkpoint root from the pinned literals, not from computation.
    static let pinnedLinks = GoldenLedger.Links(
        hash: { EntryHash(hex: GoldenLedger.pinned[$0].hash)! },
        checkpointRoot: EntryHash(hex: GoldenLedger.pinnedCheckpointRoot)!)

    static let seqs = Array(0..<GoldenLedger.count)

    @Test func thePinnedTableCoversEveryKindAndBothDonationForms() throws {
        #expect(GoldenLedger.pinned.count == GoldenLedger.count)
        #expect(GoldenLedger.names.count == GoldenLedger.count)
        let payloads = GoldenEntryTests.seqs.map { GoldenLedger.body($0, links: GoldenEntryTests.pinnedLinks).payload }
        #expect(Set(payloads.map(\.kind)) == Set(Kind.allCases))
        let forms = payloads.compactMap { payload -> Donation.Form? in
            if case .donation(let donation) = payload { return donation.form }
            return nil
        }
        #expect(Set(forms) == [.cash, .inKind])
    }

    @Test(arguments: seqs)
    func signingTheBodyGivesThePinnedBytesHashAndSignature(seq: Int) throws {
        let pinned = GoldenLedger.pinned[seq]
        let body = GoldenLedger.body(seq, links: GoldenEntryTests.pinnedLinks)
        let entry = try Entry.sign(body, with: GoldenLedger.signer(seq))
        #expect(String(decoding: entry.bytes, as: UTF8.self) == pinned.bytes, "\(GoldenLedger.names[seq])")
        #expect(entry.bytes == Array(pinned.bytes.utf8))
        #expect(entry.hash.hex == pinned.hash)
        #expect(Base64.encode(entry.signature) == pinned.signature)
    }

    @Test(arguments: seqs)
    func thePinnedBytesDecodeToTheSameEntry(seq: Int) throws {
        let pinned = GoldenLedger.pinned[seq]
        let entry = try Entry(bytes: Array(pinned.bytes.utf8))
        #expect(entry.body == GoldenLedger.body(seq, links: GoldenEntryTests.pinnedLinks))
        #expect(entry.kind.rawValue == GoldenLedger.names[seq].split(separator: " ").first.map(String.init))
        #expect(entry.hash.hex == pinned.hash)
        #expect(entry.isSignatureValid(for: GoldenLedger.signer(seq).publicKey))
        // Any other key refuses the signature.
        #expect(!entry.isSignatureValid(for: TestKeys.key("someone-else").publicKey))
    }

    @Test(arguments: seqs)
    func theHashIsSHA256OfAZeroByteAndTheEntryBytes(seq: Int) throws {
        let pinned = GoldenLedger.pinned[seq]
        let bytes = Array(pinned.bytes.utf8)
        #expect(SHA256.hash([0x00], bytes).hex == pinned.hash)
        #expect(Entry.hash(of: bytes).hex == pinned.hash)
        // Not the bare SHA-256: leaves and entries share the RFC 9162 0x00 prefix.
        #expect(SHA256.hash(bytes).hex != pinned.hash)
    }

    @Test(arguments: seqs)
    func theSignatureCoversTheDomainLineAndTheCanonicalBody(seq: Int) throws {
        let pinned = GoldenLedger.pinned[seq]
        let object = try CanonicalJSON.parse(Array(pinned.bytes.utf8))
        let bodyBytes = CanonicalJSON.encode(try #require(object[path: ["body"]]))
        let message = Array("mutual-aid-ledger:v1:entry".utf8) + [0x0a] + bodyBytes
        let signature = try #require(Base64.decode(pinned.signature))
        #expect(signature.count == 64)
        let raw = try #require(Base64.decode(GoldenLedger.pinnedKeys.first { $0.name == GoldenLedger.signers[seq] }!.publicKey))
        let key = try Ed25519.PublicKey(rawRepresentation: raw)
        #expect(key.isValidSignature(signature, for: message))
        // Without the domain line the same signature is worthless.
        #expect(!key.isValidSignature(signature, for: bodyBytes))
        #expect(GoldenLedger.body(seq, links: GoldenEntryTests.pinnedLinks).signedMessage == message)
    }

    @Test(arguments: GoldenLedger.pinnedKeys.map(\.name))
    func aKeyIDIsHexOfTheFirstEightBytesOfSHA256OfTheRawPublicKey(name: String) throws {
        let pinned = try #require(GoldenLedger.pinnedKeys.first { $0.name == name })
        let key = TestKeys.key(name)
        let raw = key.publicKey.rawRepresentation
        #expect(Base64.encode(raw) == pinned.publicKey)
        #expect(Hex.encode(SHA256.hash(raw).bytes.prefix(8)) == pinned.id)
        #expect(Rules.keyID(publicKey: raw) == pinned.id)
        #expect(TestKeys.id(key) == pinned.id)
        #expect(pinned.id.utf8.count == 16)
    }

    @Test func theGoldenLedgerVerifiesWithThePinnedFigures() throws {
        let lines = GoldenLedger.pinned.map { Array($0.bytes.utf8) }
        let summary = try #require(TestLedger.verify(lines, genesis: EntryHash(hex: GoldenLedger.pinned[0].hash)).summary)
        #expect(summary.entries == GoldenLedger.count)
        #expect(summary.head.hex == GoldenLedger.pinned.last!.hash)
        #expect(summary.society == "石门村党群互助社")
        let general: Fen = 500_000 + 4_800 - 100_000
        let inKind: Fen = 30_000
        let household: Fen = 96_000 - 4_800 + 100_000
        let closed: Fen = 0
        #expect(summary.funds["general"] == general)
        #expect(summary.inKind["general"] == inKind)
        #expect(summary.members["H001"] == household)
        #expect(summary.members["H002"] == closed)
        // The expense, reversal, key.add, key.revoke, policy.set and fund.add wait for approval.
        #expect(summary.pending == [10, 11, 12, 13, 14, 15])
    }
}
