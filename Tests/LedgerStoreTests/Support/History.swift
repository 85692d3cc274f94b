import LedgerCore
import LedgerStore
import LedgerTesting
import Testing

/// A short stretch of a society's work with every kind of money entry, appended to a ``FileLedger``.
///
/// Seqs: 1–2 members H001 and H002 · 3 cash donation · 4 in-kind donation · 5 sale for H001 with a fee ·
/// 6 grant to H002, approved by 7 · 8 payout to H001, approved by 9 · 10 grant to H001, rejected by 11 ·
/// 12 donation to `medical`, reversed by 13, approved by 14 · 15 expense, left pending · 16 H002's note.
enum History {
    static let count = 17

    static let generalCash: Fen = 500_000 + 4_800 - 100_000
    static let generalInKind: Fen = 80_000
    static let medicalCash: Fen = 0
    static let h001Balance: Fen = 96_000 - 4_800 - 50_000
    static let h002Balance: Fen = 100_000
    static let pending = [15]

    static let h001Seqs = [1, 5, 8, 9, 10, 11]
    static let h002Seqs = [2, 6, 7, 16]
    static let approvalSeqs = [7, 9, 14]
    static let donationSeqs = [3, 4, 12]

    /// Appends the history, calling `afterEach` after every entry.
    static func append(to ledger: SQLiteLedger, afterEach: (SQLiteLedger) throws -> Void = { _ in }) throws {
        let steps: [(SQLiteLedger) throws -> Void] = [
            { try $0.append(.memberAdd(MemberAdd(member: "H001", name: "黄大伯")), by: TestKeys.committee1) },
            { try $0.append(.memberAdd(MemberAdd(member: "H002", name: "李阿婆")), by: TestKeys.committee1) },
            { try $0.append(.donation(Donation(donor: "爱心企业", amount: 500_000, receipt: "R-001")), by: TestKeys.committee2) },
            {
                try $0.append(
                    .donation(Donation(donor: "爱心超市", amount: 80_000, form: .inKind, item: "大米", quantity: "200", unit: "斤")),
                    by: TestKeys.committee2)
            },
            {
                try $0.append(
                    .sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: 96_000, fee: 4_800)),
                    by: TestKeys.committee1)
            },
            { try $0.append(.grant(Grant(member: "H002", amount: 100_000, purpose: "医疗救助")), by: TestKeys.committee1) },
            { try $0.approve(6, by: TestKeys.oversight1) },
            { try $0.append(.payout(Payout(member: "H001", amount: 50_000, method: .bank)), by: TestKeys.committee3) },
            { try $0.approve(8, by: TestKeys.oversight2) },
            { try $0.append(.grant(Grant(member: "H001", amount: 20_000, purpose: "助学")), by: TestKeys.committee1) },
            {
                let target = try #require(try $0.entry(10))
                try $0.append(.reject(Reject(target: 10, hash: target.hash, reason: "材料不全")), by: TestKeys.oversight1)
            },
            { try $0.append(.donation(Donation(donor: "爱心人士", amount: 30_000, fund: "medical")), by: TestKeys.committee2) },
            { try $0.append(.reversal(Reversal(target: 12, reason: "基金录错")), by: TestKeys.committee1) },
            { try $0.approve(13, by: TestKeys.oversight2) },
            {
                try $0.append(.expense(Expense(amount: 10_000, payee: "镇物流站", purpose: "黄皮运费")), by: TestKeys.committee3)
            },
            { try $0.append(.memberUpdate(MemberUpdate(member: "H002", note: "独居长者")), by: TestKeys.committee1) },
        ]
        for step in steps {
            try step(ledger)
            try afterEach(ledger)
        }
    }
}
