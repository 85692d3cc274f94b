import LedgerCrypto

/// Who must approve what (docs/FORMAT.md section 7).
public struct Policy: Sendable, Hashable, Codable {
    /// Distinct active committee keys needed to approve a governance entry.
    public var governanceCommittee: Int
    /// Distinct active oversight keys needed to approve a governance entry.
    public var governanceOversight: Int
    /// Distinct active oversight keys needed before money leaves a fund.
    public var moneyApprovals: Int

    public init(governanceCommittee: Int = 1, governanceOversight: Int = 1, moneyApprovals: Int = 1) {
        self.governanceCommittee = governanceCommittee
        self.governanceOversight = governanceOversight
        self.moneyApprovals = moneyApprovals
    }

    init(_ reader: FieldReader) throws(LedgerError) {
        var reader = reader
        var governance = try reader.object("governance")
        governanceCommittee = Int(try governance.integer("committee", in: 0...100))
        governanceOversight = Int(try governance.integer("oversight", in: 0...100))
        try governance.finish()
        moneyApprovals = Int(try reader.integer("money_approvals", in: 1...100))
        try reader.finish()
        guard governanceCommittee + governanceOversight > 0 else {
            throw FieldReader.shapeError("data.policy.governance", "needs at least one approval (committee and oversight are both 0)",
                "至少需要一个审批（管理委员会和运作监督组都为 0）")
        }
    }

    var json: JSONValue {
        [
            "governance": ["committee": .integer(Int64(governanceCommittee)), "oversight": .integer(Int64(governanceOversight))],
            "money_approvals": .integer(Int64(moneyApprovals)),
        ]
    }
}

/// A key as listed in genesis or `key.add`.
public struct KeyDescriptor: Sendable, Hashable, Codable {
    public var id: KeyID
    public var role: Role
    /// The person holding the key: keys with the same holder never approve each other's entries.
    public var holder: String
    /// The raw 32-byte Ed25519 public key.
    public var publicKey: [UInt8]

    public init(role: Role, holder: String, publicKey: [UInt8]) {
        self.id = Rules.keyID(publicKey: publicKey)
        self.role = role
        self.holder = holder
        self.publicKey = publicKey
    }

    init(_ reader: FieldReader, path: String) throws(LedgerError) {
        var reader = reader
        id = try reader.keyID("id")
        let roleName = try reader.choice("role", Role.allCases.map(\.rawValue))
        role = Role(rawValue: roleName)!
        holder = try reader.text("holder")
        publicKey = try reader.base64("pub", length: 32)
        try reader.finish()
        guard Rules.keyID(publicKey: publicKey) == id else {
            throw FieldReader.shapeError("data.\(path).id", "is not the key id of \"pub\"", "与“pub”的密钥编号不符")
        }
        do {
            _ = try Ed25519.PublicKey(rawRepresentation: publicKey)
        } catch {
            if let defect = error.keyDefect { throw LedgerError.weakKey(defect, field: "data.\(path).pub") }
            throw FieldReader.shapeError("data.\(path).pub", "is not an Ed25519 public key", "不是 Ed25519 公钥")
        }
    }

    var json: JSONValue {
        ["id": .string(id), "role": .string(role.rawValue), "holder": .string(holder), "pub": .string(Base64.encode(publicKey))]
    }
}

/// A fund as listed in genesis or `fund.add`.
public struct FundDescriptor: Sendable, Hashable, Codable {
    public var id: FundID
    public var name: String

    public init(id: FundID, name: String) {
        self.id = id
        self.name = name
    }

    init(_ reader: FieldReader) throws(LedgerError) {
        var reader = reader
        id = try reader.fundID("id")
        name = try reader.text("name")
        try reader.finish()
    }

    var json: JSONValue { ["id": .string(id), "name": .string(name)] }
}

/// `genesis`: founds the ledger, its keys, funds and policy.
public struct Genesis: Sendable, Hashable {
    public var society: String
    /// 32 random lowercase hex characters naming this ledger, so two societies' ledgers never collide.
    public var ledger: String
    public var currency: String
    public var funds: [FundDescriptor]
    public var keys: [KeyDescriptor]
    public var policy: Policy

    public init(society: String, ledger: String, funds: [FundDescriptor], keys: [KeyDescriptor], policy: Policy) {
        self.society = society
        self.ledger = ledger
        self.currency = "CNY"
        self.funds = funds
        self.keys = keys
        self.policy = policy
    }

    init(_ reader: inout FieldReader) throws(LedgerError) {
        society = try reader.text("society")
        ledger = try reader.token("ledger", LocalizedText(en: "32 lowercase hex characters", zh: "32 个小写十六进制字符")) {
            $0.utf8.count == 32 && $0.utf8.allSatisfy(Rules.isLowerHex)
        }
        currency = try reader.choice("currency", ["CNY"])
        funds = []
        for (index, element) in try reader.array("funds").enumerated() {
            funds.append(try FundDescriptor(FieldReader(element, path: "funds[\(index)]")))
        }
        keys = []
        for (index, element) in try reader.array("keys").enumerated() {
            let path = "keys[\(index)]"
            keys.append(try KeyDescriptor(FieldReader(element, path: path), path: path))
        }
        policy = try Policy(reader.object("policy"))
        guard funds.contains(where: { $0.id == "general" }) else {
            throw FieldReader.shapeError("data.funds", "must include the fund \"general\"", "必须包含“general”基金")
        }
        guard Set(funds.map(\.id)).count == funds.count else {
            throw FieldReader.shapeError("data.funds", "lists a fund id twice", "有重复的基金编号")
        }
        guard keys.contains(where: { $0.role == .committee }) else {
            throw FieldReader.shapeError("data.keys", "must list at least one committee key", "至少要有一个管理委员会密钥")
        }
        guard Set(keys.map(\.id)).count == keys.count else {
            throw FieldReader.shapeError("data.keys", "lists a key twice", "有重复的密钥")
        }
    }

    var json: JSONObject {
        [
            "society": .string(society), "ledger": .string(ledger), "currency": .string(currency),
            "funds": .array(funds.map(\.json)), "keys": .array(keys.map(\.json)), "policy": policy.json,
        ]
    }
}

/// `key.add`: a new key, active once governance approves it.
public struct KeyAdd: Sendable, Hashable {
    public var key: KeyDescriptor
    public init(key: KeyDescriptor) { self.key = key }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        key = try KeyDescriptor(reader.object("key"), path: "key")
    }
    var json: JSONObject { ["key": key.json] }
}

/// `key.revoke`: the key may no longer author or approve, once governance approves.
public struct KeyRevoke: Sendable, Hashable {
    public var key: KeyID
    public var reason: String
    public init(key: KeyID, reason: String) {
        self.key = key
        self.reason = reason
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        key = try reader.keyID("key")
        reason = try reader.text("reason")
    }
    var json: JSONObject { ["key": .string(key), "reason": .string(reason)] }
}

/// `policy.set`: replaces the policy, once governance approves.
public struct PolicySet: Sendable, Hashable {
    public var policy: Policy
    public init(policy: Policy) { self.policy = policy }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        policy = try Policy(reader.object("policy"))
    }
    var json: JSONObject { ["policy": policy.json] }
}
