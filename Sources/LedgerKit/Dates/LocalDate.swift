import Foundation
import LedgerCore

/// Dates typed by people (`2026-03-01`) and periods (`2026-03`, `2026`), in the local time zone.
public struct LocalDate: Sendable {
    /// The first second of the day, as a ledger timestamp.
    public let start: Timestamp

    /// The day `YYYY-MM-DD` names, or `nil` for any other text.
    public init?(parsing text: String) {
        guard let date = LocalDate.parse(text, format: "yyyy-MM-dd") else { return nil }
        start = Timestamp(secondsSinceEpoch: Int64(date.timeIntervalSince1970))
    }

    /// The first second of the next day.
    public var end: Timestamp {
        let next = Calendar.current.date(byAdding: .day, value: 1, to: Date(timeIntervalSince1970: TimeInterval(start.secondsSinceEpoch)))!
        return Timestamp(secondsSinceEpoch: Int64(next.timeIntervalSince1970))
    }

    /// An entry time in the local time zone, `2026-03-01 14:05`.
    ///
    /// Worked out from the zone's offset at that instant and the ledger's own calendar arithmetic, not with a
    /// `DateFormatter`: a notice or statement formats thousands of times, and making a formatter costs more than
    /// the rest of a row.
    public static func format(_ time: Timestamp, in zone: TimeZone = .current) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch)))
        let local = Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + Int64(offset)).components
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(local.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(local.month))-\(two(local.day)) \(two(local.hour)):\(two(local.minute))"
    }

    public static func parse(_ text: String, format: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = format
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}

/// A calendar month `YYYY-MM` in the local time zone, as a half-open range of ledger times.
public struct Period: Sendable {
    /// `YYYY-MM`.
    public let label: String
    public let start: Timestamp
    public let end: Timestamp

    /// The month `YYYY-MM` names, or `nil` for any other text.
    public init?(parsing argument: String) {
        guard let first = LocalDate.parse(argument, format: "yyyy-MM"),
            let next = Calendar.current.date(byAdding: .month, value: 1, to: first)
        else { return nil }
        label = argument
        start = Timestamp(secondsSinceEpoch: Int64(first.timeIntervalSince1970))
        end = Timestamp(secondsSinceEpoch: Int64(next.timeIntervalSince1970))
    }

    /// The month containing `time`.
    public static func containing(_ time: Timestamp) -> Period {
        Period(parsing: String(LocalDate.format(time).prefix(7)))!
    }

    public func contains(_ time: Timestamp) -> Bool { time >= start && time < end }
}
