import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// docs/FORMAT.md section 5, "Text in new entries": a new entry may not hold control, direction or invisible format
/// characters in any text, and says which field; a verifier still accepts them in entries format v1 allowed.
@Suite struct TextSafetyTests {
    /// One of each family: C1 controls, direction embeddings, overrides and isolates, marks, zero-width and other
    /// format characters, line and paragraph separators.
    static let refused: [Unicode.Scalar] = [
        "\u{0080}", "\u{009B}", "\u{009D}", "\u{009F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{200B}", "\u{200C}", "\u{200D}",
        "\u{2060}", "\u{2064}", "\u{FEFF}", "\u{00AD}", "\u{180E}", "\u{E0041}", "\u{2028}", "\u{2029}",
    ]

    @Test(arguments: refused)
    func aDonorNameHoldingTheCharacterIsRefusedNamingTheField(_ scalar: Unicode.Scalar) throws {
        var ledger = try TestLedger.withMembers()
        let error = try #require(ledgerError { () throws(LedgerError) in
            _ = try ledger.append(.donation(Donation(donor: "爱心\(Character(scalar))企业", amount: 100)), by: TestKeys.committee2)
        })
        #expect(error.code == .deceptiveText)
        #expect(error.message.english.contains("\"data.donor\"") && error.message.english.contains(TextSafety.codePoint(scalar)))
        #expect(error.message.chinese.contains("data.donor"))
        #expect(ledger.state.count == 5)
    }

    @Test func everyTextFieldIsCheckedMemoAndNestedOnesIncluded() throws {
        var ledger = try TestLedger.withMembers()
        let cases: [(Payload, String?, String)] = [
            (.donation(Donation(donor: "爱心企业", amount: 100)), "备注\u{202E}", "memo"),
            (.memberUpdate(MemberUpdate(member: "H001", name: "黄\u{2067}大伯")), nil, "data.name"),
            (.fundAdd(FundAdd(fund: FundDescriptor(id: "edu", name: "助学\u{200B}基金"))), nil, "data.fund.name"),
            (.grant(Grant(member: "H001", amount: 100, purpose: "医疗\u{009B}救助")), nil, "data.purpose"),
        ]
        for (payload, memo, field) in cases {
            let error = ledgerError { () throws(LedgerError) in _ = try ledger.append(payload, by: TestKeys.committee1, memo: memo) }
            #expect(error?.code == .deceptiveText, "\(field)")
            #expect(error?.message.english.contains("\"\(field)\"") == true, "\(error.map(String.init(describing:)) ?? "accepted")")
        }
    }

    @Test func ordinaryChineseAndEnglishTextPasses() throws {
        var ledger = try TestLedger.withMembers()
        try ledger.append(.donation(Donation(donor: "爱心企业（广州）· Li & Co. — 第2批 ¥/斤", amount: 100)), by: TestKeys.committee2,
            memo: "荔枝、黄皮，番薯……「早市」😀")
        ledger.expectValid()
    }

    /// Format v1 allowed these characters; an entry signed before the rule stays valid.
    @Test func aVerifierStillAcceptsAnExistingEntryHoldingThem() throws {
        let ledger = try TestLedger.withMembers()
        var chain = HandSignedChain(lines: ledger.bytes, time: ledger.now)
        try chain.append(.donation(Donation(donor: "\u{202E}业企心爱", amount: 100)), by: TestKeys.committee2)
        guard case .valid(let summary) = TestLedger.verify(chain.lines) else {
            Issue.record("an entry format v1 allows no longer verifies")
            return
        }
        #expect(summary.entries == 6)
    }

    @Test func fieldsAreNamedByTheirPath() {
        let body = Body(seq: 1, prev: .zero, time: Timestamp("2026-01-01T08:00:00Z")!, author: "0123456789abcdef", memo: "m",
            payload: .donation(Donation(donor: "d", amount: 1, item: "i", quantity: "1", unit: "斤")))
        let fields = Dictionary(uniqueKeysWithValues: body.namedTextFields.map { ($0.field, $0.text) })
        #expect(fields["memo"] == "m" && fields["data.donor"] == "d" && fields["data.item"] == "i" && fields["data.unit"] == "斤")
        #expect(fields["kind"] == "donation")
    }
}
