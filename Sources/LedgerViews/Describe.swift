import LedgerCore
import LedgerKit

/// One line saying what an entry does, for tables.
public enum Describe {
    public static func payload(_ payload: Payload?, state: LedgerState) -> String {
        guard let payload else { return "" }
        func who(_ member: MemberID) -> String { state.members[member].map { "\($0.name) (\(member))" } ?? member }
        switch payload {
        case .genesis(let g): return t("\(g.society) founded, \(g.keys.count) keys", "\(g.society)成立，\(g.keys.count) 个密钥")
        case .keyAdd(let k): return "\(k.key.holder) · \(k.key.role.rawValue) · \(k.key.id)"
        case .keyRevoke(let r): return "\(state.keys[r.key]?.holder ?? r.key) · \(r.key) · \(r.reason)"
        case .policySet(let p):
            return t("money approvals \(p.policy.moneyApprovals); governance \(p.policy.governanceCommittee)+\(p.policy.governanceOversight)",
                "资金审批 \(p.policy.moneyApprovals)；治理审批 \(p.policy.governanceCommittee)+\(p.policy.governanceOversight)")
        case .memberAdd(let m): return "\(m.name) (\(m.member))"
        case .memberUpdate(let m): return "\(who(m.member)) → \([m.name, m.note].compactMap { $0 }.joined(separator: " · "))"
        case .memberClose(let m): return "\(who(m.member)) · \(m.reason)"
        case .fundAdd(let f): return "\(f.fund.name) (\(f.fund.id))"
        case .donation(let d):
            let goods = d.item.map { " · \($0)\(d.quantity.map { " \($0)\(d.unit ?? "")" } ?? "")" } ?? ""
            return "\(d.donor) · \(Yuan.format(d.amount))\(goods) → \(d.fund)"
        case .sale(let s):
            let fee = (s.fee ?? 0) > 0 ? t(" (fee \(Yuan.format(s.fee!)))", "（服务费 \(Yuan.format(s.fee!))）") : ""
            return "\(who(s.member)) · \(s.product) \(s.quantity)\(s.unit) · \(Yuan.format(s.amount))\(fee)"
        case .grant(let g): return "\(who(g.member)) · \(Yuan.format(g.amount)) · \(g.purpose) ← \(g.fund)"
        case .payout(let p): return "\(who(p.member)) · \(Yuan.format(p.amount)) · \(p.method.rawValue)"
        case .expense(let e): return "\(e.payee) · \(Yuan.format(e.amount)) · \(e.purpose) ← \(e.fund)"
        case .reversal(let r): return t("undo entry \(r.target) · \(r.reason)", "冲正第 \(r.target) 条 · \(r.reason)")
        case .approve(let a): return t("approves entry \(a.target)", "审批第 \(a.target) 条")
        case .reject(let r): return t("rejects entry \(r.target) · \(r.reason)", "驳回第 \(r.target) 条 · \(r.reason)")
        case .checkpoint(let c): return t("\(c.size) entries · root \(c.root.hex.prefix(12))", "\(c.size) 条 · 根 \(c.root.hex.prefix(12))")
        }
    }
}
