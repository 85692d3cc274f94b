/// The kinds of entry in format v1 (docs/FORMAT.md section 6).
public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case genesis
    case keyAdd = "key.add"
    case keyRevoke = "key.revoke"
    case policySet = "policy.set"
    case memberAdd = "member.add"
    case memberUpdate = "member.update"
    case memberClose = "member.close"
    case fundAdd = "fund.add"
    case donation
    case sale
    case grant
    case payout
    case expense
    case reversal
    case approve
    case reject
    case checkpoint

    /// What must follow before an entry of this kind takes effect.
    public enum Approval: Sendable { case none, money, governance }

    public var approval: Approval {
        switch self {
        case .keyAdd, .keyRevoke, .policySet: .governance
        case .fundAdd, .grant, .payout, .expense, .reversal: .money
        default: .none
        }
    }

    /// The roles whose keys may author this kind. `approve` depends on its target and is checked there.
    public var authorRoles: Set<Role> {
        switch self {
        case .keyRevoke, .checkpoint, .approve: [.committee, .oversight]
        case .reject: [.oversight]
        default: [.committee]
        }
    }

    /// Kinds a `reversal` may undo.
    public var isReversible: Bool {
        switch self {
        case .donation, .sale, .grant, .payout, .expense: true
        default: false
        }
    }
}

/// The role a key belongs to; one key, one role.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case committee
    case oversight
}
