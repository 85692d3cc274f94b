import LedgerCore
import LedgerCrypto
import LedgerTesting

/// Keys beyond the five fixed ones, for tests that add keys.
enum ExtraKeys {
    /// A fourth committee key, not in any genesis.
    static let committee4 = TestKeys.key("committee-4")
    /// A third oversight key, not in any genesis.
    static let oversight3 = TestKeys.key("oversight-3")
    /// A key no ledger lists.
    static let stranger = TestKeys.key("stranger")
}

/// Amounts the fixture starts with, typed so comparisons with `Fen` values compile as intended.
enum Opening {
    static let general: Fen = 500_000
    static let medical: Fen = 200_000
}

extension TestLedger {
    /// A ledger (see `TestLedger.init`) with households H001 (黄大伯) and H002 (李阿婆), ¥5,000 of cash donations in
    /// `general` and ¥2,000 in `medical`.
    static func withMembers(policy: Policy = Policy()) throws -> TestLedger {
        var ledger = try TestLedger(policy: policy)
        try ledger.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1)
        try ledger.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1)
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: Opening.general, receipt: "R-001")), by: TestKeys.committee2)
        try ledger.append(.donation(Donation(donor: "县红十字会", amount: Opening.medical, fund: "medical")), by: TestKeys.committee2)
        return ledger
    }

    /// Records a grant from `fund` to `member` by committee1 and returns its seq; it stays pending.
    @discardableResult
    mutating func grant(_ amount: Fen, to member: MemberID = "H001", from fund: FundID = "general") throws -> Int {
        try append(.grant(Grant(member: member, amount: amount, fund: fund, purpose: "医疗救助")), by: TestKeys.committee1).seq
    }

    /// Records a sale for `member` by committee1 (no fee) and returns its seq.
    @discardableResult
    mutating func sale(_ amount: Fen, for member: MemberID = "H001") throws -> Int {
        try append(.sale(Sale(member: member, product: "黄皮", quantity: "100", unit: "斤", amount: amount)),
            by: TestKeys.committee1).seq
    }

    /// Records a payout to `member` by committee2 and returns its seq; it stays pending.
    @discardableResult
    mutating func payout(_ amount: Fen, to member: MemberID = "H001") throws -> Int {
        try append(.payout(Payout(member: member, amount: amount, method: .bank)), by: TestKeys.committee2).seq
    }

    /// Proposes `key` with `role` and `holder` (by committee1) and has committee2 and oversight1 approve it, which
    /// the default policy needs. Returns the seq of the `key.add`.
    @discardableResult
    mutating func addKey(_ key: Ed25519.PrivateKey, _ role: Role, holder: String) throws -> Int {
        let seq = try append(.keyAdd(KeyAdd(key: TestKeys.descriptor(key, role, holder))), by: TestKeys.committee1).seq
        try approve(seq, by: TestKeys.committee2)
        try approve(seq, by: TestKeys.oversight1)
        return seq
    }

    /// Revokes `key` (proposed by committee1, approved by committee2 and oversight1). Returns the seq of the revoke.
    @discardableResult
    mutating func revoke(_ key: Ed25519.PrivateKey) throws -> Int {
        let seq = try append(.keyRevoke(KeyRevoke(key: TestKeys.id(key), reason: "离任")), by: TestKeys.committee1).seq
        try approve(seq, by: TestKeys.committee2)
        try approve(seq, by: TestKeys.oversight1)
        return seq
    }

    /// The status of a key in the current state.
    func status(of key: Ed25519.PrivateKey) -> LedgerState.KeyRecord.Status? {
        state.keys[TestKeys.id(key)]?.status
    }
}
