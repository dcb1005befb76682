// Every date calculation of the model, its reports and the spreadsheet bridge, in one place: whole days and the NHS
// financial year (April to March, months M1 = April to M12 = March). Dates are plain
// year-month-day values (`LiteralText.Date`): no time zones, no Foundation.

extension LiteralText.Date {
    /// Days since a fixed epoch (civil-from-days), for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra
    }

    /// Calendar days from `a` to `b`: positive when `b` is later.
    public static func days(from a: LiteralText.Date, to b: LiteralText.Date) -> Int { b.dayNumber - a.dayNumber }

    /// The date `days` days later.
    public func adding(days: Int) -> LiteralText.Date {
        // Civil-from-days, the inverse of `dayNumber`.
        let z = dayNumber + days
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return LiteralText.Date(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The financial year holding this date (FY22/23 is 2022).
    public var financialYear: Int { month >= 4 ? year : year - 1 }

    /// How many months of financial year `year` have begun by `asOf` (0 to 12): a month has
    /// begun when its first day is on or before the as-of date.
    public static func monthsBegun(year: Int, asOf: LiteralText.Date) -> Int {
        (1...12).filter { firstDay(ofMonth: $0, year: year) <= asOf }.count
    }

    /// The first day of month `n` (M1 = April) of financial year `year`.
    public static func firstDay(ofMonth n: Int, year: Int) -> LiteralText.Date {
        LiteralText.Date(year: n <= 9 ? year : year + 1, month: (n + 2) % 12 + 1, day: 1)
    }
}
