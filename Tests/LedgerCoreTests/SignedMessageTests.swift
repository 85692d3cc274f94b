import LedgerCore
import LedgerTesting
import Testing

/// The verifier cuts the signed message out of the entry bytes instead of encoding the body again; the two must
/// be the same bytes for every kind of entry.
@Suite struct SignedMessageTests {
    @Test func theMessageCutFromTheBytesIsTheEncodedBody() throws {
        let sample = try SampleLedger()
        #expect(sample.entries.count > 20)
        for entry in sample.entries {
            #expect(entry.signedMessage == entry.body.signedMessage, "entry \(entry.seq) (\(entry.kind))")
            #expect(entry.signedMessage.starts(with: Array("mutual-aid-ledger:v1:entry\n{\"author\":".utf8)))
        }
    }

    @Test func aMemoWithQuotesAndBackslashesDoesNotConfuseTheCut() throws {
        var ledger = try TestLedger()
        let entry = try ledger.append(.memberAdd(MemberAdd(member: "Q1", name: "引号\"与\\反斜杠")), by: TestKeys.committee1,
            memo: "\"sig\":\"}\\")
        #expect(entry.signedMessage == entry.body.signedMessage)
        guard case .valid = ledger.verify() else {
            Issue.record("the ledger should verify")
            return
        }
    }
}
