import Foundation
import LedgerCore
import LedgerTesting
import Testing

/// The report's figures on a fixed three-month ledger, against numbers worked out by hand from the entries below
/// (all amounts in fen, all times UTC).
///
/// ```
/// January (from 2026-01-10)                       February (from 2026-02-05)
///  1–3 members H01 黄大伯, H02 刘阿姨, H03 陈伯      12 donation 爱心人士 ¥200 cash
///  4 donation 爱心企业甲 ¥5,000 cash                13 sale H03 荔枝 30.5 kg ¥610, fee ¥10
///  5 donation 爱心超市 ¥800 in kind (大米 200 斤)    14 sale H01 鸡心黄皮 7.375 斤 ¥59
///  6 sale H01 鸡心黄皮 120 斤 ¥960, fee ¥48         15 reversal of 12, approved by 16
///  7 sale H02 鸡心黄皮 12.5 斤 ¥100                  17 payout H01 ¥912 bank, approved by 18
///  8 grant H02 ¥2,000 医疗救助, approved by 9        19 grant H03 ¥500 助学 (pending through February)
/// 10 expense ¥350 镇物流站, rejected by 11
///                                                  March (from 2026-03-03)
///                                                  20 approves 19
///                                                  21 reversal of 13, approved by 22
///                                                  23 expense ¥100 印刷费, never approved
/// ```
@Suite struct PeriodReportTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func day(_ text: String) -> Timestamp { Timestamp(text + "T00:00:00Z")! }

    /// The ledger above; built once per test (it is small).
    static func ledger() throws -> TestLedger {
        var ledger = try TestLedger()
        let chen = TestKeys.committee1, zhang = TestKeys.oversight1, he = TestKeys.oversight2
        ledger.now = day("2026-01-10")
        try ledger.append(.memberAdd(MemberAdd(member: "H01", name: "黄大伯")), by: chen)
        try ledger.append(.memberAdd(MemberAdd(member: "H02", name: "刘阿姨")), by: chen)
        try ledger.append(.memberAdd(MemberAdd(member: "H03", name: "陈伯")), by: chen)
        try ledger.append(.donation(Donation(donor: "爱心企业甲", amount: 500_000)), by: chen)
        try ledger.append(.donation(Donation(donor: "爱心超市", amount: 80_000, form: .inKind, item: "大米", quantity: "200", unit: "斤")), by: chen)
        try ledger.append(.sale(Sale(member: "H01", product: "鸡心黄皮", quantity: "120", unit: "斤", amount: 96_000, fee: 4_800)), by: chen)
        try ledger.append(.sale(Sale(member: "H02", product: "鸡心黄皮", quantity: "12.5", unit: "斤", amount: 10_000)), by: chen)
        try ledger.append(.grant(Grant(member: "H02", amount: 200_000, purpose: "医疗救助")), by: chen)
        try ledger.approve(8, by: zhang)
        try ledger.append(.expense(Expense(amount: 35_000, payee: "镇物流站", purpose: "黄皮运费")), by: chen)
        try ledger.append(.reject(Reject(target: 10, hash: ledger.entries[10].hash, reason: "运费由买方承担")), by: he)

        ledger.now = day("2026-02-05")
        try ledger.append(.donation(Donation(donor: "爱心人士", amount: 20_000)), by: chen)
        try ledger.append(.sale(Sale(member: "H03", product: "荔枝", quantity: "30.5", unit: "kg", amount: 61_000, fee: 1_000)), by: chen)
        try ledger.append(.sale(Sale(member: "H01", product: "鸡心黄皮", quantity: "7.375", unit: "斤", amount: 5_900)), by: chen)
        try ledger.append(.reversal(Reversal(target: 12, reason: "重复录入")), by: chen)
        try ledger.approve(15, by: zhang)
        try ledger.append(.payout(Payout(member: "H01", amount: 91_200, method: .bank)), by: chen)
        try ledger.approve(17, by: he)
        try ledger.append(.grant(Grant(member: "H03", amount: 50_000, purpose: "助学")), by: chen)

        ledger.now = day("2026-03-03")
        try ledger.approve(19, by: zhang)
        try ledger.append(.reversal(Reversal(target: 13, reason: "买方退货")), by: chen)
        try ledger.approve(21, by: he)
        try ledger.append(.expense(Expense(amount: 10_000, payee: "打印店", purpose: "印刷费")), by: chen)
        #expect(ledger.entries.count == 24)
        return ledger
    }

    static func report(_ ledger: TestLedger, from: String?, to: String?) -> PeriodReport {
        PeriodReport(entries: ledger.entries, state: ledger.state, start: from.map(day), end: to.map(day), timeZone: utc)
    }

    @Test func february() throws {
        let ledger = try Self.ledger()
        let report = Self.report(ledger, from: "2026-02-01", to: "2026-03-01")
        // The ¥200 donation and its reversal both took effect in February: they cancel out, and so does its donor.
        #expect(report.donations == PeriodReport.Tally(count: 0, amount: 0))
        #expect(report.inKind == PeriodReport.Tally(count: 0, amount: 0))
        #expect(report.donors == 0)
        // Sales 13 and 14: ¥610 + ¥59; the fee ¥10; households get ¥600 + ¥59.
        #expect(report.sales == PeriodReport.Tally(count: 2, amount: 66_900))
        #expect(report.fees == 1_000)
        #expect(report.incomeRaised == 65_900)
        #expect(report.produce.map(\.product) == ["荔枝", "鸡心黄皮"])
        #expect(report.produce[0] == PeriodReport.Produce(product: "荔枝", unit: "kg", sales: 1, quantity: DecimalQuantity("30.5")!,
            amount: 61_000, proceeds: 60_000))
        #expect(report.produce[1] == PeriodReport.Produce(product: "鸡心黄皮", unit: "斤", sales: 1, quantity: DecimalQuantity("7.375")!,
            amount: 5_900, proceeds: 5_900))
        // Grant 19 was recorded in February but approved only in March.
        #expect(report.grants == PeriodReport.Tally(count: 0, amount: 0))
        #expect(report.grantHouseholds == 0)
        #expect(report.payouts == PeriodReport.Tally(count: 1, amount: 91_200))
        #expect(report.expenses == PeriodReport.Tally(count: 0, amount: 0))
        #expect(report.householdsHelped == 2)  // H01 and H03 sold produce
        // general before February: 5000 + 48 fee − 2000 grant; after: + 200 − 200 + 10 fee.
        let general = try #require(report.funds.first { $0.id == "general" })
        #expect(general.cashAtStart == 304_800)
        #expect(general.cashAtEnd == 305_800)
        #expect(general.inKindAtStart == 80_000)
        #expect(general.inKindAtEnd == 80_000)
        #expect(report.funds.first { $0.id == "medical" } == PeriodReport.FundBalance(id: "medical", name: "医疗救助金"))
        // Held for members: H01 912 + H02 (100 + 2000) = 3012 at the start; + 600 (H03) + 59 (H01) − 912 paid out.
        #expect(report.heldForMembersAtStart == 301_200)
        #expect(report.heldForMembersAtEnd == 275_900)
        #expect(report.rejected.isEmpty)
        #expect(report.pending.map(\.seq) == [19])
        #expect(report.months.map(\.label) == ["2026-02"])
    }

    @Test func theWholeYear() throws {
        let ledger = try Self.ledger()
        let report = Self.report(ledger, from: "2026-01-01", to: "2027-01-01")
        // Donations 4 and 12, less the reversal of 12; donors 爱心企业甲 and 爱心超市 (爱心人士's gift was undone).
        #expect(report.donations == PeriodReport.Tally(count: 1, amount: 500_000))
        #expect(report.inKind == PeriodReport.Tally(count: 1, amount: 80_000))
        #expect(report.donors == 2)
        // Sales 6, 7, 13, 14 less the reversal of 13: 960 + 100 + 59 = ¥1,119; fees 48; households 912 + 100 + 59.
        #expect(report.sales == PeriodReport.Tally(count: 3, amount: 111_900))
        #expect(report.fees == 4_800)
        #expect(report.incomeRaised == 107_100)
        // 荔枝 was sold and taken back: no line. 鸡心黄皮: 120 + 12.5 + 7.375 斤.
        #expect(report.produce == [PeriodReport.Produce(product: "鸡心黄皮", unit: "斤", sales: 3, quantity: DecimalQuantity("139.875")!,
            amount: 111_900, proceeds: 107_100)])
        #expect(report.produce.first?.quantity.description == "139.875")
        #expect(report.grants == PeriodReport.Tally(count: 2, amount: 250_000))
        #expect(report.grantHouseholds == 2)
        #expect(report.payouts == PeriodReport.Tally(count: 1, amount: 91_200))
        // The ¥350 expense was rejected and the ¥100 one is still pending.
        #expect(report.expenses == PeriodReport.Tally(count: 0, amount: 0))
        #expect(report.householdsHelped == 3)
        let general = try #require(report.funds.first { $0.id == "general" })
        // 5000 + 48 − 2000 + 200 − 200 + 10 − 500 − 10 = ¥2,548.
        #expect(general.cashAtStart == 0)
        #expect(general.cashAtEnd == 254_800)
        #expect(general.cashAtEnd == ledger.state.funds["general"]?.cash)
        #expect(general.inKindAtEnd == 80_000)
        // H01 912 + 59 − 912; H02 100 + 2000; H03 600 + 500 − 600.
        #expect(report.heldForMembersAtEnd == 5_900 + 210_000 + 50_000)
        #expect(report.heldForMembersAtEnd == ledger.state.members.values.reduce(0) { $0 + $1.balance })
        #expect(report.rejected.map(\.seq) == [10])
        #expect(report.rejected.first?.rejectedBy == 11)
        #expect(report.rejected.first?.reason == "运费由买方承担")
        #expect(report.pending.map(\.seq) == [23])

        #expect(report.months.map(\.label) == (1...12).map { "2026-\($0 < 10 ? "0" : "")\($0)" })
        let january = report.months[0], february = report.months[1], march = report.months[2]
        #expect(january.donations == PeriodReport.Tally(count: 1, amount: 500_000))
        #expect(january.inKind == PeriodReport.Tally(count: 1, amount: 80_000))
        #expect(january.sales == PeriodReport.Tally(count: 2, amount: 106_000))
        #expect(january.incomeRaised == 101_200)
        #expect(january.grants == PeriodReport.Tally(count: 1, amount: 200_000))
        #expect(february.donations == PeriodReport.Tally(count: 0, amount: 0))
        #expect(february.incomeRaised == 65_900)
        #expect(february.payouts == PeriodReport.Tally(count: 1, amount: 91_200))
        #expect(march.grants == PeriodReport.Tally(count: 1, amount: 50_000))
        #expect(march.sales == PeriodReport.Tally(count: -1, amount: -61_000))
        #expect(march.incomeRaised == -60_000)
        #expect(report.months[3...].allSatisfy { $0 == PeriodReport.Month(label: $0.label) })
    }

    @Test func january() throws {
        let report = Self.report(try Self.ledger(), from: "2026-01-01", to: "2026-02-01")
        #expect(report.rejected.map(\.seq) == [10])
        #expect(report.pending.isEmpty)  // the grant was approved and the expense rejected within January
        #expect(report.grants == PeriodReport.Tally(count: 1, amount: 200_000))
        #expect(report.householdsHelped == 2)  // H01 (sale) and H02 (sale and grant)
        #expect(report.funds.first { $0.id == "general" }?.cashAtEnd == 304_800)
    }

    /// Periods add up: the months' sums equal the whole, and each fund's end is its start plus what came in and
    /// less what went out.
    @Test func periodsAddUp() throws {
        let ledger = try Self.ledger()
        let whole = Self.report(ledger, from: nil, to: nil)
        #expect(whole.months.map(\.label) == ["2026-01", "2026-02", "2026-03"])
        let parts = [("2026-01-01", "2026-02-01"), ("2026-02-01", "2026-03-01"), ("2026-03-01", "2026-04-01")].map {
            Self.report(ledger, from: $0.0, to: $0.1)
        }
        #expect(parts.reduce(0) { $0 + $1.donations.amount } == whole.donations.amount)
        #expect(parts.reduce(0) { $0 + $1.incomeRaised } == whole.incomeRaised)
        #expect(parts.reduce(0) { $0 + $1.sales.count } == whole.sales.count)
        #expect(parts.reduce(DecimalQuantity.zero) { sum, part in part.produce.reduce(sum) { $0 + $1.quantity } } == DecimalQuantity("139.875"))
        for part in parts + [whole] {
            let start = part.funds.reduce(0) { $0 + $1.cashAtStart }, end = part.funds.reduce(0) { $0 + $1.cashAtEnd }
            #expect(end == start + part.donations.amount + part.fees - part.grants.amount - part.expenses.amount)
            #expect(part.heldForMembersAtEnd == part.heldForMembersAtStart + part.incomeRaised + part.grants.amount - part.payouts.amount)
        }
        #expect(parts[1].funds.first { $0.id == "general" }?.cashAtStart == parts[0].funds.first { $0.id == "general" }?.cashAtEnd)
    }

    /// Months are the reader's: an entry at 20:00 UTC on 31 January is in February in Beijing.
    @Test func monthsFollowTheTimeZone() throws {
        let time = Timestamp("2026-01-31T20:00:00Z")!
        #expect(PeriodReport.monthLabel(time, timeZone: Self.utc) == "2026-01")
        #expect(PeriodReport.monthLabel(time, timeZone: TimeZone(identifier: "Asia/Shanghai")!) == "2026-02")
    }
}
