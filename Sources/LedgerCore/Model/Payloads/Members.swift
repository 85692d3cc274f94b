/// `member.add`: a household joins, with balance 0.
public struct MemberAdd: Sendable, Hashable {
    public var member: MemberID
    /// A display name only: never an ID-card or phone number.
    public var name: String
    public var note: String?
    public init(member: MemberID, name: String, note: String? = nil) {
        self.member = member
        self.name = name
        self.note = note
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        name = try reader.text("name")
        note = try reader.optionalText("note")
    }
    var json: JSONObject {
        var fields: JSONObject = ["member": .string(member), "name": .string(name)]
        if let note { fields["note"] = .string(note) }
        return fields
    }
}

/// `member.update`: a new display name or note; at least one of them.
public struct MemberUpdate: Sendable, Hashable {
    public var member: MemberID
    public var name: String?
    public var note: String?
    public init(member: MemberID, name: String? = nil, note: String? = nil) {
        self.member = member
        self.name = name
        self.note = note
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        name = try reader.optionalText("name")
        note = try reader.optionalText("note")
        guard name != nil || note != nil else {
            throw FieldReader.shapeError("data.name", "or \"note\" must be given", "和“note”至少要有一个")
        }
    }
    var json: JSONObject {
        var fields: JSONObject = ["member": .string(member)]
        if let name { fields["name"] = .string(name) }
        if let note { fields["note"] = .string(note) }
        return fields
    }
}

/// `member.close`: only at balance 0; the member may not be named again.
public struct MemberClose: Sendable, Hashable {
    public var member: MemberID
    public var reason: String
    public init(member: MemberID, reason: String) {
        self.member = member
        self.reason = reason
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        reason = try reader.text("reason")
    }
    var json: JSONObject { ["member": .string(member), "reason": .string(reason)] }
}

/// `fund.add`: a new fund with balance 0, once the oversight group approves.
public struct FundAdd: Sendable, Hashable {
    public var fund: FundDescriptor
    public init(fund: FundDescriptor) { self.fund = fund }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        fund = try FundDescriptor(reader.object("fund"))
    }
    var json: JSONObject { ["fund": fund.json] }
}
