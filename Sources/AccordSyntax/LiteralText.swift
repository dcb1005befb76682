/// Reading the text of date-like literals. Lives in the front end because the lexer validates
/// these literals, the formatter normalises them, and duplicate-key checks compare them.
public enum LiteralText {
    public struct Date: Hashable, Sendable, Comparable {
        public var year: Int, month: Int, day: Int
        public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
        /// `2022-09-30`; a year before 1000 keeps four digits (`0999-01-01`), as it was written.
        public var iso: String { "\(fourDigits(year))-\(twoDigits(month))-\(twoDigits(day))" }
        public static func < (a: Date, b: Date) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    public struct Month: Hashable, Sendable, Comparable {
        public var year: Int, month: Int
        public init(year: Int, month: Int) { self.year = year; self.month = month }
        /// `2022-09`.
        public var iso: String { "\(fourDigits(year))-\(twoDigits(month))" }
        public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
    }

    /// `2022-09-30` → (2022, 9, 30), with month 1–12 and day 1–31 (calendar validity is separate).
    public static func date(_ text: String) -> Date? {
        // Read from the bytes (every date of a plan comes through here): `YYYY-MM-DD`, each field
        // as `Int(_:)` reads it.
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let y = field(bytes, 0..<4), let m = field(bytes, 5..<7), let d = field(bytes, 8..<10),
                  (1...12).contains(m), (1...31).contains(d) else { return nil }
            return Date(year: y, month: m, day: d)
        }
    }

    /// `2022-09` → (2022, 9).
    public static func month(_ text: String) -> Month? {
        var text = text
        return text.withUTF8 { bytes -> Month? in
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
                  let y = field(bytes, 0..<4), let m = field(bytes, 5..<7), (1...12).contains(m) else { return nil }
            return Month(year: y, month: m)
        }
    }

    /// The number in `bytes[range]` read as `Int(_:)` would: an optional `+`, then ASCII digits.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let start = bytes[range.lowerBound] == UInt8(ascii: "+") ? range.lowerBound + 1 : range.lowerBound
        guard start < range.upperBound else { return nil }
        return digits(bytes, start..<range.upperBound)
    }

    /// The calendar year a financial year starts in: `FY22/23` and `2022/23` → 2022.
    public static func financialYearStart(_ text: String) -> Int? {
        guard let (first, second) = financialYearHalves(text), (first + 1) % 100 == second else { return nil }
        return first
    }

    /// The two halves of a financial year as written, the first as a full year.
    static func financialYearHalves(_ text: String) -> (Int, Int)? {
        // Read from the bytes: `FY22/23` or `2022/23`, ASCII digits only.
        var text = text
        return text.withUTF8 { bytes -> (Int, Int)? in
            let short = bytes.count >= 2 && bytes[0] == UInt8(ascii: "F") && bytes[1] == UInt8(ascii: "Y")
            let start = short ? 2 : 0, slash = start + (short ? 2 : 4)
            guard bytes.count == slash + 3, bytes[slash] == UInt8(ascii: "/"),
                  let first = digits(bytes, start..<slash), let second = digits(bytes, slash + 1..<slash + 3) else { return nil }
            return (short ? 2000 + first : first, second)
        }
    }

    /// The number in `bytes[range]` when it is all ASCII digits.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The years of a range `FY22/23..FY24/25`.
    public static func yearRange(_ text: String) -> (first: Int, last: Int)? {
        let halves = text.split(separator: ".", omittingEmptySubsequences: true)
        guard halves.count == 2, let a = financialYearStart(String(halves[0])),
              let b = financialYearStart(String(halves[1])), a <= b else { return nil }
        return (a, b)
    }

    /// The canonical spelling of the financial year starting in `year`: `FY22/23`. `FY` years
    /// are 2000–2099, so any other keeps its full form (`1999/00`, `2100/01`): shortening it
    /// would change the year.
    public static func financialYear(_ year: Int) -> String {
        (2000...2099).contains(year) ? "FY\(twoDigits(year))/\(twoDigits(year + 1))" : "\(fourDigits(year))/\(twoDigits(year + 1))"
    }

    /// A year as four digits: `0999`, never `999`.
    static func fourDigits(_ year: Int) -> String {
        let text = String(year)
        return year >= 0 && text.count < 4 ? String(repeating: "0", count: 4 - text.count) + text : text
    }

    static func twoDigits(_ year: Int) -> String {
        let n = ((year % 100) + 100) % 100
        return n < 10 ? "0\(n)" : "\(n)"
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"][(month - 1) % 12]
    }

    /// The month of a financial year `M1`…`M12` (M1 is April), or nil for any other name.
    public static func monthOfYear(_ text: String) -> Int? {
        guard text.hasPrefix("M"), let n = Int(text.dropFirst()), (1...12).contains(n),
              !text.dropFirst().hasPrefix("0") else { return nil }
        return n
    }

    /// The two ends of `M4..M12`, each a month of the year, in the order written (nil otherwise).
    public static func monthRange(_ text: String) -> (first: Int, last: Int)? {
        let ends = text.split(separator: ".", omittingEmptySubsequences: false)
        guard ends.count == 3, ends[1].isEmpty, let first = monthOfYear(String(ends[0])), let last = monthOfYear(String(ends[2])) else { return nil }
        return (first, last)
    }

    /// The canonical spelling of a literal token's text; the formatter writes this, and keys are
    /// compared by it (so `2022/23` and `FY22/23` are the same envelope year).
    public static func normalized(_ kind: TokenKind, _ text: String) -> String {
        switch kind {
        case .financialYear: financialYearStart(text).map(financialYear) ?? text
        case .yearRange: yearRange(text).map { "\(financialYear($0.first))..\(financialYear($0.last))" } ?? text
        default: text
        }
    }

    /// `text` written back as a string literal, so plan text quoted in a message or report
    /// stays on one line (`"Go live\nphase 2"`).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
