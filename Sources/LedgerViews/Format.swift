import Foundation
import LedgerCore
import LedgerKit

/// Output for people: aligned tables (CJK characters count double), money as `¥1,234.50`, local times.
public enum Format {
    /// Prints rows under a header, each column padded to its widest cell; numeric columns right-aligned.
    /// Every cell goes through ``visible(_:)``.
    public static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = ([header] + rows).map { $0.map(visible) }
        let header = all[0]
        let rows = all.dropFirst()
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Text as a terminal may show it: each character no new entry may hold (``TextSafety``) written as `\u{202E}`,
    /// so a control or direction character kept in an older entry is seen rather than obeyed.
    public static func visible(_ text: String) -> String {
        guard TextSafety.firstRefused(in: text) != nil else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if TextSafety.isAllowed(scalar) { shown.unicodeScalars.append(scalar) } else {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return shown
    }

    /// Terminal columns a string takes: 2 for East Asian wide characters, 0 for combining marks.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if scalar.properties.generalCategory == .nonspacingMark { return width }
            return width + (isWide(scalar.value) ? 2 : 1)
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    public static func money(_ fen: Fen) -> String { Yuan.format(fen) }

    /// An entry time in the reader's local time zone, `2026-03-01 14:05`.
    public static func localTime(_ time: Timestamp) -> String { LocalDate.format(time) }

    /// The first 12 hex characters: enough for a person to compare, with the full hash in `--json` and `show`.
    public static func shortHash(_ hash: EntryHash) -> String { String(hash.hex.prefix(12)) }

    /// The name of a kind for people.
    public static func kindName(_ kind: Kind) -> String { kind.displayName.localized }

    /// "effective", "pending", "rejected", "reversed" for an entry, in the reader's language.
    public static func status(of seq: Int, kind: Kind, in state: LedgerState) -> String {
        if state.pending[seq] != nil { return t("pending", "待审批") }
        if state.rejected.contains(seq) { return t("rejected", "已驳回") }
        if state.reversed.contains(seq) { return t("reversed", "已冲正") }
        return t("effective", "已生效")
    }
}
