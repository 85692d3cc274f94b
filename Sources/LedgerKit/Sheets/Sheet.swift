import Foundation
import LedgerCore
import LedgerStore

/// A spreadsheet of sales or donations as volunteers keep them: a header row naming the columns (in Chinese or
/// English, in any order), then one row per sale or donation.
///
/// ``check(_:state:)`` reads every row before anything is written and collects every problem with its
/// spreadsheet row number (the header is row 1) and column, so one pass shows everything to fix.
public struct Sheet {
    /// A column a sheet may have, with the header names that mean it.
    public struct Column: Sendable {
        public let key: String
        public let english: String
        public let chinese: String
        public let aliases: [String]
        public let required: Bool

        public var names: [String] { [english, chinese] + aliases }
        /// `数量 (quantity)` in Chinese, `quantity (数量)` in English.
        public var label: LocalizedText { LocalizedText("\(english) (\(chinese))", "\(chinese)（\(english)）") }
    }

    public enum Kind: Sendable {
        case sales, donations

        public var columns: [Column] {
            switch self {
            case .sales:
                [Sheet.member, Column(key: "product", english: "product", chinese: "产品", aliases: ["品名", "农产品", "商品", "产品名称"], required: true),
                 Sheet.quantity(required: true), Sheet.unit(required: true), Sheet.amount(aliases: ["销售额", "销售金额", "总价", "sale amount"]),
                 Column(key: "fee", english: "fee", chinese: "服务费", aliases: ["手续费", "service fee"], required: false),
                 Column(key: "buyer", english: "buyer", chinese: "购买方", aliases: ["买方", "客户", "购买人", "customer"], required: false),
                 Sheet.fund, Sheet.memo, Sheet.date, Sheet.number]
            case .donations:
                [Column(key: "donor", english: "donor", chinese: "捐赠方", aliases: ["捐赠人", "捐款人", "捐赠单位", "捐赠者"], required: true),
                 Sheet.amount(aliases: ["捐赠金额", "捐款金额", "估值", "价值", "value"]),
                 Column(key: "item", english: "item", chinese: "物资", aliases: ["物品", "捐赠物资", "in kind", "in-kind", "goods"], required: false),
                 Sheet.quantity(required: false), Sheet.unit(required: false),
                 Column(key: "receipt", english: "receipt", chinese: "收据编号", aliases: ["收据", "收据号", "receipt number"], required: false),
                 Sheet.fund, Sheet.memo, Sheet.date, Sheet.number]
            }
        }
    }

    public static let member = Column(key: "member", english: "member", chinese: "成员", aliases: ["成员编号", "农户", "户号", "农户编号", "member id", "household"], required: true)
    public static func quantity(required: Bool) -> Column {
        Column(key: "quantity", english: "quantity", chinese: "数量", aliases: ["qty"], required: required)
    }
    public static func unit(required: Bool) -> Column { Column(key: "unit", english: "unit", chinese: "单位", aliases: [], required: required) }
    public static func amount(aliases: [String]) -> Column {
        Column(key: "amount", english: "amount", chinese: "金额", aliases: aliases, required: true)
    }
    public static let fund = Column(key: "fund", english: "fund", chinese: "基金", aliases: ["基金编号"], required: false)
    public static let memo = Column(key: "memo", english: "memo", chinese: "备注", aliases: ["note", "notes", "说明"], required: false)
    /// The day of the sale or gift, kept in the memo (the entry's own time is when it was recorded).
    public static let date = Column(key: "date", english: "date", chinese: "日期", aliases: ["销售日期", "捐赠日期"], required: false)
    /// A row number column, which spreadsheets often have; ignored.
    public static let number = Column(key: "number", english: "no", chinese: "序号", aliases: ["#", "no.", "number"], required: false)

    /// One checked row, ready to record.
    public struct Line {
        public var row: Int
        public var item: BatchItem
    }

    /// Every problem found, one sentence each.
    public struct Problems: Error, Sendable {
        public var sentences: [LocalizedText]
    }

    public let kind: Kind

    public init(kind: Kind) { self.kind = kind }

    /// Reads the header and every row; returns the lines to record, or every problem found.
    public func check(_ rows: [CSV.Row], state: LedgerState) throws(Problems) -> [Line] {
        guard let header = rows.first, !header.isBlank else {
            throw Problems(sentences: [LocalizedText("row 1: the header row is missing (the first row must name the columns)",
                "第 1 行：缺少表头（第一行应写明各列名称）")])
        }
        let columns = kind.columns
        var index: [String: Int] = [:]
        var problems: [LocalizedText] = []
        for (position, cell) in header.fields.enumerated() {
            let name = Sheet.normalized(cell)
            if name.isEmpty { continue }
            guard let column = columns.first(where: { $0.names.contains { Sheet.normalized($0) == name } }) else {
                problems.append(LocalizedText("row 1, column \(position + 1) “\(cell)”: not a column of this sheet; the columns are \(columns.map(\.label.english).joined(separator: ", "))",
                    "第 1 行第 \(position + 1) 列“\(cell)”：不是本表的列；可用的列为 \(columns.map(\.label.chinese).joined(separator: "、"))"))
                continue
            }
            if let earlier = index[column.key] {
                problems.append(LocalizedText("row 1: columns \(earlier + 1) and \(position + 1) both mean \(column.label.english)",
                    "第 1 行：第 \(earlier + 1) 列和第 \(position + 1) 列都表示\(column.label.chinese)"))
            }
            index[column.key] = position
        }
        for column in columns where column.required && index[column.key] == nil {
            problems.append(LocalizedText("row 1: the column \(column.label.english) is missing", "第 1 行：缺少\(column.label.chinese)列"))
        }
        guard problems.isEmpty else { throw Problems(sentences: problems) }

        // Blank rows at the end are what spreadsheets leave behind; a blank row before data is a mistake.
        let body = Array(rows.dropFirst())
        let lastFilled = body.lastIndex { !$0.isBlank } ?? -1
        var lines: [Line] = []
        var receipts: [String: Int] = [:]
        for row in body.prefix(lastFilled + 1) {
            if row.isBlank {
                problems.append(LocalizedText("row \(row.number) is empty: remove it (rows after it would otherwise be read as part of the sheet)",
                    "第 \(row.number) 行是空行：请删除（否则其后的行也会被当作本表的内容）"))
                continue
            }
            var reader = RowReader(row: row, header: header.fields, index: index, state: state)
            if row.fields.count < header.fields.count {
                reader.rowProblem(LocalizedText("has \(row.fields.count) cells but the header has \(header.fields.count): a column is missing",
                    "只有 \(row.fields.count) 格，而表头有 \(header.fields.count) 列：缺少一列"))
            } else if row.fields.dropFirst(header.fields.count).contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                reader.rowProblem(LocalizedText("has \(row.fields.count) cells but the header has \(header.fields.count): a cell has no column",
                    "有 \(row.fields.count) 格，而表头只有 \(header.fields.count) 列：有内容不在任何一列下"))
            } else {
                let payload = kind == .sales ? reader.sale() : reader.donation()
                let memo = reader.memo()
                if case .donation(let donation) = payload, let receipt = donation.receipt {
                    if let first = receipts[receipt] {
                        reader.problem("receipt", LocalizedText("the receipt number \(receipt) is also on row \(first)", "收据编号 \(receipt) 与第 \(first) 行重复"))
                    }
                    receipts[receipt] = receipts[receipt] ?? row.number
                }
                if let payload, reader.problems.isEmpty { lines.append(Line(row: row.number, item: BatchItem(payload, memo: memo))) }
            }
            problems += reader.problems
        }
        guard problems.isEmpty else { throw Problems(sentences: problems) }
        guard !lines.isEmpty else {
            throw Problems(sentences: [LocalizedText("the sheet has a header but no rows to record", "表格只有表头，没有要录入的行")])
        }
        return lines
    }

    /// A header name compared loosely: case, spaces, and a unit in brackets (`金额（元）`, `Amount (yuan)`) ignored.
    public static func normalized(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for (open, close) in [("(", ")"), ("（", "）"), ("[", "]")] {
            if let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return text.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
    }
}

/// Reads one row's cells by column, collecting a sentence for each problem.
public struct RowReader {
    public let row: CSV.Row
    public let header: [String]
    public let index: [String: Int]
    public let state: LedgerState
    public private(set) var problems: [LocalizedText] = []

    public init(row: CSV.Row, header: [String], index: [String: Int], state: LedgerState) {
        self.row = row
        self.header = header
        self.index = index
        self.state = state
    }

    public mutating func rowProblem(_ sentence: LocalizedText) {
        problems.append(LocalizedText("row \(row.number): \(sentence.english)", "第 \(row.number) 行：\(sentence.chinese)"))
    }

    public mutating func problem(_ key: String, _ sentence: LocalizedText) {
        let name = index[key].map { header[$0].trimmingCharacters(in: .whitespaces) } ?? key
        problems.append(LocalizedText("row \(row.number), column “\(name)”: \(sentence.english)", "第 \(row.number) 行“\(name)”列：\(sentence.chinese)"))
    }

    /// The trimmed cell, or `nil` when the column is absent or the cell empty.
    public func cell(_ key: String) -> String? {
        guard let position = index[key], position < row.fields.count else { return nil }
        let text = row.fields[position].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    public mutating func text(_ key: String, required: Bool, max: Int = Rules.maxTextLength) -> String? {
        guard let text = cell(key) else {
            if required { problem(key, LocalizedText("is empty", "为空")) }
            return nil
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problem(key, LocalizedText("contains a line break or another control character", "含有换行或其他控制字符"))
            return nil
        }
        if text.unicodeScalars.count > max {
            problem(key, LocalizedText("is longer than \(max) characters", "超过 \(max) 个字符"))
            return nil
        }
        return text
    }

    public mutating func amount(_ key: String, required: Bool, zeroAllowed: Bool = false) -> Fen? {
        guard let text = cell(key) else {
            if required { problem(key, LocalizedText("is empty", "为空")) }
            return nil
        }
        if zeroAllowed, let zero = DecimalQuantity(text.replacingOccurrences(of: "¥", with: "")), zero == .zero { return 0 }
        guard let fen = Yuan.parse(text) else {
            problem(key, LocalizedText("“\(text)” is not an amount in yuan (more than 0, at most two decimals, such as 960 or 35.5)",
                "“\(text)”不是以元为单位的金额（须大于 0，最多两位小数，如 960 或 35.5）"))
            return nil
        }
        return fen
    }

    /// A quantity in its shortest exact form (`12.50` → `12.5`).
    public mutating func quantity(_ key: String, required: Bool) -> String? {
        guard let text = cell(key) else {
            if required { problem(key, LocalizedText("is empty", "为空")) }
            return nil
        }
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard let value = DecimalQuantity(plain), Rules.isQuantity(value.description) else {
            problem(key, LocalizedText("“\(text)” is not a quantity (a number more than 0 with at most 3 decimals, such as 120 or 12.5)",
                "“\(text)”不是数量（须为大于 0、最多 3 位小数的数字，如 120 或 12.5）"))
            return nil
        }
        return value.description
    }

    public mutating func member() -> MemberID? {
        guard let text = text("member", required: true) else { return nil }
        if let record = state.members[text] ?? uniqueNamed(text) {
            if record.closed { problem("member", LocalizedText("member \(record.id) (\(record.name)) is closed", "成员 \(record.id)（\(record.name)）已关闭")) }
            return record.id
        }
        let named = state.members.values.filter { $0.name == text }.map(\.id).sorted()
        if named.count > 1 {
            problem("member", LocalizedText("\(named.count) members are called \(text) (\(named.joined(separator: ", "))): use the member id",
                "有 \(named.count) 位成员都叫“\(text)”（\(named.joined(separator: "、"))）：请填写成员编号"))
        } else {
            problem("member", LocalizedText("no member has the id or name \(text) (see `ledger member list`)",
                "没有编号或称呼为“\(text)”的成员（见 `ledger member list`）"))
        }
        return nil
    }

    private func uniqueNamed(_ name: String) -> LedgerState.MemberRecord? {
        let named = state.members.values.filter { $0.name == name }
        return named.count == 1 ? named.first : nil
    }

    public mutating func fund() -> FundID {
        guard let fund = text("fund", required: false) else { return "general" }
        if state.funds[fund] == nil {
            problem("fund", LocalizedText("there is no fund \(fund) (see `ledger funds`)", "没有基金 \(fund)（见 `ledger funds`）"))
        }
        return fund
    }

    public mutating func sale() -> Payload? {
        let member = member()
        let product = text("product", required: true)
        let quantity = quantity("quantity", required: true)
        let unit = text("unit", required: true, max: 16)
        let amount = amount("amount", required: true)
        var fee = self.amount("fee", required: false, zeroAllowed: true)
        let buyer = text("buyer", required: false)
        let fund = cell("fund") == nil ? nil : fund()
        if let fee, let amount, fee > amount {
            problem("fee", LocalizedText("the fee \(Yuan.format(fee)) is more than the amount \(Yuan.format(amount))",
                "服务费 \(Yuan.format(fee)) 大于金额 \(Yuan.format(amount))"))
        }
        if fee == 0 { fee = nil }
        guard let member, let product, let quantity, let unit, let amount else { return nil }
        return .sale(Sale(member: member, product: product, quantity: quantity, unit: unit, amount: amount, buyer: buyer, fee: fee,
            fund: fund))
    }

    public mutating func donation() -> Payload? {
        let donor = text("donor", required: true)
        let amount = amount("amount", required: true)
        let fund = fund()
        let item = text("item", required: false)
        let quantity = quantity("quantity", required: false)
        let unit = text("unit", required: false, max: 16)
        let receipt = text("receipt", required: false, max: 64)
        if item == nil, quantity != nil || unit != nil {
            problem(quantity != nil ? "quantity" : "unit", LocalizedText("a quantity and unit belong to goods: fill in the item too, or leave them empty",
                "数量和单位只用于物资捐赠：请同时填写物资，或留空"))
        }
        if (quantity == nil) != (unit == nil), item != nil {
            problem(quantity == nil ? "quantity" : "unit", LocalizedText("a quantity needs its unit, and a unit its quantity", "数量和单位须同时填写"))
        }
        guard let donor, let amount else { return nil }
        return .donation(Donation(donor: donor, amount: amount, fund: fund, form: item == nil ? .cash : .inKind, item: item,
            quantity: quantity, unit: unit, receipt: receipt))
    }

    /// The memo: the row's date (`2026-03-01`) and its note, joined.
    public mutating func memo() -> String? {
        var parts: [String] = []
        if let text = cell("date") {
            if let day = RowReader.day(text) { parts.append(day) } else {
                problem("date", LocalizedText("“\(text)” is not a date (write it as 2026-03-01)", "“\(text)”不是日期（请写成 2026-03-01）"))
            }
        }
        if let note = text("memo", required: false, max: Rules.maxMemoLength) { parts.append(note) }
        let memo = parts.joined(separator: " · ")
        if memo.unicodeScalars.count > Rules.maxMemoLength {
            problem("memo", LocalizedText("is longer than \(Rules.maxMemoLength) characters", "超过 \(Rules.maxMemoLength) 个字符"))
        }
        return memo.isEmpty ? nil : memo
    }

    /// A day as spreadsheets write it (`2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`), as `YYYY-MM-DD`.
    public static func day(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "日", with: "").split { "-/.年月".contains($0) }.map(String.init)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts[1].count <= 2, parts[2].count <= 2, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let normalized = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return LocalDate(parsing: normalized) == nil ? nil : normalized
    }
}
