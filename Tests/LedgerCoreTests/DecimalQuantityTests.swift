import LedgerCore
import Testing

/// Produce quantities are summed exactly, on their decimal digits.
@Suite struct DecimalQuantityTests {
    func q(_ text: String) throws -> DecimalQuantity { try #require(DecimalQuantity(text), "\(text) should parse") }

    @Test func sumsAreExact() throws {
        #expect(try (q("120") + q("12.5") + q("7.375")).description == "139.875")
        // Ten times 0.1 is exactly 1, which binary floating point does not manage.
        var sum = DecimalQuantity.zero
        for _ in 0..<10 { sum += try q("0.1") }
        #expect(sum.description == "1")
        #expect(try (q("0.001") + q("0.999")).description == "1")
        #expect(try (q("999999999999.999") + q("0.001")).description == "1000000000000")
        #expect(try (q("999999999999.999") + q("999999999999.999")).description == "1999999999999.998")
    }

    @Test func reversalsSubtract() throws {
        #expect(try (q("30.5") - q("30.5")) == .zero)
        #expect(try (q("30.5") - q("30.5")).description == "0")
        #expect(try (q("1") - q("2.5")).description == "-1.5")
        #expect(try (q("2.5") - q("1")).description == "1.5")
        #expect(try (-q("3") + q("1.25")).description == "-1.75")
        #expect(try (q("100") - q("0.001")).description == "99.999")
        #expect(try q("1") - q("2") < q("0"))
        #expect(try q("2.5") > q("2.499"))
    }

    @Test func shortestFormIsPrinted() throws {
        #expect(try q("12.50").description == "12.5")
        #expect(try q("007").description == "7")
        #expect(try q("0.120").description == "0.12")
        #expect(try q("0").description == "0")
        #expect(try q("0.000") == .zero)
    }

    @Test(arguments: ["", "-1", "+1", "1e3", "1.2345", ".5", "5.", " 1", "1 ", "1,000", "١٢", "1.2.3", "NaN"])
    func nonDecimalsAreRefused(_ text: String) {
        #expect(DecimalQuantity(text) == nil)
    }
}
