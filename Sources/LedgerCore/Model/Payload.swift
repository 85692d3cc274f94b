/// The `data` of an entry, one case per kind, each with its own small struct.
public enum Payload: Sendable, Hashable {
    case genesis(Genesis)
    case keyAdd(KeyAdd)
    case keyRevoke(KeyRevoke)
    case policySet(PolicySet)
    case memberAdd(MemberAdd)
    case memberUpdate(MemberUpdate)
    case memberClose(MemberClose)
    case fundAdd(FundAdd)
    case donation(Donation)
    case sale(Sale)
    case grant(Grant)
    case payout(Payout)
    case expense(Expense)
    case reversal(Reversal)
    case approve(Approve)
    case reject(Reject)
    case checkpoint(Checkpoint)

    public var kind: Kind {
        switch self {
        case .genesis: .genesis
        case .keyAdd: .keyAdd
        case .keyRevoke: .keyRevoke
        case .policySet: .policySet
        case .memberAdd: .memberAdd
        case .memberUpdate: .memberUpdate
        case .memberClose: .memberClose
        case .fundAdd: .fundAdd
        case .donation: .donation
        case .sale: .sale
        case .grant: .grant
        case .payout: .payout
        case .expense: .expense
        case .reversal: .reversal
        case .approve: .approve
        case .reject: .reject
        case .checkpoint: .checkpoint
        }
    }

    /// Reads and checks the `data` object of an entry of `kind`.
    init(kind: Kind, data: JSONValue?) throws(LedgerError) {
        var reader = try FieldReader(data, path: "data")
        switch kind {
        case .genesis: self = .genesis(try Genesis(&reader))
        case .keyAdd: self = .keyAdd(try KeyAdd(&reader))
        case .keyRevoke: self = .keyRevoke(try KeyRevoke(&reader))
        case .policySet: self = .policySet(try PolicySet(&reader))
        case .memberAdd: self = .memberAdd(try MemberAdd(&reader))
        case .memberUpdate: self = .memberUpdate(try MemberUpdate(&reader))
        case .memberClose: self = .memberClose(try MemberClose(&reader))
        case .fundAdd: self = .fundAdd(try FundAdd(&reader))
        case .donation: self = .donation(try Donation(&reader))
        case .sale: self = .sale(try Sale(&reader))
        case .grant: self = .grant(try Grant(&reader))
        case .payout: self = .payout(try Payout(&reader))
        case .expense: self = .expense(try Expense(&reader))
        case .reversal: self = .reversal(try Reversal(&reader))
        case .approve: self = .approve(try Approve(&reader))
        case .reject: self = .reject(try Reject(&reader))
        case .checkpoint: self = .checkpoint(try Checkpoint(&reader))
        }
        try reader.finish()
    }

    /// The `data` object.
    public var data: JSONValue {
        switch self {
        case .genesis(let p): .object(p.json)
        case .keyAdd(let p): .object(p.json)
        case .keyRevoke(let p): .object(p.json)
        case .policySet(let p): .object(p.json)
        case .memberAdd(let p): .object(p.json)
        case .memberUpdate(let p): .object(p.json)
        case .memberClose(let p): .object(p.json)
        case .fundAdd(let p): .object(p.json)
        case .donation(let p): .object(p.json)
        case .sale(let p): .object(p.json)
        case .grant(let p): .object(p.json)
        case .payout(let p): .object(p.json)
        case .expense(let p): .object(p.json)
        case .reversal(let p): .object(p.json)
        case .approve(let p): .object(p.json)
        case .reject(let p): .object(p.json)
        case .checkpoint(let p): .object(p.json)
        }
    }

    /// The member this entry names directly, if any.
    public var member: MemberID? {
        switch self {
        case .memberAdd(let p): p.member
        case .memberUpdate(let p): p.member
        case .memberClose(let p): p.member
        case .sale(let p): p.member
        case .grant(let p): p.member
        case .payout(let p): p.member
        default: nil
        }
    }

    /// The entry this one refers to (approve, reject, reversal), if any.
    public var target: Int? {
        switch self {
        case .approve(let p): p.target
        case .reject(let p): p.target
        case .reversal(let p): p.target
        default: nil
        }
    }
}
