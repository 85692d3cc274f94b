import Foundation
import LedgerCore

/// Comma-separated values as spreadsheets write and read them (RFC 4180): fields with commas, quotes or line
/// breaks are quoted, quotes are doubled, records end in CRLF (LF alone is accepted on reading).
public enum CSV {
    /// One record, CRLF-terminated. Text fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
    /// first) get a leading `'`, so a donor's name can never become a formula; `numeric` fields are left as they are.
    public static func record(_ fields: [String], numeric: Set<Int> = []) -> String {
        fields.enumerated().map { index, field in
            var text = field
            if !numeric.contains(index), let first = text.first, "=+-@".contains(first) { text = "'" + text }
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    /// A record read from a file, with the spreadsheet row number it starts on (the first record is row 1).
    public struct Row {
        public var number: Int
        public var fields: [String]
        /// Whether every field is empty (a blank line, or only commas).
        public var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    public struct Malformed: Error, Sendable {
        public var row: Int
        public var problem: LocalizedText
    }

    /// Splits text into records. A quoted field may hold commas, doubled quotes and line breaks; a quote
    /// anywhere else in a field, or an unclosed quote, is malformed.
    public static func parse(_ text: String) throws(Malformed) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var row = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            rows.append(Row(number: row, fields: fields))
            fields = []
            field = ""
            wasQuoted = false
            row = rows.count + 1
        }
        var atRecordStart = true
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            atRecordStart = false
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                endRecord()
                atRecordStart = true
            case "\n":
                endRecord()
                atRecordStart = true
            case "\"":
                guard field.isEmpty, !wasQuoted else {
                    throw Malformed(row: row, problem: LocalizedText("a quote (\") inside a field that does not start with one",
                        "字段中间出现了引号（\"），而该字段不是以引号开头"))
                }
                quoted = true
                wasQuoted = true
            default:
                guard !wasQuoted else {
                    throw Malformed(row: row, problem: LocalizedText("text after the closing quote of a field", "字段的结束引号后还有文字"))
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Malformed(row: row, problem: LocalizedText("a quote (\") is never closed", "引号（\"）没有闭合")) }
        if !atRecordStart { endRecord() }
        return rows
    }
}
