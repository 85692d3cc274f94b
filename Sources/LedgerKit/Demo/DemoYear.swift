import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A year of the demo society's work, written through the same store and rules as every command.
public struct DemoYear {
    public let ledger: SQLiteLedger
    public let keys: [String: Ed25519.PrivateKey]
    public private(set) var clock: Timestamp
    private var random = SplitMix64(seed: 2026)
    private var receipts = 0
    /// One line per month for the narrative.
    public private(set) var months: [String] = []
    private var tally = Tally()

    private struct Tally {
        public var donations = 0, donated: Fen = 0, sales = 0, sold: Fen = 0, grants = 0, granted: Fen = 0
        public var payouts = 0, paid: Fen = 0, notes: [String] = []
    }

    public init(ledger: SQLiteLedger, keys: [String: Ed25519.PrivateKey], start: Timestamp) {
        self.ledger = ledger
        self.keys = keys
        self.clock = start
    }

    @discardableResult
    private mutating func record(_ payload: Payload, by holder: String, memo: String? = nil) throws -> AppendResult {
        clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + Int64.random(in: 600...7_200, using: &random))
        return try ledger.append(payload, memo: memo, signer: keys[holder]!, now: clock)
    }

    private mutating func approve(_ result: AppendResult, by holder: String) throws {
        try record(.approve(Approve(target: result.entry.seq, hash: result.entry.hash)), by: holder)
    }

    private func state() throws -> LedgerState { try ledger.state() }

    /// The oversight members who approve money this month, taking turns.
    private func approver(month: Int) -> String { month >= 6 && month % 3 == 0 ? "huang" : (month % 2 == 0 ? "zhang" : "he") }

    public mutating func run() throws {
        let fund = try record(.fundAdd(FundAdd(fund: FundDescriptor(id: "education", name: "助学基金"))), by: "chen")
        try approve(fund, by: "zhang")
        for household in DemoSociety.households {
            try record(.memberAdd(MemberAdd(member: household.id, name: household.name, note: household.note)), by: "li")
        }
        let startMonth = Int(clock.components.month)
        for month in 0..<12 {
            let monthStart = clock
            try runMonth(month, calendarMonth: (startMonth - 1 + month) % 12 + 1)
            let label = String(Timestamp(secondsSinceEpoch: monthStart.secondsSinceEpoch).description.prefix(7))
            months.append(summaryLine(label))
            tally = Tally()
            clock = Timestamp(secondsSinceEpoch: max(clock.secondsSinceEpoch, monthStart.secondsSinceEpoch + 30 * 86_400))
        }
        // The oversight group's year-end audit: a checkpoint of everything so far.
        let size = try ledger.count()
        let root = try ledger.merkleRoot(size: size)
        try record(.checkpoint(Checkpoint(size: size, root: root)), by: "zhang", memo: "年终审计：已核验全部条目")
        // …and the checkpoint note for the notice board, signed by both oversight members.
        var note = SignedNote(text: CheckpointNote(ledgerID: try state().founding!.ledgerID, size: size, root: root).text)
        for holder in ["zhang", "he"] {
            let key = keys[holder]!
            try note.sign(with: NoteSigner(name: Rules.keyID(publicKey: key.publicKey.rawRepresentation), key: key))
        }
        try ledger.saveCheckpointNote(note, size: size)
        // A request still waiting at year end, so `ledger pending` has something to show.
        try record(.grant(Grant(member: "H12", amount: 80_000, purpose: "临时困难救助")), by: "wang", memo: "冬季取暖补助申请")
    }

    private mutating func runMonth(_ month: Int, calendarMonth: Int) throws {
        for _ in 0..<2 { try donateCash() }
        if month == 0 { try mistakenDonation() }
        if [1, 4, 8, 11].contains(month) { try donateInKind(DemoSociety.inKindGifts[[1, 4, 8, 11].firstIndex(of: month)!]) }
        try sellProduce(calendarMonth: calendarMonth)
        try giveGrants(month: month, calendarMonth: calendarMonth)
        if month == 3 { try rejectedGrant() }
        if [4, 7].contains(month) { try payExpense(month: month) }
        if month == 5 { try addKeyByGovernance() }
        if [2, 5, 8, 11].contains(month) { try payOutBalances(month: month) }
    }

    private mutating func donateCash() throws {
        let donors = DemoSociety.companies + DemoSociety.people
        let donor = donors[Int.random(in: 0..<donors.count, using: &random)]
        let amount = Fen.random(in: 10...120, using: &random) * 10_000
        // Teachers and some caring people give to the education fund.
        let fund = donor.contains("老师") || Int.random(in: 0..<8, using: &random) == 0 ? "education" : "general"
        receipts += 1
        try record(.donation(Donation(donor: donor, amount: amount, fund: fund, receipt: String(format: "R-%04d", receipts))),
            by: "li")
        tally.donations += 1
        tally.donated += amount
    }

    /// A donation typed with one zero too many, undone by an approved reversal and recorded again correctly.
    private mutating func mistakenDonation() throws {
        receipts += 1
        let wrong = try record(.donation(Donation(donor: "恒丰供销合作社", amount: 5_000_000, receipt: String(format: "R-%04d", receipts))),
            by: "wang")
        let reversal = try record(.reversal(Reversal(target: wrong.entry.seq, reason: "金额多录一个零，应为 ¥5,000.00")), by: "chen")
        try approve(reversal, by: "he")
        receipts += 1
        try record(.donation(Donation(donor: "恒丰供销合作社", amount: 500_000, receipt: String(format: "R-%04d", receipts))),
            by: "wang", memo: "更正第 \(wrong.entry.seq) 条")
        tally.donations += 1
        tally.donated += 500_000
        tally.notes.append(t("entry \(wrong.entry.seq) had a mistyped amount: reversed with approval and entered again",
            "第 \(wrong.entry.seq) 条金额录错：经审批冲正后重新录入"))
    }

    private mutating func donateInKind(_ gift: (item: String, quantity: String, unit: String, value: Fen)) throws {
        let donor = DemoSociety.companies[Int.random(in: 0..<DemoSociety.companies.count, using: &random)]
        try record(.donation(Donation(donor: donor, amount: gift.value, fund: gift.item.contains("书包") ? "education" : "general",
            form: .inKind, item: gift.item,
            quantity: gift.quantity, unit: gift.unit)), by: "li")
        tally.donations += 1
    }

    private mutating func sellProduce(calendarMonth: Int) throws {
        for produce in DemoSociety.produce(month: calendarMonth) {
            for grower in produce.growers {
                let quantity = produce.unit == "只" ? Int64.random(in: 5...20, using: &random) : Int64.random(in: 5...25, using: &random) * 10
                let amount = quantity * produce.price
                let withFee = Bool.random(using: &random)
                let buyer = DemoSociety.buyers[Int.random(in: 0..<DemoSociety.buyers.count, using: &random)]
                try record(.sale(Sale(member: grower, product: produce.product, quantity: String(quantity), unit: produce.unit,
                    amount: amount, buyer: buyer, fee: withFee ? amount / 20 : nil)), by: "wang")
                tally.sales += 1
                tally.sold += amount
            }
        }
    }

    private mutating func giveGrants(month: Int, calendarMonth: Int) throws {
        let candidates = ["H02", "H05", "H08", "H11", "H12"]
        for index in 0..<(month % 3 == 2 ? 2 : 1) {
            let member = candidates[(month + index * 2) % candidates.count]
            let schoolTerm = [2, 8, 9].contains(calendarMonth)
            let fund = schoolTerm && index == 0 ? "education" : "general"
            let purpose = schoolTerm && index == 0 ? "助学" : DemoSociety.grantPurposes[(month + index) % DemoSociety.grantPurposes.count]
            let amount = Fen.random(in: 10...60, using: &random) * 10_000
            guard try state().funds[fund]!.cash >= amount else { continue }
            let grant = try record(.grant(Grant(member: member, amount: amount, fund: fund, purpose: purpose)), by: "chen")
            try approve(grant, by: approver(month: month))
            tally.grants += 1
            tally.granted += amount
        }
    }

    private mutating func rejectedGrant() throws {
        let grant = try record(.grant(Grant(member: "H05", amount: 300_000, purpose: "临时困难救助")), by: "wang")
        try record(.reject(Reject(target: grant.entry.seq, hash: grant.entry.hash, reason: "材料不全，请补充后重新申请")), by: "he")
        tally.notes.append(t("grant request \(grant.entry.seq) rejected by the oversight group", "第 \(grant.entry.seq) 条救助申请被运作监督组驳回"))
    }

    private mutating func payExpense(month: Int) throws {
        let (payee, purpose) = month == 4 ? ("镇物流站", "农产品运费") : ("印刷店", "公示栏印刷")
        let expense = try record(.expense(Expense(amount: Fen.random(in: 20...60, using: &random) * 1_000, payee: payee, purpose: purpose)),
            by: "chen")
        try approve(expense, by: approver(month: month))
    }

    /// A new oversight key: proposed by the committee, approved by one committee and one oversight member.
    private mutating func addKeyByGovernance() throws {
        let key = keys["huang"]!
        let proposal = try record(.keyAdd(KeyAdd(key: KeyDescriptor(role: .oversight, holder: DemoSociety.newcomer.1,
            publicKey: key.publicKey.rawRepresentation))), by: "chen")
        try approve(proposal, by: "li")
        try approve(proposal, by: "zhang")
        tally.notes.append(t("a new oversight key for 黄委员 took effect after governance approval", "黄委员的新监督密钥经审批生效"))
    }

    private mutating func payOutBalances(month: Int) throws {
        let members = try state().members.values.filter { $0.balance >= 50_000 }.sorted { $0.id < $1.id }
        for member in members {
            let amount = member.balance / 10_000 * 10_000
            let methods: [Payout.Method] = [.bank, .mobile, .cash]
            let payout = try record(.payout(Payout(member: member.id, amount: amount, method: methods[Int(amount % 3)])), by: "wang")
            try approve(payout, by: approver(month: month))
            tally.payouts += 1
            tally.paid += amount
        }
    }

    private func summaryLine(_ label: String) -> String {
        var parts = [
            t("\(tally.donations) donations \(Yuan.format(tally.donated))", "捐赠 \(tally.donations) 笔 \(Yuan.format(tally.donated))"),
            t("\(tally.sales) sales \(Yuan.format(tally.sold))", "助销 \(tally.sales) 笔 \(Yuan.format(tally.sold))"),
        ]
        if tally.grants > 0 { parts.append(t("\(tally.grants) grants \(Yuan.format(tally.granted))", "救助 \(tally.grants) 笔 \(Yuan.format(tally.granted))")) }
        if tally.payouts > 0 { parts.append(t("\(tally.payouts) payouts \(Yuan.format(tally.paid))", "发放 \(tally.payouts) 笔 \(Yuan.format(tally.paid))")) }
        return "  \(label)  " + parts.joined(separator: " · ") + tally.notes.map { "\n           ↳ \($0)" }.joined()
    }
}
