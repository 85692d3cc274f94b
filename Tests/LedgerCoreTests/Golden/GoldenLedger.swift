import LedgerCore
import LedgerCrypto
import LedgerTesting

/// A small ledger with one entry of every kind (and both forms of donation), built from fixed keys and fixed
/// times, so its bytes, hashes and signatures can be pinned.
///
/// The bodies refer to earlier entries (`prev`, an approval's `hash`, the checkpoint's `root`); ``body(_:links:)``
/// takes those from `links`, so the test can feed it the pinned literals and the pinned bytes stay the only truth.
enum GoldenLedger {
    /// The chain-derived values a body refers to.
    struct Links: Sendable {
        /// The entry hash of an earlier entry, by seq.
        var hash: @Sendable (Int) -> EntryHash
        /// The Merkle root of the entries before the checkpoint.
        var checkpointRoot: EntryHash
    }

    /// The TestKeys seed name of each entry's signer, by seq.
    static let signers = [
        "committee-1", "committee-1", "committee-2", "committee-1", "committee-2", "committee-1", "committee-1",
        "oversight-1", "committee-2", "oversight-2", "committee-3", "committee-1", "committee-1", "oversight-1",
        "committee-2", "committee-1", "committee-1", "committee-3", "oversight-1",
    ]

    /// A short name for each entry, by seq.
    static let names = [
        "genesis", "member.add", "member.update", "donation cash", "donation in_kind", "sale", "grant", "approve",
        "payout", "reject", "expense", "reversal", "key.add", "key.revoke", "policy.set", "fund.add", "member.add 2",
        "member.close", "checkpoint",
    ]

    static var count: Int { signers.count }

    static func signer(_ seq: Int) -> Ed25519.PrivateKey { TestKeys.key(signers[seq]) }

    /// The body of entry `seq`.
    static func body(_ seq: Int, links: Links) -> Body {
        let time = Timestamp(secondsSinceEpoch: Timestamp("2026-03-01T09:00:00Z")!.secondsSinceEpoch + Int64(seq) * 60)
        let prev = seq == 0 ? EntryHash.zero : links.hash(seq - 1)
        let memo = seq == 1 ? #"入社登记 "一户一档" \ 见纸质档案"# : nil
        return Body(seq: seq, prev: prev, time: time, author: TestKeys.id(signer(seq)), memo: memo,
            payload: payload(seq, links: links))
    }

    private static func payload(_ seq: Int, links: Links) -> Payload {
        switch seq {
        case 0:
            .genesis(Genesis(
                society: "石门村党群互助社", ledger: "5f2d8c0a9b3e4f1a6c7d8e9f0a1b2c3d",
                funds: [FundDescriptor(id: "general", name: "社区慈善基金"), FundDescriptor(id: "medical", name: "医疗救助金")],
                keys: [
                    TestKeys.descriptor(TestKeys.committee1, .committee, "陈"),
                    TestKeys.descriptor(TestKeys.committee2, .committee, "李"),
                    TestKeys.descriptor(TestKeys.committee3, .committee, "王"),
                    TestKeys.descriptor(TestKeys.oversight1, .oversight, "张"),
                    TestKeys.descriptor(TestKeys.oversight2, .oversight, "何"),
                ],
                policy: Policy()))
        case 1: .memberAdd(MemberAdd(member: "H001", name: "黄大伯", note: "三组"))
        case 2: .memberUpdate(MemberUpdate(member: "H001", note: "种植黄皮"))
        case 3: .donation(Donation(donor: "爱心企业", amount: 500_000, receipt: "R-2026-001"))
        case 4:
            .donation(Donation(donor: "某超市", amount: 30_000, form: .inKind, item: "大米", quantity: "50", unit: "kg"))
        case 5:
            .sale(Sale(member: "H001", product: "黄皮", quantity: "120", unit: "斤", amount: 96_000, buyer: "镇农贸市场",
                fee: 4_800, fund: "general"))
        case 6: .grant(Grant(member: "H001", amount: 100_000, fund: "general", purpose: "医疗救助"))
        case 7: .approve(Approve(target: 6, hash: links.hash(6)))
        case 8: .payout(Payout(member: "H001", amount: 50_000, method: .bank))
        case 9: .reject(Reject(target: 8, hash: links.hash(8), reason: "金额待核实"))
        case 10: .expense(Expense(fund: "general", amount: 12_000, payee: "村委会印刷店", purpose: "公示栏打印"))
        case 11: .reversal(Reversal(target: 3, reason: "捐赠退回"))
        case 12: .keyAdd(KeyAdd(key: TestKeys.descriptor(TestKeys.key("committee-4"), .committee, "赵")))
        case 13: .keyRevoke(KeyRevoke(key: TestKeys.id(TestKeys.oversight2), reason: "离任"))
        case 14: .policySet(PolicySet(policy: Policy(governanceCommittee: 2, governanceOversight: 1, moneyApprovals: 2)))
        case 15: .fundAdd(FundAdd(fund: FundDescriptor(id: "education", name: "助学基金")))
        case 16: .memberAdd(MemberAdd(member: "H002", name: "李阿婆"))
        case 17: .memberClose(MemberClose(member: "H002", reason: "迁出本村"))
        case 18: .checkpoint(Checkpoint(size: 18, root: links.checkpointRoot))
        default: preconditionFailure("the golden ledger has \(count) entries")
        }
    }
}
