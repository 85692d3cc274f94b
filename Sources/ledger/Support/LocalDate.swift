import Foundation
import ArgumentParser
import LedgerCore

/// Dates typed by people (`2026-03-01`) and periods (`2026-03`, `2026`), in the local time zone.
struct LocalDate: ExpressibleByArgument {
    /// The first second of the day, as a ledger timestamp.
    let start: Timestamp

    init?(argument: String) {
        guard let date = LocalDate.parse(argument, format: "yyyy-MM-dd") else { return nil }
        start = Timestamp(secondsSinceEpoch: Int64(date.timeIntervalSince1970))
    }

    /// The first second of the next day.
    var end: Timestamp {
        let next = Calendar.current.date(byAdding: .day, value: 1, to: Date(timeIntervalSince1970: TimeInterval(start.secondsSinceEpoch)))!
        return Timestamp(secondsSinceEpoch: Int64(next.timeIntervalSince1970))
    }

    static func parse(_ text: String, format: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = format
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}

/// A calendar month `YYYY-MM` in the local time zone, as a half-open range of ledger times.
struct Period: ExpressibleByArgument {
    let label: String
    let start: Timestamp
    let end: Timestamp

    init?(argument: String) {
        guard let first = LocalDate.parse(argument, format: "yyyy-MM"),
            let next = Calendar.current.date(byAdding: .month, value: 1, to: first)
        else { return nil }
        label = argument
        start = Timestamp(secondsSinceEpoch: Int64(first.timeIntervalSince1970))
        end = Timestamp(secondsSinceEpoch: Int64(next.timeIntervalSince1970))
    }

    /// The month containing `time`.
    static func containing(_ time: Timestamp) -> Period {
        Period(argument: String(Format.localTime(time).prefix(7)))!
    }

    func contains(_ time: Timestamp) -> Bool { time >= start && time < end }
}
