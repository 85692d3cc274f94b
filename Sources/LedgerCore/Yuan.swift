import Foundation

/// Amounts for people: fen shown as `¥1,234.50`, and yuan typed as `1200`, `35.5` or `0.01`.
public enum Yuan {
    /// Formats fen as `¥1,234.50` (`-¥5.00` for a negative amount).
    public static func format(_ fen: Fen) -> String {
        let magnitude = fen.magnitude
        let whole = String(magnitude / 100)
        var grouped = ""
        for (index, char) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(char)
        }
        let cents = magnitude % 100
        return "\(fen < 0 ? "-" : "")¥\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Formats fen as a plain decimal yuan figure, `1234.50`, for spreadsheets.
    public static func plain(_ fen: Fen) -> String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(fen < 0 ? "-" : "")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Parses an amount typed in yuan into fen.
    ///
    /// Accepts digits with at most two decimals (`1200`, `35.5`, `0.01`, and `1,200.00`); refuses zero,
    /// negatives, more than two decimals, anything non-numeric, and amounts outside ``Rules/amountRange``.
    /// - Returns: the fen, or `nil` when the text is not such an amount.
    public static func parse(_ text: String) -> Fen? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        let cleanedBare = cleaned.hasPrefix("¥") ? String(cleaned.dropFirst()) : cleaned
        let parts = cleanedBare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 10,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fen = Int64(whole)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fen += Int64(fraction.count == 1 ? "\(fraction)0" : String(fraction))!
        }
        return Rules.amountRange.contains(fen) ? fen : nil
    }
}
