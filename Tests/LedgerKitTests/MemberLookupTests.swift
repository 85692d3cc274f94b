import LedgerCore
import LedgerKit
import LedgerTesting
import Testing

/// A household is found by what people type: its id in any case or with other leading zeros, or its name — when
/// that names one household only. Anything else is left as typed, for the caller to report unknown.
@Suite struct MemberLookupTests {
    @Test func idsAreForgivenTheirCaseAndLeadingZerosAndNamesFindTheirHousehold() throws {
        var ledger = try StoredLedger.society()
        let state = try ledger.store.state()
        for typed in ["H001", "h001", "H01", "h1", " H001", "黄大伯"] {
            #expect(try MemberName.resolve(typed, in: state) == "H001", "\(typed)")
        }
        #expect(try MemberName.resolve("李阿婆", in: state) == "H002")
        for typed in ["H003", "X001", "H0011", "黄", ""] {
            #expect(try MemberName.resolve(typed, in: state) == typed, "\(typed)")
        }
        // Two households whose ids differ only in zeros: neither loose spelling is guessed.
        try ledger.append(.memberAdd(MemberAdd(member: "H01", name: "黄小妹")), by: TestKeys.committee1)
        let both = try ledger.store.state()
        #expect(try MemberName.resolve("h1", in: both) == "h1")
        #expect(try MemberName.resolve("H01", in: both) == "H01" && (try MemberName.resolve("H001", in: both)) == "H001")
    }
}
