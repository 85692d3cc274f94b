import Foundation

/// The figures of `ledger report` for a period: what came in, what went out, what was sold, who was helped,
/// and the funds at both ends, with a month-by-month breakdown. Pure computation, no I/O.
///
/// Everything counts where it took effect (``Activity``): a donation or sale where it was recorded, a grant,
/// payout or expense at its last needed approval. A reversal counts against what it reverses, in the period
/// where the reversal takes effect: it subtracts the amount, the quantity and one from the count. So the
/// figures of consecutive periods add up, and the fund balance at the end equals the balance at the start plus
/// cash donations and fees, less grants and expenses. A count can be negative in a period that only reverses
/// something from an earlier one.
public struct PeriodReport: Sendable {
    /// A number of items and their total.
    public struct Tally: Sendable, Hashable {
        public var count = 0
        public var amount: Fen = 0

        public init(count: Int = 0, amount: Fen = 0) {
            self.count = count
            self.amount = amount
        }

        mutating func add(_ amount: Fen, sign: Int) {
            count += sign
            self.amount += Fen(sign) * amount
        }
    }

    /// One product in one unit (`鸡心黄皮`, `斤`): how much of it was sold and what it brought.
    public struct Produce: Sendable, Hashable {
        public var product: String
        public var unit: String
        public var sales = 0
        /// The exact sum of the sales' quantities.
        public var quantity = DecimalQuantity.zero
        /// What buyers paid.
        public var amount: Fen = 0
        /// What the households received: the amount less the society's fees.
        public var proceeds: Fen = 0

        public init(product: String, unit: String, sales: Int = 0, quantity: DecimalQuantity = .zero, amount: Fen = 0, proceeds: Fen = 0) {
            self.product = product
            self.unit = unit
            self.sales = sales
            self.quantity = quantity
            self.amount = amount
            self.proceeds = proceeds
        }
    }

    /// One calendar month (in the reader's time zone) of the period.
    public struct Month: Sendable, Hashable {
        /// `YYYY-MM`.
        public var label: String
        public var donations = Tally()
        /// Declared value of in-kind donations.
        public var inKind = Tally()
        public var sales = Tally()
        /// Sale proceeds for households (after fees).
        public var incomeRaised: Fen = 0
        public var grants = Tally()
        public var payouts = Tally()
        public var expenses = Tally()

        /// A month with nothing in it.
        public init(label: String) { self.label = label }
    }

    /// A fund's balances when the period starts and when it ends.
    public struct FundBalance: Sendable, Hashable {
        public var id: FundID
        public var name: String
        public var cashAtStart: Fen = 0
        public var cashAtEnd: Fen = 0
        public var inKindAtStart: Fen = 0
        public var inKindAtEnd: Fen = 0

        public init(id: FundID, name: String, cashAtStart: Fen = 0, cashAtEnd: Fen = 0, inKindAtStart: Fen = 0, inKindAtEnd: Fen = 0) {
            self.id = id
            self.name = name
            self.cashAtStart = cashAtStart
            self.cashAtEnd = cashAtEnd
            self.inKindAtStart = inKindAtStart
            self.inKindAtEnd = inKindAtEnd
        }
    }

    /// An entry rejected in the period, or still waiting for approval at its end.
    public struct Item: Sendable, Hashable {
        public var seq: Int
        public var kind: Kind
        /// When the entry was recorded.
        public var time: Timestamp
        public var payload: Payload
        /// For a rejected entry: the rejection's seq and reason.
        public var rejectedBy: Int?
        public var reason: String?
    }

    /// The first second of the period, or `nil` for "from the beginning".
    public let start: Timestamp?
    /// The first second after the period, or `nil` for "up to now".
    public let end: Timestamp?

    /// Cash donations.
    public private(set) var donations = Tally()
    /// In-kind donations at their declared value.
    public private(set) var inKind = Tally()
    /// Donors (cash or in kind) with at least one donation in the period that was not reversed in it.
    public private(set) var donors = 0
    public private(set) var sales = Tally()
    /// The society's fees on those sales.
    public private(set) var fees: Fen = 0
    /// 助农增收: what sales brought households, after fees.
    public private(set) var incomeRaised: Fen = 0
    public private(set) var grants = Tally()
    /// Households with at least one grant in the period.
    public private(set) var grantHouseholds = 0
    public private(set) var payouts = Tally()
    public private(set) var expenses = Tally()
    /// Households with at least one sale or grant in the period.
    public private(set) var householdsHelped = 0
    /// Produce sold, by product and unit, in order of product then unit.
    public private(set) var produce: [Produce] = []
    public private(set) var months: [Month] = []
    public private(set) var funds: [FundBalance] = []
    /// Money held for all members when the period starts and ends.
    public private(set) var heldForMembersAtStart: Fen = 0
    public private(set) var heldForMembersAtEnd: Fen = 0
    /// Entries rejected in the period (by the time of the rejection), in seq order.
    public private(set) var rejected: [Item] = []
    /// Entries recorded before the period's end and not yet approved or rejected at its end, in seq order.
    public private(set) var pending: [Item] = []

    /// Works out the figures.
    /// - Parameters:
    ///   - entries: every entry of the ledger, in seq order.
    ///   - state: the ledger's current state (which entries are pending, rejected, reversed).
    ///   - start: the first second of the period (`nil`: from the beginning).
    ///   - end: the first second after it (`nil`: everything so far).
    ///   - timeZone: where months begin and end, the reader's.
    public init(entries: [Entry], state: LedgerState, start: Timestamp? = nil, end: Timestamp? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!)
    {
        self.start = start
        self.end = end
        func inPeriod(_ time: Timestamp) -> Bool { (start.map { time >= $0 } ?? true) && (end.map { time < $0 } ?? true) }

        var bySeq: [Int: Entry] = [:]
        for entry in entries where entry.kind.isReversible { bySeq[entry.seq] = entry }
        var monthIndex: [String: Int] = [:]
        months = PeriodReport.monthLabels(entries: entries, start: start, end: end, timeZone: timeZone).enumerated().map {
            monthIndex[$0.element] = $0.offset
            return Month(label: $0.element)
        }
        var donorCounts: [String: Int] = [:]
        var grantCounts: [MemberID: Int] = [:]
        var helpedCounts: [MemberID: Int] = [:]
        var produceLines: [String: Produce] = [:]
        var cashAt: (start: [FundID: Fen], end: [FundID: Fen]) = ([:], [:])
        var inKindAt: (start: [FundID: Fen], end: [FundID: Fen]) = ([:], [:])

        for effect in Activity.effects(of: entries, state: state) {
            let before = start.map { effect.time < $0 } ?? false
            let beforeEnd = end.map { effect.time < $0 } ?? true
            for change in effect.changes {
                switch change.account {
                case .fundCash(let fund):
                    if before { cashAt.start[fund, default: 0] += change.delta }
                    if beforeEnd { cashAt.end[fund, default: 0] += change.delta }
                case .fundInKind(let fund):
                    if before { inKindAt.start[fund, default: 0] += change.delta }
                    if beforeEnd { inKindAt.end[fund, default: 0] += change.delta }
                case .member:
                    if before { heldForMembersAtStart += change.delta }
                    if beforeEnd { heldForMembersAtEnd += change.delta }
                }
            }
            guard inPeriod(effect.time) else { continue }

            // An entry counts once for itself; a reversal counts once against its target.
            var sign = 1
            var payload = effect.entry.payload
            if case .reversal(let reversal) = payload {
                guard let target = bySeq[reversal.target] else { continue }
                sign = -1
                payload = target.payload
            }
            let month = PeriodReport.monthLabel(effect.time, timeZone: timeZone)
            var row = monthIndex[month].map { months[$0] } ?? Month(label: month)
            switch payload {
            case .donation(let donation):
                if donation.form == .cash {
                    donations.add(donation.amount, sign: sign)
                    row.donations.add(donation.amount, sign: sign)
                } else {
                    inKind.add(donation.amount, sign: sign)
                    row.inKind.add(donation.amount, sign: sign)
                }
                donorCounts[donation.donor, default: 0] += sign
            case .sale(let sale):
                sales.add(sale.amount, sign: sign)
                row.sales.add(sale.amount, sign: sign)
                fees += Fen(sign) * (sale.fee ?? 0)
                incomeRaised += Fen(sign) * sale.proceeds
                row.incomeRaised += Fen(sign) * sale.proceeds
                helpedCounts[sale.member, default: 0] += sign
                let key = sale.product + "\u{0}" + sale.unit
                var line = produceLines[key] ?? Produce(product: sale.product, unit: sale.unit)
                line.sales += sign
                let quantity = DecimalQuantity(sale.quantity) ?? .zero
                line.quantity += sign > 0 ? quantity : -quantity
                line.amount += Fen(sign) * sale.amount
                line.proceeds += Fen(sign) * sale.proceeds
                produceLines[key] = line
            case .grant(let grant):
                grants.add(grant.amount, sign: sign)
                row.grants.add(grant.amount, sign: sign)
                grantCounts[grant.member, default: 0] += sign
                helpedCounts[grant.member, default: 0] += sign
            case .payout(let payout):
                payouts.add(payout.amount, sign: sign)
                row.payouts.add(payout.amount, sign: sign)
            case .expense(let expense):
                expenses.add(expense.amount, sign: sign)
                row.expenses.add(expense.amount, sign: sign)
            default:
                break
            }
            if let index = monthIndex[month] { months[index] = row }
        }
        donors = donorCounts.values.filter { $0 > 0 }.count
        grantHouseholds = grantCounts.values.filter { $0 > 0 }.count
        householdsHelped = helpedCounts.values.filter { $0 > 0 }.count
        produce = produceLines.values.filter { $0.sales != 0 || $0.quantity != .zero || $0.amount != 0 }
            .sorted { ($0.product, $0.unit) < ($1.product, $1.unit) }
        funds = state.funds.values.sorted { $0.id < $1.id }.map { fund in
            FundBalance(id: fund.id, name: fund.name, cashAtStart: cashAt.start[fund.id] ?? 0, cashAtEnd: cashAt.end[fund.id] ?? 0,
                inKindAtStart: inKindAt.start[fund.id] ?? 0, inKindAtEnd: inKindAt.end[fund.id] ?? 0)
        }
        (rejected, pending) = PeriodReport.openItems(entries: entries, state: state, inPeriod: inPeriod, end: end)
    }

    /// Rejections recorded in the period, and entries that were still waiting for approval at its end.
    private static func openItems(entries: [Entry], state: LedgerState, inPeriod: (Timestamp) -> Bool, end: Timestamp?)
        -> (rejected: [Item], pending: [Item])
    {
        var lastApproval: [Int: Timestamp] = [:]
        var rejection: [Int: Entry] = [:]
        var recorded: [Int: Entry] = [:]
        for entry in entries {
            switch entry.payload {
            case .approve(let approve): lastApproval[approve.target] = entry.body.time
            case .reject(let reject): rejection[reject.target] = entry
            default: if entry.kind.approval != .none { recorded[entry.seq] = entry }
            }
        }
        var rejected: [Item] = []
        var pending: [Item] = []
        for entry in recorded.values.sorted(by: { $0.seq < $1.seq }) {
            let item = Item(seq: entry.seq, kind: entry.kind, time: entry.body.time, payload: entry.payload)
            let decided: Timestamp?
            if let reject = rejection[entry.seq], state.rejected.contains(entry.seq) {
                decided = reject.body.time
                if inPeriod(reject.body.time), case .reject(let data) = reject.payload {
                    var refused = item
                    refused.rejectedBy = reject.seq
                    refused.reason = data.reason
                    rejected.append(refused)
                }
            } else if state.pending[entry.seq] != nil {
                decided = nil
            } else {
                decided = lastApproval[entry.seq]
            }
            let recordedBeforeEnd = end.map { entry.body.time < $0 } ?? true
            let openAtEnd = decided.map { time in end.map { time >= $0 } ?? false } ?? true
            if recordedBeforeEnd, openAtEnd { pending.append(item) }
        }
        return (rejected, pending)
    }

    /// `YYYY-MM` of a time in a time zone.
    public static func monthLabel(_ time: Timestamp, timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch)))
        let local = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + Int64(offset)).components
        return label(year: Int(local.year), month: Int(local.month))
    }

    private static func label(year: Int, month: Int) -> String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + (month < 10 ? "-0" : "-") + String(month)
    }

    /// Every month the report covers: those of the period, or from the first to the last entry where the period
    /// is open at that end.
    static func monthLabels(entries: [Entry], start: Timestamp?, end: Timestamp?, timeZone: TimeZone) -> [String] {
        guard let first = start ?? entries.first?.body.time,
            let last = end.map({ Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch - 1) }) ?? entries.last?.body.time,
            first <= last
        else { return [] }
        let from = monthLabel(first, timeZone: timeZone), to = monthLabel(last, timeZone: timeZone)
        var year = Int(from.prefix(4))!, month = Int(from.suffix(2))!
        var labels: [String] = []
        while true {
            let current = label(year: year, month: month)
            labels.append(current)
            if current >= to || labels.count > 1_200 { break }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return labels
    }
}
