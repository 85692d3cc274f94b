import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// The canonical encoding of docs/FORMAT.md section 2: exactly one spelling per value, and nothing else accepted.
@Suite struct CanonicalJSONTests {
    @Test(arguments: NonCanonicalInput.all)
    func nonCanonicalInputIsRefused(input: NonCanonicalInput) {
        #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(input.bytes) }
    }

    @Test(arguments: Array(0x00...0x1f) + [0x7f])
    func everyRawControlCharacterInAStringIsRefused(byte: UInt8) {
        let bytes = Array(#"{"a":"x"#.utf8) + [byte] + Array(#"y"}"#.utf8)
        #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(bytes) }
        #expect(!CanonicalJSON.isAllowedText("x" + String(UnicodeScalar(byte)) + "y"))
    }

    /// A canonical document with strings that hold what looks like whitespace and structure.
    static let sample = Array(#"{"a":[1,-2,{"b":"x y "}],"c":true,"d":{},"e":[],"f":"{ \"q\" : [ ] }"}"#.utf8)

    /// The offsets of `sample` that lie outside strings, where no whitespace may go.
    static var offsetsOutsideStrings: [Int] {
        var offsets: [Int] = []
        var inString = false
        var escaped = false
        for (offset, byte) in sample.enumerated() {
            if !inString { offsets.append(offset) }
            if escaped {
                escaped = false
            } else if inString, byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString.toggle()
            }
        }
        offsets.append(sample.count)
        return offsets
    }

    @Test func theWhitespaceSampleIsCanonical() throws {
        #expect(CanonicalJSON.encode(try CanonicalJSON.parse(CanonicalJSONTests.sample)) == CanonicalJSONTests.sample)
        #expect(CanonicalJSONTests.offsetsOutsideStrings.count > 30)
    }

    @Test(arguments: [UInt8(ascii: " "), 0x0a, 0x09, 0x0d])
    func whitespaceAnywhereOutsideAStringIsRefused(whitespace: UInt8) {
        for offset in CanonicalJSONTests.offsetsOutsideStrings {
            var bytes = CanonicalJSONTests.sample
            bytes.insert(whitespace, at: offset)
            #expect(throws: CanonicalJSON.SyntaxError.self, "whitespace at byte \(offset)") {
                try CanonicalJSON.parse(bytes)
            }
        }
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = CanonicalJSON.maxDepth
        let arrays = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        #expect(try CanonicalJSON.parse(arrays) != .array([]))
        let objects = Array((String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)).utf8)
        _ = try CanonicalJSON.parse(objects)
        let tooDeep = Array((String(repeating: #"{"a":"#, count: depth) + "{}" + String(repeating: "}", count: depth)).utf8)
        #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(tooDeep) }
    }

    @Test(arguments: ["[", #"{"a":"#])
    func tenThousandLevelsOfNestingAreRefusedQuicklyWithoutCrashing(opener: String) {
        let closer = opener == "[" ? "]" : "}"
        let inputs = [
            Array((String(repeating: opener, count: 10_000) + "1" + String(repeating: closer, count: 10_000)).utf8),
            Array(String(repeating: opener, count: 10_000).utf8),
        ]
        for input in inputs {
            let elapsed = ContinuousClock().measure {
                #expect(throws: CanonicalJSON.SyntaxError.self) { try CanonicalJSON.parse(input) }
                #expect(throws: LedgerError.self) { try Entry(bytes: input) }
            }
            #expect(elapsed < .seconds(1))
        }
    }

    @Test func integersAtTheLimitsAreAccepted() throws {
        let max = JSONValue.maxInteger
        #expect(max == 9_007_199_254_740_991)
        #expect(try CanonicalJSON.parse(Array("9007199254740991".utf8)) == .integer(max))
        #expect(try CanonicalJSON.parse(Array("-9007199254740991".utf8)) == .integer(-max))
        #expect(try CanonicalJSON.parse(Array("0".utf8)) == .integer(0))
    }

    /// Python: json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for the value below gave these
    /// bytes (hex, so that no character in them is invisible), run once with Python 3.11 and pasted here.
    static let pythonSample = """
        7b2261223a7b7d2c2262223a5b5d2c226c697374223a5b312c22c3a9222c5b22e5b58ce5a597225d2c305d2c226e223a2d3930303731393932\
        35343734303939312c226e616d65223a22e9bb84e5a4a7e4bcaf205c22e88081e9bb845c22222c226e6f223a66616c73652c226f6b223a7472\
        75652c2270617468223a22433a5c5ce5869ce688b75c5c48303031222c2275223a22e280a8222c227a2e6b65795f31223a22656d6f6a6920f0\
        9f8d8a20e28891227d
        """

    @Test func encodingMatchesPythonForChineseQuotesAndBackslashes() throws {
        let value: JSONValue = [
            "name": #"黄大伯 "老黄""#, "path": #"C:\农户\H001"#, "n": .integer(-9_007_199_254_740_991), "ok": true, "no": false,
            "list": [1, "é", ["嵌套"], 0], "z.key_1": "emoji 🍊 ∑", "a": [:], "b": [], "u": "\u{2028}",
        ]
        let expected = try #require(Hex.decode(CanonicalJSONTests.pythonSample))
        #expect(CanonicalJSON.encode(value) == expected)
        #expect(try CanonicalJSON.parse(expected) == value)
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #""""#, #"0"#, #"-1"#, #"true"#, #"false"#, #"{"a":"\"\\"}"#,
        #"{"a.b":[{"c_d":"中文 与 空格"}],"b":-9007199254740991,"c":9007199254740991}"#,
    ])
    func canonicalBytesRoundTrip(text: String) throws {
        let bytes = Array(text.utf8)
        let value = try CanonicalJSON.parse(bytes)
        #expect(CanonicalJSON.encode(value) == bytes)
        #expect(try CanonicalJSON.parse(CanonicalJSON.encode(value)) == value)
    }

    @Test func encodeSortsKeysBytewiseAndEscapesOnlyQuoteAndBackslash() {
        let value: JSONValue = ["b": 1, "a_": 2, "a.": 3, "a": 4, "1": #"say "hi" \ 再见"#]
        #expect(String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
            == #"{"1":"say \"hi\" \\ 再见","a":4,"a.":3,"a_":2,"b":1}"#)
    }

    @Test(arguments: ["\u{0}", "a\nb", "tab\there", "del\u{7f}", "\u{1f}"])
    func entrySigningRefusesControlCharactersInText(bad: String) throws {
        let body = Body(seq: 1, prev: .zero, time: Timestamp("2026-01-01T00:00:00Z")!, author: "0000000000000000",
            payload: .memberAdd(MemberAdd(member: "H001", name: bad)))
        let error = ledgerError { () throws(LedgerError) in _ = try Entry.sign(body, with: TestKeys.committee1) }
        #expect(error?.code == .badShape)
    }

    /// Non-canonical spellings of golden entry 1 (a member.add with Chinese text, quotes and a backslash in its memo).
    static let nonCanonicalEntries: [NonCanonicalInput] = {
        let entry = GoldenLedger.pinned[1].bytes
        func edit(_ name: String, _ of: String, _ with: String) -> NonCanonicalInput {
            precondition(entry.contains(of), "golden entry 1 has no \(of)")
            return NonCanonicalInput(name, entry.replacingOccurrences(of: of, with: with))
        }
        return [
            edit("space after the first brace", #"{"body""#, #"{ "body""#),
            edit("space after a colon", #""seq":1"#, #""seq": 1"#),
            edit("newline between fields", #","sig""#, "\n,\"sig\""),
            edit("escaped Chinese", "黄大伯", #"\u9ec4\u5927\u4f2f"#),
            edit("fraction seq", #""seq":1,"#, #""seq":1.0,"#),
            edit("leading zero v", #""v":1}"#, #""v":01}"#),
            edit("exponent seq", #""seq":1,"#, #""seq":1e0,"#),
            edit("escaped solidus in prev", #""prev":""#, #""prev":"\/"#),
            edit("null memo", #""memo":"#, #""a":null,"memo":"#),
            NonCanonicalInput("body after sig", {
                let value = try! CanonicalJSON.parse(Array(entry.utf8))
                let body = String(decoding: CanonicalJSON.encode(value[path: ["body"]]!), as: UTF8.self)
                let sig = String(decoding: CanonicalJSON.encode(value[path: ["sig"]]!), as: UTF8.self)
                return #"{"sig":"# + sig + #","body":"# + body + "}"
            }()),
            NonCanonicalInput("trailing newline", entry + "\n"),
            NonCanonicalInput("CRLF line end", entry + "\r\n"),
            NonCanonicalInput("byte order mark", bytes: [0xef, 0xbb, 0xbf] + Array(entry.utf8)),
            NonCanonicalInput("torn in half", bytes: Array(Array(entry.utf8).prefix(entry.utf8.count / 2))),
        ]
    }()

    @Test func theUneditedGoldenEntryIsCanonical() throws {
        _ = try Entry(bytes: Array(GoldenLedger.pinned[1].bytes.utf8))
    }

    @Test(arguments: nonCanonicalEntries)
    func anEntryThatIsNotCanonicalIsRefusedAsNonCanonical(input: NonCanonicalInput) {
        let error = ledgerError { () throws(LedgerError) in _ = try Entry(bytes: input.bytes) }
        #expect(error?.code == .nonCanonical)
    }

    @Test func anEntryLargerThanTheLimitIsRefusedBeforeParsing() {
        let bytes = Array(#"{"a":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: Entry.maxBytes) + Array(#""}"#.utf8)
        let error = ledgerError { () throws(LedgerError) in _ = try Entry(bytes: bytes) }
        #expect(error?.code == .nonCanonical)
    }
}

