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
        let (y, m, d) = civil(fromDays: serial - (date1904 ? 24_107 : 25_569))
        return .date(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 → year, month, day (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// year, month, day → days since 1970-01-01.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The serial Excel (1900 system) gives a date from 1900-03-01 on.
    public static func serial(year: Int, month: Int, day: Int) -> Int { days(year: year, month: month, day: day) + 25_569 }
}
