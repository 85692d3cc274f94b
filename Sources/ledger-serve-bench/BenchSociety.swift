import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A fresh ledger for the load run: two committee keys (the appenders), one oversight key, 20 members (999 with a
/// history) and a donation, all signed here with keys generated for the run — then, with `--entries N`, a history of N more
/// entries (donations, sales, grants and their approvals) spread over the years before now at about 300 a
/// month, so that a month's notice is as long as a busy society's and the reads face a ledger of real length.
struct BenchSociety: Sendable {
    let ledger: SQLiteLedger
    let committee: [Ed25519.PrivateKey]
    let foundingCount: Int

    init(path: String, history: Int = 0, progress: (Int) -> Void = { _ in }) throws {
        committee = [try Ed25519.PrivateKey(), try Ed25519.PrivateKey()]
        let oversight = try Ed25519.PrivateKey()
        let keys = committee.enumerated().map { KeyDescriptor(role: .committee, holder: "委员\($0.offset + 1)", publicKey: $0.element.publicKey.rawRepresentation) }
            + [KeyDescriptor(role: .oversight, holder: "监督", publicKey: oversight.publicKey.rawRepresentation)]
        let genesis = Genesis(society: "压力测试互助社", ledger: Hex.encode(try SecureRandom.bytes(16)),
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")], keys: keys, policy: Policy())
        let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        // The history begins far enough back for 300 entries a month, and ends before now.
        let start = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - Int64(history) * 8_640 - 86_400)
        ledger = try SQLiteLedger.create(at: path, genesis: try LedgerState().compose(.genesis(genesis), signer: committee[0], now: start), now: start)
        // A village's households; with a history, as many as a large society has, so each one's page is a household's.
        let members = history > 0 ? 999 : 20
        try ledger.append(batch: (1...members).map { number in
            BatchItem(.memberAdd(MemberAdd(member: String(format: "H%03d", number), name: "农户\(number)")))
        }, signer: committee[0], now: start)
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: 1_000_000)), signer: committee[1], now: start)
        try Self.grow(ledger, by: history, members: members, committee: committee, oversight: oversight, from: start, progress: progress)
        foundingCount = try ledger.count()
    }

    /// Appends `count` entries in batches of 100 (one transaction each), 2.4 hours apart on average: 80 donations
    /// and sales, then 10 grants and the oversight approvals that make them take effect.
    private static func grow(_ ledger: SQLiteLedger, by count: Int, members: Int, committee: [Ed25519.PrivateKey], oversight: Ed25519.PrivateKey,
        from start: Timestamp, progress: (Int) -> Void) throws
    {
        var written = 0
        var round = 0
        while written < count {
            let time = Timestamp(secondsSinceEpoch: start.secondsSinceEpoch + Int64(written) * 8_640)
            let member = { (n: Int) in String(format: "H%03d", (round * 37 + n * 11) % members + 1) }
            let income = (0..<min(80, count - written)).map { n -> BatchItem in
                n % 2 == 0 ? BatchItem(.donation(Donation(donor: "爱心人士\(n % 13)", amount: Fen(1_000 + n * 10))))
                    : BatchItem(.sale(Sale(member: member(n), product: "黄皮", quantity: "12.5", unit: "斤", amount: 6_000, fee: 300)))
            }
            try ledger.append(batch: income, signer: committee[1], now: time)
            written += income.count
            let grants = (0..<min(10, (count - written) / 2)).map { n in
                BatchItem(.grant(Grant(member: member(n), amount: 500, purpose: "临时困难救助")))
            }
            if !grants.isEmpty {
                let proposed = try ledger.append(batch: grants, signer: committee[0], now: time)
                try ledger.append(batch: proposed.map { BatchItem(.approve(Approve(target: $0.entry.seq, hash: $0.entry.hash))) },
                    signer: oversight, now: time)
                written += 2 * grants.count
            }
            round += 1
            if round % 50 == 0 { progress(written) }
        }
    }

    /// "verifies", or the first failure, checking every entry from its bytes.
    func verify() throws -> String {
        var verifier = ChainVerifier()
        var failure: LedgerError?
        try ledger.forEachBatchWithHistory { batch, earlier throws(LedgerError) in
            if failure == nil { failure = withoutActuallyEscaping(earlier) { verifier.verify(batch: batch, earlierEntry: $0) } }
        }
        switch verifier.finish() {
        case .valid: return failure.map { "broken: \($0)" } ?? "verifies"
        case .invalid(let error): return "broken: \(error)"
        }
    }
}
