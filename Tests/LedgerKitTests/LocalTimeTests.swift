import Foundation
import LedgerCore
import LedgerKit
import Testing

/// Times shown to people are worked out without a `DateFormatter` (it is the cost of a notice's rows); they must
/// read exactly as one writes them, in zones with summer time, half and quarter hours, and across the year.
@Suite struct LocalTimeTests {
    static let zones = ["UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
                        "Pacific/Chatham", "America/St_Johns"]

    @Test(arguments: zones)
    func aTimeReadsAsAFormatterWritesIt(_ name: String) throws {
        let zone = try #require(TimeZone(identifier: name))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var generator = SystemRandomNumberGenerator()
        // Every hour around two summer-time changes, and random seconds from 1970 to 2100.
        let hours = (0..<24 * 60).map { Int64(1_774_000_000 + $0 * 3_600) }
        let random = (0..<5_000).map { _ in Int64.random(in: 0...4_102_444_800, using: &generator) }
        for seconds in hours + random + [0, 951_782_400, 1_767_225_599] {
            let time = Timestamp(secondsSinceEpoch: seconds)
            let wanted = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(LocalDate.format(time, in: zone) == wanted, "\(name) \(seconds)")
            if LocalDate.format(time, in: zone) != wanted { break }
        }
    }
}
