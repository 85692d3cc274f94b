import Foundation
import LedgerCore
import LedgerCrypto

/// Writes a realistic synthetic ledger as JSON Lines: 1,000 households, four funds, donations in cash and in
/// kind, produce sales with and without fees, grants, payouts and expenses approved by the oversight group,
/// member updates, and a checkpoint every 10,000 entries. Every entry passes the real rules.
struct SyntheticLedger {
    static let committee = (0..<3).map { SyntheticLedger.key("bench-committee-\($0)") }
    static let oversight = (0..<2).map { SyntheticLedger.key("bench-oversight-\($0)") }
    static let funds = ["general", "medical", "education", "elderly"]
    static let members = 1_000

    static func key(_ name: String) -> Ed25519.PrivateKey {
        try! Ed25519.PrivateKey(seed: SHA256.hash(Array(name.utf8)).bytes)
    }

    private var state = LedgerState()
    private var tree = MerkleTree()
    private var random = SplitMix64(seed: 42)
    private var clock = Timestamp("2020-01-01T00:00:00Z")!
    private var receipts = 0
    private let output: FileHandle
    private var buffer = Data()

    /// Writes `count` entries to `path`.
    static func write(count: Int, to path: String, progress: (Int) -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot write \(path)")
        }
        var ledger = SyntheticLedger(output: handle)
        try ledger.run(count: count, progress: progress)
        try handle.close()
    }

    private init(output: FileHandle) { self.output = output }

    private mutating func run(count: Int, progress: (Int) -> Void) throws {
        let keys = SyntheticLedger.committee.enumerated().map {
            KeyDescriptor(role: .committee, holder: "委员\($0.offset)", publicKey: $0.element.publicKey.rawRepresentation)
        } + SyntheticLedger.oversight.enumerated().map {
            KeyDescriptor(role: .oversight, holder: "监督\($0.offset)", publicKey: $0.element.publicKey.rawRepresentation)
        }
        try append(.genesis(Genesis(society: "基准测试互助社", ledger: String(repeating: "ab", count: 16),
            funds: SyntheticLedger.funds.map { FundDescriptor(id: $0, name: "基金 \($0)") }, keys: keys, policy: Policy())),
            by: SyntheticLedger.committee[0])
        for index in 0..<min(SyntheticLedger.members, count - 1) {
            try append(.memberAdd(MemberAdd(member: SyntheticLedger.memberID(index), name: "农户\(index)")), by: SyntheticLedger.committee[1])
        }
        while state.count < count {
            if state.count % 10_000 == 9_999 {
                try append(.checkpoint(Checkpoint(size: state.count, root: tree.root)), by: SyntheticLedger.oversight[0])
            } else {
                try step(remaining: count - state.count)
            }
            if state.count % 10_000 == 0 { progress(state.count) }
        }
        try flush()
    }

    static func memberID(_ index: Int) -> MemberID { String(format: "H%04d", index) }

    /// One realistic event; events that need approval write two entries when there is room.
    private mutating func step(remaining: Int) throws {
        let roll = Int.random(in: 0..<100, using: &random)
        let member = SyntheticLedger.memberID(Int.random(in: 0..<SyntheticLedger.members, using: &random))
        let fund = SyntheticLedger.funds[Int.random(in: 0..<SyntheticLedger.funds.count, using: &random)]
        let committee = SyntheticLedger.committee[Int.random(in: 0..<3, using: &random)]
        let amount = Fen.random(in: 1...500, using: &random) * 100
        switch roll {
        case 0..<25:
            receipts += 1
            try append(.donation(Donation(donor: "爱心企业\(roll)", amount: amount * 10, fund: fund,
                receipt: receipts % 2 == 0 ? "R\(receipts)" : nil)), by: committee)
        case 25..<30:
            try append(.donation(Donation(donor: "爱心超市", amount: amount, fund: fund, form: .inKind, item: "大米",
                quantity: "\(amount / 100)", unit: "斤")), by: committee)
        case 30..<60:
            try append(.sale(Sale(member: member, product: "黄皮", quantity: "\(amount / 800 + 1)", unit: "斤", amount: amount,
                buyer: roll % 2 == 0 ? "社区团购" : nil, fee: roll % 3 == 0 ? amount / 20 : nil)), by: committee)
        case 60..<72 where remaining >= 2 && state.funds[fund]!.cash >= amount:
            try appendApproved(.grant(Grant(member: member, amount: amount, fund: fund, purpose: "医疗救助")), by: committee)
        case 72..<84 where remaining >= 2 && (state.members[member]?.balance ?? 0) >= amount:
            try appendApproved(.payout(Payout(member: member, amount: amount, method: .bank)), by: committee)
        case 84..<90 where remaining >= 2 && state.funds[fund]!.cash >= amount:
            try appendApproved(.expense(Expense(fund: fund, amount: amount, payee: "物流站", purpose: "运费")), by: committee)
        case 90..<95:
            try append(.memberUpdate(MemberUpdate(member: member, note: "更新\(roll)")), by: committee)
        default:
            try append(.donation(Donation(donor: "爱心人士", amount: amount, fund: "general")), by: committee)
        }
    }

    private mutating func appendApproved(_ payload: Payload, by key: Ed25519.PrivateKey) throws {
        let entry = try append(payload, by: key)
        let approver = SyntheticLedger.oversight[Int.random(in: 0..<2, using: &random)]
        try append(.approve(Approve(target: entry.seq, hash: entry.hash)), by: approver)
    }

    @discardableResult
    private mutating func append(_ payload: Payload, by key: Ed25519.PrivateKey) throws -> Entry {
        clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 30)
        let entry = try state.compose(payload, signer: key, now: clock)
        let tree = self.tree
        try state.apply(entry, context: ApplyContext(
            mode: .verify, signature: .checked(valid: true), earlierPayload: { _ in nil }, merkleRoot: { tree.root(size: $0) }))
        self.tree.append(entry.hash)
        buffer.append(contentsOf: entry.bytes)
        buffer.append(0x0a)
        if buffer.count > 1 << 20 { try flush() }
        return entry
    }

    private mutating func flush() throws {
        try output.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
