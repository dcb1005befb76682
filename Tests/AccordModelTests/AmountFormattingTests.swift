@testable import AccordModel
@testable import AccordNumbers
import Testing

@Suite struct AmountFormattingTests {
    @Test(arguments: [
        ("1234567", "£1,234,567", "£1,234,567.00"),
        ("1234567.5", "£1,234,567.50", "£1,234,567.50"),
        ("1425600", "£1,425,600", "£1,425,600.00"),
        ("600000", "£600,000", "£600,000.00"),
        ("0", "£0", "£0.00"),
        ("0.004", "£0", "£0.00"),
        ("0.005", "£0", "£0.00"),
        ("0.015", "£0.02", "£0.02"),
        ("999.995", "£1,000", "£1,000.00"),
        ("999", "£999", "£999.00"),
        ("1000", "£1,000", "£1,000.00"),
        ("100000", "£100,000", "£100,000.00"),
        ("1500000000", "£1,500,000,000", "£1,500,000,000.00"),
    ])
    func money(text: String, shown: String, withPennies: String) throws {
        let value = try #require(Exact.parseNumber(text))
        #expect(value.formattedMoney() == shown)
        #expect(value.formattedMoney(alwaysPennies: true) == withPennies)
    }

    @Test func negativeMoney() throws {
        #expect(Exact(-50_000).formattedMoney() == "-£50,000")
        #expect(try #require(Exact.parseMoney("£40k")).negated.formattedMoney(alwaysPennies: true) == "-£40,000.00")
        #expect(try q(-1, 3).formattedMoney() == "-£0.33")
        #expect(try q(-1, 300).formattedMoney() == "£0")  // rounds to zero: no sign
    }

    @Test(arguments: [
        (50_000, 750_000, "6.7%"), (1, 2, "50%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (1, 8, "12.5%"),
        (1, 1, "100%"), (0, 1, "0%"), (-3, 100, "-3%"), (33, 100, "33%"), (3, 2, "150%"),
        (1, 2000, "0%"), (3, 2000, "0.2%"), (-1, 3000, "0%"), (25, 1, "2,500%"),
        (1, 16, "6.2%"), (3, 16, "18.8%"),  // 6.25 and 18.75: ties go to the even tenth
    ] as [(Int128, Int128, String)])
    func percents(n: Int128, d: Int128, shown: String) throws {
        #expect(try q(n, d).formattedPercent() == shown)
    }

    @Test func percentPlaces() throws {
        #expect(try q(1, 3).formattedPercent(maxPlaces: 0) == "33%")
        #expect(try q(1, 3).formattedPercent(maxPlaces: 2) == "33.33%")
        #expect(try q(1, 16).formattedPercent(maxPlaces: 2) == "6.25%")
    }

    @Test func numbers() throws {
        #expect(Exact(12_000).formattedNumber() == "12,000")
        #expect(Exact(12_000).formattedNumber(grouping: false) == "12000")
        #expect(try q(3, 5).formattedNumber() == "0.6")
        #expect(try q(1, 3).formattedNumber() == "0.33")
        #expect(try q(-1_234_567_5, 10).formattedNumber(maxPlaces: 1) == "-1,234,567.5")
        #expect(try q(5, 2).formattedNumber(maxPlaces: 0) == "2")
        #expect(try q(-1, 1000).formattedNumber() == "0")
    }

    @Test func hugeValuesStillShow() throws {
        let max = try q(Int128.max)
        #expect(max.formattedMoney() == "£170,141,183,460,469,231,731,687,303,715,884,105,727")
        #expect(max.formattedPercent() == "17,014,118,346,046,923,173,168,730,371,588,410,572,700%")
    }
}
