import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A fresh ledger for the load run: two committee keys (the appenders), one oversight key, 20 members and a
/// donation, all signed here with keys generated for the run.
struct BenchSociety: Sendable {
    let ledger: SQLiteLedger
    let committee: [Ed25519.PrivateKey]
    let foundingCount: Int

    init(path: String) throws {
        committee = [try Ed25519.PrivateKey(), try Ed25519.PrivateKey()]
        let oversight = try Ed25519.PrivateKey()
        let keys = committee.enumerated().map { KeyDescriptor(role: .committee, holder: "委员\($0.offset + 1)", publicKey: $0.element.publicKey.rawRepresentation) }
            + [KeyDescriptor(role: .oversight, holder: "监督", publicKey: oversight.publicKey.rawRepresentation)]
        let genesis = Genesis(society: "压力测试互助社", ledger: Hex.encode(try SecureRandom.bytes(16)),
            funds: [FundDescriptor(id: "general", name: "社区慈善基金")], keys: keys, policy: Policy())
        let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        ledger = try SQLiteLedger.create(at: path, genesis: try LedgerState().compose(.genesis(genesis), signer: committee[0], now: now), now: now)
        for number in 1...20 {
            try ledger.append(.memberAdd(MemberAdd(member: String(format: "H%03d", number), name: "农户\(number)")), signer: committee[0], now: now)
        }
        try ledger.append(.donation(Donation(donor: "爱心企业", amount: 1_000_000)), signer: committee[1], now: now)
        foundingCount = try ledger.count()
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
