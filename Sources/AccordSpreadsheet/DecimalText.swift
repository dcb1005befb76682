import AccordSyntax

/// DecimalText numbers as text, never as floating point: what workbooks hold (`1.5E6`, `-0.25`) made
/// plain (`1500000`, `-0.25`), and date serials turned into calendar dates.
public enum DecimalText {
    /// Plain decimal text for a number written with an optional sign, digits, a point and an
    /// exponent; nil for anything else or an exponent past ±400.
    public static func plain(_ text: String) -> String? {
        var scalars = Substring(text)
        var negative = false
        if scalars.first == "-" || scalars.first == "+" { negative = scalars.first == "-"; scalars = scalars.dropFirst() }
        var mantissa = scalars, exponent = 0
        if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(scalars[scalars.index(after: e)...]), abs(value) <= 400 else { return nil }
            exponent = value
            mantissa = scalars[..<e]
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, !mantissa.isEmpty, mantissa != "." else { return nil }
        let whole = pieces[0], fraction = pieces.count == 2 ? pieces[1] : ""
        guard (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var digits = Array(whole + fraction)
        var point = whole.count + exponent
        if point < 0 { digits = Array(repeating: "0", count: -point) + digits; point = 0 }
        if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
        var integer = String(digits[..<point]).drop { $0 == "0" }
        var decimals = Substring(String(digits[point...]))
        while decimals.last == "0" { decimals.removeLast() }
        if integer.isEmpty { integer = "0" }
        let result = String(integer) + (decimals.isEmpty ? "" : "." + decimals)
        return negative && result != "0" ? "-" + result : result
    }

    /// The calendar date of a serial (days since 1899-12-30, Excel's 1900 system with its
    /// phantom 1900-02-29, or since 1904-01-01); the time of day is dropped.
    static func serialDate(_ plain: String, date1904: Bool) -> Cell? {
        guard !plain.hasPrefix("-"), let days = Int(plain.prefix { $0 != "." }), days < 3_000_000 else { return nil }
        var serial = days
        if !date1904 {
            if serial == 60 { return .date(year: 1900, month: 2, day: 29) }  // Lotus 1-2-3's leap day, kept as written
            if serial < 60 { serial += 1 }
        }
        let date = excelEpoch.adding(days: serial + (date1904 ? 1_462 : 0))  // 1904-01-01 is 1,462 days on
        return .date(year: date.year, month: date.month, day: date.day)
    }

    /// Day 0 of Excel's 1900 date system (counted as if 1900 had no 29 February).
    static let excelEpoch = LiteralText.Date(year: 1899, month: 12, day: 30)

    /// The serial Excel (1900 system) gives a date from 1900-03-01 on.
    public static func serial(year: Int, month: Int, day: Int) -> Int { LiteralText.Date(year: year, month: month, day: day).dayNumber - excelEpoch.dayNumber }
}
