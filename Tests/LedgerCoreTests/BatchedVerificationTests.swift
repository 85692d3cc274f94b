import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// `ChainVerifier` checks signatures on helper threads, chunk by chunk, while the rules run on the chunks already
/// checked. Whatever the batch and chunk boundaries, it must reach exactly the verdict a one-entry-at-a-time check
/// reaches, at the same entry.
@Suite struct BatchedVerificationTests {
    /// A ledger long enough for many chunks per batch: the sample's 41 entries, then donations by several keys.
    static let long: [[UInt8]] = {
        var ledger = try! SampleLedger().ledger
        let signers = [TestKeys.committee1, TestKeys.committee2, ExtraKeys.committee4]
        for index in 0..<1_200 {
            try! ledger.append(.donation(Donation(donor: "村民 \(index)", amount: Fen(100 + index))), by: signers[index % 3])
        }
        return ledger.bytes
    }()

    static func verify(_ lines: [[UInt8]], batchSize: Int) -> VerificationResult {
        TestLedger.verify(lines, batchSize: batchSize)
    }

    @Test(arguments: [1, 9, 256, 100_000])
    func aLongLedgerVerifiesTheSameWhateverTheBatchSize(batchSize: Int) throws {
        let lines = BatchedVerificationTests.long
        let reference = try #require(BatchedVerificationTests.verify(lines, batchSize: 1).summary)
        let summary = try #require(BatchedVerificationTests.verify(lines, batchSize: batchSize).summary)
        #expect(summary.entries == lines.count)
        #expect(summary.root == reference.root)
        #expect(summary.funds == reference.funds)
    }

    @Test(arguments: [3, 40, 700, 1_240])
    func aBadSignatureAnywhereInOneBigBatchIsFoundAtItsEntry(seq: Int) throws {
        var lines = BatchedVerificationTests.long
        // Change one base64 character of the signature, keeping it valid base64 of 64 bytes.
        let sigStart = lines[seq].count - 2 - 88 + 10
        lines[seq][sigStart] = lines[seq][sigStart] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        for batchSize in [lines.count, 500] {
            let error = try #require(BatchedVerificationTests.verify(lines, batchSize: batchSize).error)
            #expect(error.code == .badSignature, "batch size \(batchSize)")
            #expect(error.seq == seq, "batch size \(batchSize)")
        }
    }

    @Test func aLineThatDoesNotDecodeEarlyInABigBatchStopsVerificationThere() throws {
        var lines = BatchedVerificationTests.long
        lines[2] = Array("not an entry".utf8)
        var verifier = ChainVerifier()
        let failure = verifier.verify(batch: lines)
        let error = try #require(failure)
        #expect(error.code == .nonCanonical)
        #expect(error.seq == 2)
        #expect(verifier.verifiedCount == 2)
        // Later batches are ignored once an entry failed.
        #expect(verifier.verify(batch: Array(BatchedVerificationTests.long[2...]))?.seq == 2)
    }

    /// committee-4 is declared by the `key.add` at seq 32 and signs seq 35, so in one batch its signature is checked
    /// against the key the rules hold rather than one known before the batch. A forgery in its name must still fail.
    @Test func aKeyDeclaredInTheSameBatchStillHasItsSignaturesChecked() throws {
        let sample = try SampleLedger()
        var lines = sample.lines
        // Signed by committee-1, then committee-4's id put back as the author.
        let signedByAnother = try sample.resigned(35, by: TestKeys.committee1) { _ in }
        lines[35] = try editedEntry(signedByAnother, ["body", "author"], to: .string(TestKeys.id(ExtraKeys.committee4)))
        let error = try #require(TestLedger.verify(lines, batchSize: lines.count).error)
        #expect(error.code == .badSignature)
        #expect(error.seq == 35)
        #expect(TestLedger.verify(sample.lines, batchSize: sample.lines.count).summary?.entries == SampleLedger.count)
    }
}
