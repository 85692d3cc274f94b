/// `donation`: cash raises the fund's balance; in-kind raises only its in-kind valuation.
public struct Donation: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable, CaseIterable {
        case cash
        case inKind = "in_kind"
    }
    public var donor: String
    public var amount: Fen
    public var fund: FundID
    public var form: Form
    /// What was given, for an in-kind donation (required there, absent for cash).
    public var item: String?
    public var quantity: String?
    public var unit: String?
    /// A receipt number, never used twice in one ledger.
    public var receipt: String?

    public init(donor: String, amount: Fen, fund: FundID = "general", form: Form = .cash, item: String? = nil,
        quantity: String? = nil, unit: String? = nil, receipt: String? = nil)
    {
        self.donor = donor
        self.amount = amount
        self.fund = fund
        self.form = form
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.receipt = receipt
    }

    init(_ reader: inout FieldReader) throws(LedgerError) {
        donor = try reader.text("donor")
        amount = try reader.amount("amount")
        fund = try reader.fundID()
        form = Form(rawValue: try reader.choice("form", Form.allCases.map(\.rawValue)))!
        item = try reader.optionalText("item")
        quantity = try reader.optionalToken("quantity", quantityForm, Rules.isQuantity)
        unit = try reader.optionalText("unit", max: 16)
        receipt = try reader.optionalText("receipt", max: 64)
        switch form {
        case .inKind:
            guard item != nil else {
                throw FieldReader.shapeError("data.item", "is required for an in-kind donation", "实物捐赠必须填写")
            }
        case .cash:
            guard item == nil, quantity == nil, unit == nil else {
                throw FieldReader.shapeError("data.item", "(and quantity, unit) belong to in-kind donations only",
                    "（以及数量、单位）只用于实物捐赠")
            }
        }
        guard (quantity == nil) == (unit == nil) else {
            throw FieldReader.shapeError("data.quantity", "and \"unit\" go together", "和“unit”必须同时填写")
        }
    }

    var json: JSONObject {
        var fields: JSONObject = [
            "donor": .string(donor), "amount": .integer(amount), "fund": .string(fund), "form": .string(form.rawValue),
        ]
        if let item { fields["item"] = .string(item) }
        if let quantity { fields["quantity"] = .string(quantity) }
        if let unit { fields["unit"] = .string(unit) }
        if let receipt { fields["receipt"] = .string(receipt) }
        return fields
    }
}

let quantityForm = LocalizedText(
    en: "a positive decimal such as \"120\" or \"12.5\" (at most 3 decimals)", zh: "正的十进制数，如“120”或“12.5”（最多 3 位小数）")

/// `sale`: produce sold for a household; the member receives the amount less the society's fee.
public struct Sale: Sendable, Hashable {
    public var member: MemberID
    public var product: String
    public var quantity: String
    public var unit: String
    public var amount: Fen
    public var buyer: String?
    /// The society's fee, `0 ... amount`, credited to ``fund``.
    public var fee: Fen?
    /// The fund that receives the fee; `general` when absent.
    public var fund: FundID?

    public init(member: MemberID, product: String, quantity: String, unit: String, amount: Fen, buyer: String? = nil,
        fee: Fen? = nil, fund: FundID? = nil)
    {
        self.member = member
        self.product = product
        self.quantity = quantity
        self.unit = unit
        self.amount = amount
        self.buyer = buyer
        self.fee = fee
        self.fund = fund
    }

    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        product = try reader.text("product")
        quantity = try reader.token("quantity", quantityForm, Rules.isQuantity)
        unit = try reader.text("unit", max: 16)
        amount = try reader.amount("amount")
        buyer = try reader.optionalText("buyer")
        fee = try reader.optionalInteger("fee", in: 0...Rules.amountRange.upperBound)
        fund = try reader.optionalToken("fund", LocalizedText(en: "a fund id", zh: "基金编号"), Rules.isFundID)
        if let fee, fee > amount {
            throw FieldReader.shapeError("data.fee", "cannot be more than the amount", "不能大于金额")
        }
    }

    /// The fund credited with the fee.
    public var feeFund: FundID { fund ?? "general" }
    /// What the household receives.
    public var proceeds: Fen { amount - (fee ?? 0) }

    var json: JSONObject {
        var fields: JSONObject = [
            "member": .string(member), "product": .string(product), "quantity": .string(quantity),
            "unit": .string(unit), "amount": .integer(amount),
        ]
        if let buyer { fields["buyer"] = .string(buyer) }
        if let fee { fields["fee"] = .integer(fee) }
        if let fund { fields["fund"] = .string(fund) }
        return fields
    }
}

/// `grant`: money from a fund to a household, once the oversight group approves.
public struct Grant: Sendable, Hashable {
    public var member: MemberID
    public var amount: Fen
    public var fund: FundID
    /// A category such as 医疗救助 or 助学, never a diagnosis.
    public var purpose: String
    public init(member: MemberID, amount: Fen, fund: FundID = "general", purpose: String) {
        self.member = member
        self.amount = amount
        self.fund = fund
        self.purpose = purpose
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        amount = try reader.amount("amount")
        fund = try reader.fundID()
        purpose = try reader.text("purpose")
    }
    var json: JSONObject {
        ["member": .string(member), "amount": .integer(amount), "fund": .string(fund), "purpose": .string(purpose)]
    }
}

/// `payout`: money the society holds for a household is handed to it.
public struct Payout: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case cash, bank, mobile
    }
    public var member: MemberID
    public var amount: Fen
    public var method: Method
    public init(member: MemberID, amount: Fen, method: Method) {
        self.member = member
        self.amount = amount
        self.method = method
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        member = try reader.memberID()
        amount = try reader.amount("amount")
        method = Method(rawValue: try reader.choice("method", Method.allCases.map(\.rawValue)))!
    }
    var json: JSONObject {
        ["member": .string(member), "amount": .integer(amount), "method": .string(method.rawValue)]
    }
}

/// `expense`: money leaves a fund for the society's own costs.
public struct Expense: Sendable, Hashable {
    public var fund: FundID
    public var amount: Fen
    public var payee: String
    public var purpose: String
    public init(fund: FundID = "general", amount: Fen, payee: String, purpose: String) {
        self.fund = fund
        self.amount = amount
        self.payee = payee
        self.purpose = purpose
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        fund = try reader.fundID()
        amount = try reader.amount("amount")
        payee = try reader.text("payee")
        purpose = try reader.text("purpose")
    }
    var json: JSONObject {
        ["fund": .string(fund), "amount": .integer(amount), "payee": .string(payee), "purpose": .string(purpose)]
    }
}

/// `reversal`: undoes an effective donation, sale, grant, payout or expense, once approved.
public struct Reversal: Sendable, Hashable {
    public var target: Int
    public var reason: String
    public init(target: Int, reason: String) {
        self.target = target
        self.reason = reason
    }
    init(_ reader: inout FieldReader) throws(LedgerError) {
        target = try reader.seq("target")
        reason = try reader.text("reason")
    }
    var json: JSONObject { ["target": .integer(Int64(target)), "reason": .string(reason)] }
}
