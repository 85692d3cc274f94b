import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 7: any change to the list of entry bytes of a realistic ledger is found, at the right entry, for the
/// right reason.
@Suite struct TamperTests {
    enum Tamper: String, CaseIterable, Sendable {
        case amountByteChanged, entryDeleted, entriesSwapped, entryDuplicated, lastLineTorn
        case amountChangedAndResignedByItsAuthor, resignedWithWrongPrev, signatureBitFlipped, signatureTruncated
        case signatureOfAnotherEntry, memoAdded, whitespaceInserted, keysReordered, blankLineInserted, carriageReturnAdded
        case signedByAnUnknownKey, approvalReplayedOntoAnotherEntry, checkpointRootAlteredAndResigned
        case timeMovedBackwardsAndResigned, seqChangedAndResigned, genesisSwapped, expenseResignedByAnOversightKey
        case approvalResignedByTheRecorder, historyRewrittenWithEveryKey, historyRewrittenToOverdrawAFund
    }

    /// The tampered lines and the failure a verifier must report.
    static func tampered(_ tamper: Tamper, _ sample: SampleLedger) throws -> (lines: [[UInt8]], seq: Int, code: LedgerError.Code) {
        typealias S = SampleLedger
        var lines = sample.lines
        switch tamper {
        case .amountByteChanged:
            let text = String(decoding: lines[S.generalDonation], as: UTF8.self)
            precondition(text.contains(#""amount":500000,"#))
            lines[S.generalDonation] = Array(text.replacingOccurrences(of: #""amount":500000,"#, with: #""amount":600000,"#).utf8)
            return (lines, S.generalDonation, .badSignature)
        case .entryDeleted:
            lines.remove(at: 8)
            return (lines, 8, .badSequence)  // the line there claims seq 9
        case .entriesSwapped:
            lines.swapAt(S.memberUpdate, S.memberUpdate + 1)
            return (lines, S.memberUpdate, .badSequence)  // the line there claims seq 22
        case .entryDuplicated:
            lines.insert(lines[S.memberUpdate], at: S.memberUpdate + 1)
            return (lines, S.memberUpdate + 1, .badSequence)  // the line there claims seq 21
        case .lastLineTorn:
            lines[S.count - 1] = Array(lines[S.count - 1].prefix(lines[S.count - 1].count / 2))
            return (lines, S.count - 1, .nonCanonical)
        case .amountChangedAndResignedByItsAuthor:
            lines[S.duplicateDonation] = try sample.resigned(S.duplicateDonation) { $0.payload = $0.payload.withAmount(99_900) }
            return (lines, S.duplicateDonation + 1, .badPrev)
        case .resignedWithWrongPrev:
            lines[S.honeySale] = try sample.resigned(S.honeySale) { $0.prev = sample.entries[S.honeySale - 2].hash }
            return (lines, S.honeySale, .badPrev)
        case .signatureBitFlipped:
            var signature = sample.entries[S.payout].signature
            signature[17] ^= 0x08
            lines[S.payout] = try editedEntry(lines[S.payout], ["sig"], to: .string(Base64.encode(signature)))
            return (lines, S.payout, .badSignature)
        case .signatureTruncated:
            let signature = sample.entries[S.payout].signature.dropLast()
            lines[S.payout] = try editedEntry(lines[S.payout], ["sig"], to: .string(Base64.encode(signature)))
            return (lines, S.payout, .badShape)
        case .signatureOfAnotherEntry:
            let other = Base64.encode(sample.entries[S.payout + 1].signature)
            lines[S.payout] = try editedEntry(lines[S.payout], ["sig"], to: .string(other))
            return (lines, S.payout, .badSignature)
        case .memoAdded:
            lines[S.sale] = try editedEntry(lines[S.sale], ["body", "memo"], to: "已收现金")
            return (lines, S.sale, .badSignature)
        case .whitespaceInserted:
            lines[S.grantFromMedical].insert(UInt8(ascii: " "), at: 1)
            return (lines, S.grantFromMedical, .nonCanonical)
        case .keysReordered:
            let value = try CanonicalJSON.parse(lines[S.grantFromMedical])
            let body = CanonicalJSON.encode(value[path: ["body"]]!), sig = CanonicalJSON.encode(value[path: ["sig"]]!)
            lines[S.grantFromMedical] = Array(#"{"sig":"#.utf8) + sig + Array(#","body":"#.utf8) + body + [UInt8(ascii: "}")]
            return (lines, S.grantFromMedical, .nonCanonical)
        case .blankLineInserted:
            lines.insert([], at: 25)
            return (lines, 25, .nonCanonical)
        case .carriageReturnAdded:
            lines[25].append(0x0d)
            return (lines, 25, .nonCanonical)
        case .signedByAnUnknownKey:
            lines[S.honeySale] = try sample.resigned(S.honeySale, by: ExtraKeys.stranger) { _ in }
            return (lines, S.honeySale, .unknownKey)
        case .approvalReplayedOntoAnotherEntry:
            // The approval of grant 28 (naming its hash) pointed at grant 29, which is pending at that point too.
            lines[S.approvalOfEducationGrant] = try sample.resigned(S.approvalOfEducationGrant) { body in
                guard case .approve(var approve) = body.payload else { preconditionFailure() }
                approve.target = S.generalGrant
                body.payload = .approve(approve)
            }
            return (lines, S.approvalOfEducationGrant, .hashMismatch)
        case .checkpointRootAlteredAndResigned:
            lines[S.checkpoint] = try sample.resigned(S.checkpoint) {
                $0.payload = .checkpoint(Checkpoint(size: S.checkpoint, root: sample.ledger.tree.root(size: S.checkpoint - 1)))
            }
            return (lines, S.checkpoint, .badCheckpoint)
        case .timeMovedBackwardsAndResigned:
            lines[S.honeySale] = try sample.resigned(S.honeySale) { $0.time = sample.entries[0].body.time }
            return (lines, S.honeySale, .timeBackwards)
        case .seqChangedAndResigned:
            lines[S.honeySale] = try sample.resigned(S.honeySale) { $0.seq += 1 }
            return (lines, S.honeySale, .badSequence)  // the line there claims seq 23
        case .genesisSwapped:
            lines[0] = try sample.resigned(0) { body in
                guard case .genesis(var genesis) = body.payload else { preconditionFailure() }
                genesis.society = "冒名互助社"
                body.payload = .genesis(genesis)
            }
            return (lines, 1, .badPrev)
        case .expenseResignedByAnOversightKey:
            lines[S.rejectedExpense] = try sample.resigned(S.rejectedExpense, by: TestKeys.oversight1) { _ in }
            return (lines, S.rejectedExpense, .wrongRole)
        case .approvalResignedByTheRecorder:
            // Grant 9 was recorded by committee1; its approval now claims committee1 approved it.
            lines[S.approvalOfGrantToH003] = try sample.resigned(S.approvalOfGrantToH003, by: TestKeys.committee1) { _ in }
            return (lines, S.approvalOfGrantToH003, .selfApproval)
        case .historyRewrittenWithEveryKey:
            // Every signature and link is right again; only the checkpoint at 20 remembers the old history.
            lines = try sample.rewritten(from: 5) { $0.payload = $0.payload.withAmount(200_001) }
            return (lines, S.checkpoint, .badCheckpoint)
        case .historyRewrittenToOverdrawAFund:
            lines = try sample.rewritten(from: S.grantFromMedical) { $0.payload = $0.payload.withAmount(5_000_000) }
            return (lines, S.approvalOfGrantFromMedical, .fundOverdraft)
        }
    }

    @Test func theUntamperedSampleIsValid() throws {
        let sample = try SampleLedger()
        let summary = try #require(TestLedger.verify(sample.lines).summary)
        #expect(summary.entries == SampleLedger.count)
        #expect(summary.pending.isEmpty)
        let general: Fen = 500_000 + 4_800 - 100_000 + 88_800 - 88_800 - 20_000 - 5_000 + 6_600
        #expect(summary.funds["general"] == general)
        #expect(summary.root == sample.ledger.tree.root)
        // Every batch size gives the same answer.
        for batchSize in [1, 2, 40, 100] {
            #expect(TestLedger.verify(sample.lines, batchSize: batchSize).summary == summary)
        }
    }

    @Test(arguments: Tamper.allCases)
    func aTamperedLedgerIsInvalidAtTheChangedEntry(tamper: Tamper) throws {
        let sample = try SampleLedger()
        let (lines, seq, code) = try TamperTests.tampered(tamper, sample)
        #expect(lines != sample.lines)
        for batchSize in [1, 7, 64] {
            let error = try #require(TestLedger.verify(lines, batchSize: batchSize).error, "batch size \(batchSize)")
            #expect(error.code == code, "\(error)")
            // For a deleted, swapped, duplicated or renumbered entry this is the position where the chain broke,
            // not the seq the line claims.
            #expect(error.seq == seq, "\(error)")
        }
    }

    /// docs/FORMAT.md section 14: a line that is not a well-formed entry "is an invalid entry at that position", whatever
    /// seq it claims.
    @Test func aMalformedLineIsReportedAtItsPositionNotAtTheSeqItClaims() throws {
        let sample = try SampleLedger()
        var lines = sample.lines
        // Grant 28 with amount 0 (bad shape), put in place of entry 25.
        lines[25] = try editedEntry(lines[SampleLedger.educationGrant], ["body", "data", "amount"], to: 0)
        let error = try #require(TestLedger.verify(lines).error)
        #expect(error.code == .badShape)
        #expect(error.seq == 25, "\(error)")
    }

    @Test func aSwappedGenesisIsCaughtAtSeq0WhenTheGenesisIsPinned() throws {
        let sample = try SampleLedger()
        let (lines, _, _) = try TamperTests.tampered(.genesisSwapped, sample)
        let error = TestLedger.verify(lines, genesis: sample.entries[0].hash).error
        #expect(error?.code == .genesisMismatch)
        #expect(error?.seq == 0)
    }

    @Test(arguments: [1, 2, 20, 36, 40])
    func aTruncatedListIsStillAValidLedger(size: Int) throws {
        let sample = try SampleLedger()
        let summary = try #require(TestLedger.verify(Array(sample.lines.prefix(size))).summary)
        #expect(summary.entries == size)
        #expect(summary.head == sample.entries[size - 1].hash)
        #expect(summary.root == sample.ledger.tree.root(size: size))
    }
}
