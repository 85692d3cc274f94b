import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Runs `body` and returns the ledger error it throws, or `nil` when it does not throw.
func ledgerError(_ body: () throws(LedgerError) -> Void) -> LedgerError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

extension TestLedger {
    /// Appends `payload` signed by `key`, expecting the rules to refuse it with `code` at the next seq and to
    /// leave the state exactly as it was.
    mutating func expectRefusal(
        _ code: LedgerError.Code, _ payload: Payload, by key: Ed25519.PrivateKey, memo: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = state
        do {
            let entry = try append(payload, by: key, memo: memo)
            Issue.record("expected \(code), but entry \(entry.seq) (\(entry.kind.rawValue)) was accepted",
                sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.seq == before.count, "\(error)", sourceLocation: sourceLocation)
        }
        #expect(state == before, "a refused entry changed the state", sourceLocation: sourceLocation)
    }

    /// Appends an already-signed (possibly forged) entry, expecting refusal with `code` and no change of state.
    mutating func expectRefusal(
        _ code: LedgerError.Code, entry: Entry, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = state
        do {
            try append(entry)
            Issue.record("expected \(code), but entry \(entry.seq) (\(entry.kind.rawValue)) was accepted",
                sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            // Named at the position it was offered at, even when it claims another seq.
            #expect(error.seq == before.count, "\(error)", sourceLocation: sourceLocation)
        }
        #expect(state == before, "a refused entry changed the state", sourceLocation: sourceLocation)
    }

    /// The body the next entry would have, signed by `key`: for forging entries the store would refuse.
    func nextBody(_ payload: Payload, by key: Ed25519.PrivateKey, memo: String? = nil) -> Body {
        Body(seq: state.count, prev: state.head, time: now, author: TestKeys.id(key), memo: memo, payload: payload)
    }

    /// The seq of the last entry appended.
    var lastSeq: Int { state.count - 1 }

    /// Cash held by `fund`, in fen.
    func cash(_ fund: FundID) -> Fen? { state.funds[fund]?.cash }

    /// Money held for `member`, in fen.
    func balance(_ member: MemberID) -> Fen? { state.members[member]?.balance }

    /// Records that the whole ledger still verifies from its bytes, with no failure.
    func expectValid(sourceLocation: SourceLocation = #_sourceLocation) {
        if case .invalid(let error) = verify() {
            Issue.record("the ledger no longer verifies: \(error)", sourceLocation: sourceLocation)
        }
    }
}

extension VerificationResult {
    /// The error of an invalid result, `nil` for a valid one.
    var error: LedgerError? {
        if case .invalid(let error) = self { return error }
        return nil
    }

    /// The summary of a valid result, `nil` for an invalid one.
    var summary: VerificationSummary? {
        if case .valid(let summary) = self { return summary }
        return nil
    }
}
