import LedgerCore
import LedgerCrypto
import LedgerTesting

/// A realistic ledger of 41 entries: households, cash and in-kind donations, sales with a fee, grants and payouts
/// with approvals, a rejection, a reversal, a new fund, a new key, a closed member and two checkpoints.
struct SampleLedger {
    private(set) var ledger: TestLedger

    // Seqs the tamper cases refer to.
    static let generalDonation = 4
    static let sale = 7
    static let grantToH003 = 9
    static let grantFromMedical = 10
    static let approvalOfGrantToH003 = 11
    static let approvalOfGrantFromMedical = 12
    static let payout = 13
    static let rejectedExpense = 15
    static let duplicateDonation = 17
    static let reversal = 18
    static let checkpoint = 20
    static let memberUpdate = 21
    static let honeySale = 22
    static let educationGrant = 28
    static let generalGrant = 29
    static let approvalOfEducationGrant = 30
    static let count = 41

    init() throws {
        var l = try TestLedger()
        let c1 = TestKeys.committee1, c2 = TestKeys.committee2, c3 = TestKeys.committee3
        let o1 = TestKeys.oversight1, o2 = TestKeys.oversight2
        try l.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯", note: "三组")), by: c1)
        try l.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: c1)
        try l.append(.memberAdd(MemberAdd(member: "H003", name: "王小明")), by: c2)
        try l.append(.donation(Donation(donor: "爱心企业", amount: 500_000, receipt: "R-001")), by: c2)  // 4
        try l.append(.donation(Donation(donor: "县红十字会", amount: 200_000, fund: "medical", receipt: "R-002")), by: c1)
        try l.append(.donation(Donation(donor: "某超市", amount: 30_000, form: .inKind, item: "大米", quantity: "50", unit: "kg")), by: c1)
        try l.append(.sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: 96_000, buyer: "镇农贸市场",
            fee: 4_800)), by: c1)  // 7
        try l.append(.sale(Sale(member: "H002", product: "鸡蛋", quantity: "300", unit: "个", amount: 45_000)), by: c2)
        try l.append(.grant(Grant(member: "H003", amount: 100_000, purpose: "助学")), by: c1)  // 9
        try l.append(.grant(Grant(member: "H002", amount: 50_000, fund: "medical", purpose: "医疗救助")), by: c3)
        try l.approve(9, by: o1)  // 11
        try l.approve(10, by: o2)
        try l.append(.payout(Payout(member: "H001", amount: 91_200, method: .bank)), by: c2)  // 13
        try l.approve(13, by: o1)
        try l.append(.expense(Expense(amount: 12_000, payee: "村委会印刷店", purpose: "公示栏打印")), by: c1)  // 15
        try l.append(.reject(Reject(target: 15, hash: l.entries[15].hash, reason: "发票不全")), by: o2)
        try l.append(.donation(Donation(donor: "爱心企业", amount: 88_800, receipt: "R-003")), by: c3)  // 17
        try l.append(.reversal(Reversal(target: 17, reason: "重复录入")), by: c1)
        try l.approve(18, by: o1)
        try l.append(.checkpoint(Checkpoint(size: 20, root: l.tree.root(size: 20))), by: o1)  // 20
        try l.append(.memberUpdate(MemberUpdate(member: "H002", note: "独居老人")), by: c2)
        try l.append(.sale(Sale(member: "H003", product: "蜂蜜", quantity: "20", unit: "斤", amount: 16_000)), by: c1)  // 22
        try l.append(.payout(Payout(member: "H003", amount: 50_000, method: .mobile)), by: c1)
        try l.approve(23, by: o2)
        try l.append(.fundAdd(FundAdd(fund: FundDescriptor(id: "education", name: "助学基金"))), by: c1)  // 25
        try l.approve(25, by: o1)
        try l.append(.donation(Donation(donor: "校友会", amount: 100_000, fund: "education", receipt: "R-004")), by: c2)
        try l.append(.grant(Grant(member: "H003", amount: 30_000, fund: "education", purpose: "助学")), by: c1)  // 28
        try l.append(.grant(Grant(member: "H002", amount: 20_000, purpose: "医疗救助")), by: c2)
        try l.approve(28, by: o1)  // 30
        try l.approve(29, by: o2)
        try l.append(.keyAdd(KeyAdd(key: TestKeys.descriptor(ExtraKeys.committee4, .committee, "赵"))), by: c1)  // 32
        try l.approve(32, by: c2)
        try l.approve(32, by: o1)
        try l.append(.memberAdd(MemberAdd(member: "H004", name: "赵家")), by: ExtraKeys.committee4)  // 35
        try l.append(.memberClose(MemberClose(member: "H004", reason: "并户")), by: c1)
        try l.append(.expense(Expense(amount: 5_000, payee: "文具店", purpose: "账本纸张")), by: c3)
        try l.approve(37, by: o2)
        try l.append(.checkpoint(Checkpoint(size: 39, root: l.tree.root(size: 39))), by: o2)  // 39
        try l.append(.donation(Donation(donor: "村民", amount: 6_600, receipt: "R-005")), by: c1)
        precondition(l.entries.count == SampleLedger.count)
        ledger = l
    }

    var entries: [Entry] { ledger.entries }
    var lines: [[UInt8]] { ledger.bytes }

    /// Every private key that signs in the sample, by key id: what an insider holding all of them could use.
    static let keysByID: [KeyID: Ed25519.PrivateKey] = Dictionary(uniqueKeysWithValues: [
        TestKeys.committee1, TestKeys.committee2, TestKeys.committee3, TestKeys.oversight1, TestKeys.oversight2,
        ExtraKeys.committee4,
    ].map { (TestKeys.id($0), $0) })

    /// Entry `seq` with its body changed and signed again, by `key` or else by its own author.
    func resigned(_ seq: Int, by key: Ed25519.PrivateKey? = nil, _ change: (inout Body) -> Void) throws -> [UInt8] {
        var body = entries[seq].body
        change(&body)
        if let key { body.author = TestKeys.id(key) }
        return try TestLedger.forge(body, with: key ?? SampleLedger.keysByID[body.author]!).bytes
    }

    /// The whole history from `start` on, rewritten by someone holding every key: entry `start` is changed, and every
    /// later entry is re-linked (`prev`, and the `hash` of approvals and rejections) and re-signed by its author.
    /// Checkpoint roots are left as they were signed.
    func rewritten(from start: Int, _ change: (inout Body) -> Void) throws -> [[UInt8]] {
        var lines = Array(self.lines[..<start])
        var hashes = entries.map(\.hash)
        for seq in start..<entries.count {
            var body = entries[seq].body
            body.prev = hashes[seq - 1]
            if seq == start { change(&body) }
            switch body.payload {
            case .approve(var approve):
                approve.hash = hashes[approve.target]
                body.payload = .approve(approve)
            case .reject(var reject):
                reject.hash = hashes[reject.target]
                body.payload = .reject(reject)
            default: break
            }
            let entry = try TestLedger.forge(body, with: SampleLedger.keysByID[body.author]!)
            hashes[seq] = entry.hash
            lines.append(entry.bytes)
        }
        return lines
    }
}

extension Payload {
    /// The same payload with its amount changed, for the kinds that have one.
    func withAmount(_ amount: Fen) -> Payload {
        switch self {
        case .donation(var p): p.amount = amount; return .donation(p)
        case .sale(var p): p.amount = amount; return .sale(p)
        case .grant(var p): p.amount = amount; return .grant(p)
        case .payout(var p): p.amount = amount; return .payout(p)
        case .expense(var p): p.amount = amount; return .expense(p)
        default: preconditionFailure("\(kind) has no amount")
        }
    }
}
