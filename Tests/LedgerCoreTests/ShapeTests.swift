import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Shape rules (docs/FORMAT.md sections 2–6, section 9 step 1): each case edits one field of a golden entry, re-encodes it
/// canonically, and `Entry(bytes:)` must refuse it with `bad_shape` — or, for the boundary cases, accept it.
@Suite struct ShapeTests {
    @Test(arguments: ShapeCases.envelope + ShapeCases.body)
    func aBadEnvelopeOrBodyIsBadShape(shape: ShapeCase) throws {
        let error = ledgerError { () throws(LedgerError) in _ = try Entry(bytes: try! shape.bytes()) }
        #expect(error?.code == .badShape, "\(String(describing: error))")
    }

    @Test(arguments: ShapeCases.people + ShapeCases.money + ShapeCases.oversight + ShapeCases.governance)
    func badDataIsBadShapeAtTheEntry(shape: ShapeCase) throws {
        let error = ledgerError { () throws(LedgerError) in _ = try Entry(bytes: try! shape.bytes()) }
        #expect(error?.code == .badShape, "\(String(describing: error))")
        // The entry's place and kind are still named, so a person can find it.
        #expect(error?.seq == shape.base)
        #expect(error?.kind == GoldenLedger.names[shape.base].split(separator: " ").first.map(String.init))
    }

    @Test(arguments: ShapeCases.accepted)
    func valuesAtTheLimitsAreAccepted(shape: ShapeCase) throws {
        let entry = try Entry(bytes: try shape.bytes())
        #expect(entry.bytes == (try shape.bytes()))
        #expect(entry.kind.rawValue == GoldenLedger.names[shape.base].split(separator: " ").first.map(String.init))
    }

    @Test(arguments: [1, 3, 70, 200])
    func theFirstExtraFieldByNameIsTheOneReported(extras: Int) throws {
        // A donation with `extras` unknown data fields: the reader tracks the fields it read by position, with
        // a separate record past 64, and must still name the alphabetically first unread one.
        var bytes = Array(GoldenLedger.pinned[3].bytes.utf8)
        for index in 0..<extras { bytes = try editedEntry(bytes, ["body", "data", String(format: "x%03d", index)], to: "x") }
        bytes = try editedEntry(bytes, ["body", "data", "witness"], to: "x")
        let error = ledgerError { () throws(LedgerError) in _ = try Entry(bytes: bytes) }
        #expect(error?.code == .badShape)
        #expect(error?.message.english.contains("\"data.witness\"") == true, "\(String(describing: error))")
    }

    @Test func theUneditedGoldenEntriesHaveTheirShape() throws {
        for pinned in GoldenLedger.pinned { _ = try Entry(bytes: Array(pinned.bytes.utf8)) }
    }

    @Test func signingAPolicyWithBothGovernanceCountsZeroIsRefused() throws {
        let zero = Policy(governanceCommittee: 0, governanceOversight: 0, moneyApprovals: 1)
        let body = Body(seq: 14, prev: .zero, time: Timestamp("2026-03-01T09:14:00Z")!,
            author: TestKeys.id(TestKeys.committee2), payload: .policySet(PolicySet(policy: zero)))
        let error = ledgerError { () throws(LedgerError) in _ = try Entry.sign(body, with: TestKeys.committee2) }
        #expect(error?.code == .badShape)
    }
}

/// The tables of shape cases, by area.
enum ShapeCases {
    typealias Edit = ShapeCase.Edit

    static let envelope: [ShapeCase] = [
        ShapeCase("sig missing", 3, .entry("sig", to: nil)),
        ShapeCase("body missing", 3, .entry("body", to: nil)),
        ShapeCase("unknown top-level field", 3, .entry("witness", to: "x")),
        ShapeCase("body is a string", 3, .entry("body", to: "{}")),
        ShapeCase("sig of 63 bytes", 3, .entry("sig", to: .string(Base64.encode(SignatureText.bytes.prefix(63))))),
        ShapeCase("sig of 65 bytes", 3, .entry("sig", to: .string(Base64.encode(SignatureText.bytes + [0])))),
        ShapeCase("sig empty", 3, .entry("sig", to: "")),
        ShapeCase("sig without padding", 3, .entry("sig", to: .string(String(SignatureText.golden.dropLast(2))))),
        ShapeCase("sig with non-zero padding bits", 3, .entry("sig", to: .string(SignatureText.nonZeroPaddingBits))),
        ShapeCase("sig in base64url", 3, .entry("sig", to: .string(
            SignatureText.golden.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")))),
        ShapeCase("sig in hex", 3, .entry("sig", to: .string(Hex.encode(SignatureText.bytes)))),
        ShapeCase("sig as a number", 3, .entry("sig", to: 1)),
    ]

    static let badTimes = [
        "2026-02-30T00:00:00Z", "2026-03-01T09:03:00+08:00", "2026-03-01T09:03:00+00:00", "2026-03-01T09:03:00.5Z",
        "2026-03-01T09:03:00.000Z", "2026-03-01 09:03:00Z", "2026-03-01t09:03:00Z", "2026-03-01T09:03:00z",
        "2026-03-01T09:03:00", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-03-00T00:00:00Z",
        "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z", "2026-03-01T09:03:60Z", "2100-02-29T00:00:00Z",
        "26-03-01T09:03:00Z", "2026-3-1T9:3:0Z", "", "1772355780",
    ]

    static let body: [ShapeCase] = [
        ShapeCase("v 2", 3, .body("v", to: 2)),
        ShapeCase("v 0", 3, .body("v", to: 0)),
        ShapeCase("v missing", 3, .body("v", to: nil)),
        ShapeCase("v as a string", 3, .body("v", to: "1")),
        ShapeCase("seq -1", 3, .body("seq", to: -1)),
        ShapeCase("seq missing", 3, .body("seq", to: nil)),
        ShapeCase("seq as a string", 3, .body("seq", to: "3")),
        ShapeCase("prev uppercase", 3, .body("prev", to: .string(GoldenLedger.pinned[2].hash.uppercased()))),
        ShapeCase("prev of 63 characters", 3, .body("prev", to: .string(String(GoldenLedger.pinned[2].hash.dropLast())))),
        ShapeCase("prev missing", 3, .body("prev", to: nil)),
        ShapeCase("author uppercase", 3, .body("author", to: .string(TestKeys.id(TestKeys.committee1).uppercased()))),
        ShapeCase("author of 15 characters", 3, .body("author", to: .string(String(TestKeys.id(TestKeys.committee1).dropLast())))),
        ShapeCase("author of 17 characters", 3, .body("author", to: .string(TestKeys.id(TestKeys.committee1) + "0"))),
        ShapeCase("author not hex", 3, .body("author", to: "189fd144ed46dadz")),
        ShapeCase("author missing", 3, .body("author", to: nil)),
        ShapeCase("unknown kind", 3, .body("kind", to: "gift")),
        ShapeCase("kind in capitals", 3, .body("kind", to: "DONATION")),
        ShapeCase("kind missing", 3, .body("kind", to: nil)),
        ShapeCase("data missing", 3, .body("data", to: nil)),
        ShapeCase("data is a list", 3, .body("data", to: [])),
        ShapeCase("kind does not match the data", 3, .body("kind", to: "grant")),
        ShapeCase("unknown body field", 3, .body("witness", to: "x")),
        ShapeCase("memo of 501 characters", 3, .body("memo", to: .string(TooLong.memo))),
        ShapeCase("memo empty", 3, .body("memo", to: "")),
        ShapeCase("memo a number", 3, .body("memo", to: 1)),
        ShapeCase("time missing", 3, .body("time", to: nil)),
    ] + badTimes.map { ShapeCase("time \"\($0)\"", 3, .body("time", to: .string($0))) }

    static let badMemberIDs = ["H 001", "", String(repeating: "H", count: 33), "黄", "H_1", "H.1", "H/1"]

    static let people: [ShapeCase] = [
        ShapeCase("member missing", 1, .data("member", to: nil)),
        ShapeCase("name missing", 1, .data("name", to: nil)),
        ShapeCase("unknown field", 1, .data("phone", to: "13800000000")),
        ShapeCase("name a number", 1, .data("name", to: 1)),
        ShapeCase("name a list", 1, .data("name", to: ["黄大伯"])),
        ShapeCase("name empty", 1, .data("name", to: "")),
        ShapeCase("name of 101 characters", 1, .data("name", to: .string(TooLong.name))),
        ShapeCase("note empty", 1, .data("note", to: "")),
        ShapeCase("note of 101 characters", 1, .data("note", to: .string(TooLong.name))),
        ShapeCase("neither name nor note", 2, .data("note", to: nil)),
        ShapeCase("update with an unknown field", 2, .data("reason", to: "x")),
        ShapeCase("close without reason", 17, .data("reason", to: nil)),
        ShapeCase("close with empty reason", 17, .data("reason", to: "")),
    ] + badMemberIDs.map { ShapeCase("member id \"\($0)\"", 1, .data("member", to: .string($0))) }

    static let badAmounts: [JSONValue] = [0, -1, 1_000_000_000_001, .integer(JSONValue.maxInteger), "500000"]
    static let badQuantities = ["012", "1.2345", "-1", "abc", "0", "0.0", "", "1.", ".5", "1,000", " 1", "1.50", "1e3"]

    static let money: [ShapeCase] = [
        ShapeCase("amount missing", 3, .data("amount", to: nil)),
        ShapeCase("donor missing", 3, .data("donor", to: nil)),
        ShapeCase("fund missing", 3, .data("fund", to: nil)),
        ShapeCase("form missing", 3, .data("form", to: nil)),
        ShapeCase("form cheque", 3, .data("form", to: "cheque")),
        ShapeCase("fund id with capitals", 3, .data("fund", to: "General")),
        ShapeCase("fund id with underscore", 3, .data("fund", to: "gen_eral")),
        ShapeCase("fund id of 33 characters", 3, .data("fund", to: .string(String(repeating: "f", count: 33)))),
        ShapeCase("cash with an item", 3, .data("item", to: "大米")),
        ShapeCase("receipt empty", 3, .data("receipt", to: "")),
        ShapeCase("in_kind without item", 4, .data("item", to: nil)),
        ShapeCase("in_kind quantity without unit", 4, .data("unit", to: nil)),
        ShapeCase("in_kind quantity 012", 4, .data("quantity", to: "012")),
        ShapeCase("sale fee above the amount", 5, .data("fee", to: 96_001)),
        ShapeCase("sale fee negative", 5, .data("fee", to: -1)),
        ShapeCase("sale quantity missing", 5, .data("quantity", to: nil)),
        ShapeCase("sale quantity a number", 5, .data("quantity", to: 120)),
        ShapeCase("sale unit missing", 5, .data("unit", to: nil)),
        ShapeCase("sale product missing", 5, .data("product", to: nil)),
        ShapeCase("sale fee fund with capitals", 5, .data("fund", to: "General")),
        ShapeCase("sale member id with a space", 5, .data("member", to: "H 001")),
        ShapeCase("grant purpose missing", 6, .data("purpose", to: nil)),
        ShapeCase("grant fund missing", 6, .data("fund", to: nil)),
        ShapeCase("grant purpose of 101 characters", 6, .data("purpose", to: .string(TooLong.name))),
        ShapeCase("payout method wechat", 8, .data("method", to: "wechat")),
        ShapeCase("payout method missing", 8, .data("method", to: nil)),
        ShapeCase("expense payee missing", 10, .data("payee", to: nil)),
        ShapeCase("expense with a member", 10, .data("member", to: "H001")),
        ShapeCase("reversal target missing", 11, .data("target", to: nil)),
        ShapeCase("reversal target -1", 11, .data("target", to: -1)),
        ShapeCase("reversal reason missing", 11, .data("reason", to: nil)),
    ] + [3, 4, 5, 6, 8, 10].flatMap { seq in
        badAmounts.map { ShapeCase("amount \(CanonicalJSON.encode($0).map { Character(UnicodeScalar($0)) })", seq,
            .data("amount", to: $0)) }
    } + badQuantities.map { ShapeCase("sale quantity \"\($0)\"", 5, .data("quantity", to: .string($0))) }

    static let oversight: [ShapeCase] = [
        ShapeCase("approve hash uppercase", 7, .data("hash", to: .string(GoldenLedger.pinned[6].hash.uppercased()))),
        ShapeCase("approve hash of 63 characters", 7, .data("hash", to: .string(String(GoldenLedger.pinned[6].hash.dropLast())))),
        ShapeCase("approve hash missing", 7, .data("hash", to: nil)),
        ShapeCase("approve target a string", 7, .data("target", to: "6")),
        ShapeCase("approve target -1", 7, .data("target", to: -1)),
        ShapeCase("approve with a reason", 7, .data("reason", to: "同意")),
        ShapeCase("reject reason missing", 9, .data("reason", to: nil)),
        ShapeCase("reject reason empty", 9, .data("reason", to: "")),
        ShapeCase("checkpoint size 0", 18, .data("size", to: 0)),
        ShapeCase("checkpoint size missing", 18, .data("size", to: nil)),
        ShapeCase("checkpoint root not hex", 18, .data("root", to: .string(String(repeating: "z", count: 64)))),
        ShapeCase("checkpoint with a ledger field", 18, .data("ledger", to: "x")),
    ]

    /// The first key of the golden genesis, with `field` changed.
    static func genesisKeys(_ field: String, to value: JSONValue?) -> JSONValue {
        guard case .array(var keys)? = (try? CanonicalJSON.parse(Array(GoldenLedger.pinned[0].bytes.utf8)))?[path: ["body", "data", "keys"]]
        else { preconditionFailure("the golden genesis has keys") }
        keys[0] = keys[0].setting([field], to: value)
        return .array(keys)
    }

    static let otherPublicKey = JSONValue.string(Base64.encode(TestKeys.key("other").publicKey.rawRepresentation))

    static let governance: [ShapeCase] = [
        ShapeCase("society missing", 0, .data("society", to: nil)),
        ShapeCase("society empty", 0, .data("society", to: "")),
        ShapeCase("society of 101 characters", 0, .data("society", to: .string(TooLong.name))),
        ShapeCase("ledger id of 31 characters", 0, .data("ledger", to: "5f2d8c0a9b3e4f1a6c7d8e9f0a1b2c3")),
        ShapeCase("currency USD", 0, .data("currency", to: "USD")),
        ShapeCase("funds without general", 0, .data("funds", to: [["id": "medical", "name": "医疗救助金"]])),
        ShapeCase("a fund listed twice", 0, .data("funds", to: [["id": "general", "name": "a"], ["id": "general", "name": "b"]])),
        ShapeCase("no keys", 0, .data("keys", to: [])),
        ShapeCase("key id not of its pub", 0, .data("keys", to: genesisKeys("pub", to: otherPublicKey))),
        ShapeCase("key pub of 31 bytes", 0, .data("keys", to: genesisKeys("pub", to: .string(Base64.encode([UInt8](repeating: 7, count: 31)))))),
        ShapeCase("key role auditor", 0, .data("keys", to: genesisKeys("role", to: "auditor"))),
        ShapeCase("key holder missing", 0, .data("keys", to: genesisKeys("holder", to: nil))),
        ShapeCase("key with an extra field", 0, .data("keys", to: genesisKeys("phone", to: "138"))),
        ShapeCase("policy missing", 0, .data("policy", to: nil)),
        ShapeCase("policy with both governance counts 0", 0,
            .data("policy", "governance", to: ["committee": 0, "oversight": 0])),
        ShapeCase("policy with money_approvals 0", 0, .data("policy", "money_approvals", to: 0)),
        ShapeCase("key.add id not of its pub", 12, .data("key", "pub", to: otherPublicKey)),
        ShapeCase("key.add pub of 33 bytes", 12, .data("key", "pub", to: .string(Base64.encode([UInt8](repeating: 7, count: 33))))),
        ShapeCase("key.add role admin", 12, .data("key", "role", to: "admin")),
        ShapeCase("key.add holder empty", 12, .data("key", "holder", to: "")),
        ShapeCase("key.add id uppercase", 12, .data("key", "id", to: "99DB32A48BC045E5")),
        ShapeCase("key.revoke key id of 15 characters", 13, .data("key", to: "a8290443da902f0")),
        ShapeCase("key.revoke key id not hex", 13, .data("key", to: "a8290443da902fog")),
        ShapeCase("key.revoke reason missing", 13, .data("reason", to: nil)),
        ShapeCase("policy.set with both governance counts 0", 14,
            .data("policy", "governance", to: ["committee": 0, "oversight": 0])),
        ShapeCase("policy.set money_approvals 0", 14, .data("policy", "money_approvals", to: 0)),
        ShapeCase("policy.set governance committee -1", 14, .data("policy", "governance", "committee", to: -1)),
        ShapeCase("policy.set governance missing", 14, .data("policy", "governance", to: nil)),
        ShapeCase("policy.set unknown policy field", 14, .data("policy", "quorum", to: 3)),
        ShapeCase("fund.add id with capitals", 15, .data("fund", "id", to: "Education")),
        ShapeCase("fund.add id of 33 characters", 15, .data("fund", "id", to: .string(String(repeating: "e", count: 33)))),
        ShapeCase("fund.add name missing", 15, .data("fund", "name", to: nil)),
        ShapeCase("fund.add fund a string", 15, .data("fund", to: "education")),
    ]

    /// Values exactly at a limit, which must be accepted.
    static let accepted: [ShapeCase] = [
        ShapeCase("name of 100 characters", 1, .data("name", to: .string(TooLong.longestName))),
        ShapeCase("memo of 500 characters", 1, .body("memo", to: .string(TooLong.longestMemo))),
        ShapeCase("member id of 32 characters", 1, .data("member", to: .string(String(repeating: "H", count: 32)))),
        ShapeCase("member id with a hyphen and both cases", 1, .data("member", to: "a-B-9")),
        ShapeCase("amount 1 fen", 3, .data("amount", to: 1)),
        ShapeCase("amount 10^12 fen", 3, .data("amount", to: 1_000_000_000_000)),
        ShapeCase("fee equal to the amount", 5, .data("fee", to: 96_000)),
        ShapeCase("fee 0", 5, .data("fee", to: 0)),
        ShapeCase("no fee and no fund", 5, .data("fee", to: nil), .data("fund", to: nil)),
        ShapeCase("quantity 12.5", 5, .data("quantity", to: "12.5")),
        ShapeCase("quantity 0.25", 5, .data("quantity", to: "0.25")),
        ShapeCase("quantity 0.001", 5, .data("quantity", to: "0.001")),
        ShapeCase("leap day", 3, .body("time", to: "2028-02-29T23:59:59Z")),
        ShapeCase("fund id of 32 characters", 15, .data("fund", "id", to: .string(String(repeating: "e", count: 32)))),
        ShapeCase("governance needing only oversight", 14, .data("policy", "governance", to: ["committee": 0, "oversight": 1])),
        ShapeCase("in_kind without quantity and unit", 4, .data("quantity", to: nil), .data("unit", to: nil)),
    ]
}
