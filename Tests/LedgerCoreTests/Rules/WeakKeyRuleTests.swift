import LedgerCore
import LedgerCrypto
import LedgerTesting
import Testing

/// Section 6 (key object): a genesis or `key.add` may not bring in a public key that is non-canonical, off the curve
/// or of small order (`weak_key`), whether it is being appended or already sits in a ledger being verified.
@Suite struct WeakKeyRuleTests {
    /// Every refused encoding of the crypto layer's tests: the eight small-order points, six non-canonical
    /// spellings of them, and three y values off the curve.
    static let weakKeys: [String] = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "0100000000000000000000000000000000000000000000000000000000000080",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "0200000000000000000000000000000000000000000000000000000000000000",
        "0700000000000000000000000000000000000000000000000000000000000000",
        "0800000000000000000000000000000000000000000000000000000000000080",
    ]

    /// The identity point: with it, (R, S) = (identity, 0) is a valid signature of every message.
    static let identity = Hex.decode(weakKeys[0])!

    @Test(arguments: weakKeys)
    func keyAddOfAWeakKeyIsRefused(_ hex: String) throws {
        var ledger = try TestLedger.withMembers()
        let descriptor = KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: try #require(Hex.decode(hex)))
        ledger.expectRefusal(.weakKey, .keyAdd(KeyAdd(key: descriptor)), by: TestKeys.committee1)
    }

    @Test(arguments: weakKeys)
    func aGenesisListingAWeakKeyIsRefused(_ hex: String) throws {
        var ledger = TestLedger.empty()
        let genesis = Genesis(
            society: "测试互助社", ledger: "0123456789abcdef0123456789abcdef",
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")],
            keys: [
                TestKeys.descriptor(TestKeys.committee1, .committee, "陈"),
                KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: try #require(Hex.decode(hex))),
            ],
            policy: Policy())
        ledger.expectRefusal(.weakKey, .genesis(genesis), by: TestKeys.committee1)
    }

    @Test func theRefusalNamesTheFieldInBothLanguages() throws {
        var ledger = try TestLedger.withMembers()
        let descriptor = KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: Self.identity)
        let error = try #require(ledgerError { () throws(LedgerError) in
            _ = try ledger.append(.keyAdd(KeyAdd(key: descriptor)), by: TestKeys.committee1)
        })
        #expect(error.code == .weakKey)
        #expect(error.message.english.contains("data.key.pub"))
        #expect(error.message.english.contains("small order"))
        #expect(error.message.chinese.contains("小阶密钥"))
    }

    /// The attack the rule stops: a committee member proposes the identity point as an oversight key, governance
    /// approves it, and from then on anyone can "approve" money going out with a signature no private key made.
    /// Without the rule this chain verifies; with it, verification stops at the `key.add`.
    @Test func aLedgerHoldingAWeakKeyFailsVerifyAtTheEntryThatBroughtItIn() throws {
        var ledger = try TestLedger.withMembers()
        let grant = try ledger.grant(300_000)
        var chain = HandSignedChain(lines: ledger.bytes, time: ledger.now)
        let weak = KeyDescriptor(role: .oversight, holder: "冒名者", publicKey: Self.identity)
        let keyAdd = try chain.append(.keyAdd(KeyAdd(key: weak)), by: TestKeys.committee1)
        try chain.append(.approve(Approve(target: keyAdd, hash: chain.hash(keyAdd))), by: TestKeys.committee2)
        try chain.append(.approve(Approve(target: keyAdd, hash: chain.hash(keyAdd))), by: TestKeys.oversight1)
        let forged = [1] + [UInt8](repeating: 0, count: 63)
        chain.append(.approve(Approve(target: grant, hash: chain.hash(grant))), author: weak.id, signature: forged)

        let error = try #require(TestLedger.verify(chain.lines).error, "a ledger with a small-order key verified")
        #expect(error.code == .weakKey)
        #expect(error.seq == keyAdd)
        #expect(error.kind == "key.add")
    }
}
