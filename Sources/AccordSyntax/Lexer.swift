import AccordDiagnostics

/// Turns the bytes of a file into tokens that cover every byte. Never fails: text it cannot read
/// becomes an `invalid` token (E101) or a literal marked malformed (E103), and lexing goes on.
public struct Lexer {
    /// Plans larger than this are refused (E109) rather than read into memory whole.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// E109's words for a file of `size` bytes over the limit, whether the lexer or a reader that
    /// refused to load it found it. Rounded up, so a file just over the limit does not read as
    /// "64 MiB; at most 64 MiB".
    public static func tooLargeMessage(size: Int) -> String {
        "this file is \((size + 1024 * 1024 - 1) / (1024 * 1024)) MiB; Accord reads plans of at most 64 MiB"
    }

    public static let tooLargeHelp = "split the plan into smaller files joined with `include`"

    let file: SourceFile
    let bytes: [UInt8]
    var index = 0
    var tokens = TokenList()
    var diagnostics: [Diagnostic] = []

    public static func tokenize(_ file: SourceFile) -> (tokens: TokenList, diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file, bytes: file.bytes)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private mutating func run() {
        let count = bytes.count
        if count > Lexer.maximumFileSize {
            report(.E109, 0..<0, Lexer.tooLargeMessage(size: count), help: Lexer.tooLargeHelp)
            return finishUnreadable()
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            report(.E109, bad..<min(bad + 1, count), "this file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))",
                   help: "save the file as UTF-8 in your editor")
            return finishUnreadable()
        }
        // Plans run to about one token for every three bytes; `add` grows the lists by what the
        // rest of the file will likely need, so they end close to their size instead of doubling.
        tokens.reserveCapacity(count / 4 + 16)
        if bytes.starts(with: SourceFile.byteOrderMark) { add(.byteOrderMark, 0, 3); index = 3 }
        while index < count { lexToken() }
        add(.endOfFile, count, count)
    }

    private mutating func finishUnreadable() {
        if !bytes.isEmpty { add(.invalid, 0, bytes.count) }
        add(.endOfFile, bytes.count, bytes.count)
    }

    private func byte(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    private mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int, malformed: Bool = false) {
        // Tokens store no end: each must start where the one before it ended.
        assert(start == index, "tokens are contiguous")
        if tokens.count == tokens.capacity, start > 0 {
            tokens.reserveCapacity(tokens.count + tokens.count * (bytes.count - start) / start + 16)
        }
        tokens.append(kind, start: start, malformed: malformed)
        index = end
    }

    private mutating func report(_ code: DiagnosticCode, _ range: Range<Int>, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(code, file: file, range: range, message: message, help: help))
    }

    private mutating func lexToken() {
        let start = index
        let b = bytes[start]
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
            var end = start + 1
            while end < bytes.count, Lexer.isSpace(bytes[end]) { end += 1 }
            add(.whitespace, start, end)
        case UInt8(ascii: "\n"):
            add(.newline, start, start + 1)
        case UInt8(ascii: "\r"):
            // A lone CR ends a line too, as it does for editors and the LSP (SourceFile's line table).
            add(.newline, start, byte(start + 1) == UInt8(ascii: "\n") ? start + 2 : start + 1)
        case UInt8(ascii: "#"):
            var end = start + 1
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            reportBidirectionalControls(start..<end)
            add(.comment, start, end)
        case UInt8(ascii: "\""): lexString()
        case UInt8(ascii: "{"): add(.leftBrace, start, start + 1)
        case UInt8(ascii: "}"): add(.rightBrace, start, start + 1)
        case UInt8(ascii: "("): add(.leftParen, start, start + 1)
        case UInt8(ascii: ")"): add(.rightParen, start, start + 1)
        case UInt8(ascii: ","): add(.comma, start, start + 1)
        case UInt8(ascii: ";"): add(.semicolon, start, start + 1)
        case UInt8(ascii: "="): add(.equals, start, start + 1)
        case UInt8(ascii: "+"): add(.plus, start, start + 1)
        case UInt8(ascii: "-"): add(.minus, start, start + 1)
        case UInt8(ascii: "*"): add(.star, start, start + 1)
        case UInt8(ascii: "/"): add(.slash, start, start + 1)
        case UInt8(ascii: "."):
            if byte(start + 1) == UInt8(ascii: ".") { add(.dotDot, start, start + 2) } else { add(.dot, start, start + 1) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"): lexNumeric()
        case 0xC2 where byte(start + 1) == 0xA3: lexMoney()
        default:
            if Lexer.isLetter(b) { lexIdentifier() } else { lexInvalid() }
        }
    }

    // MARK: Names and financial years

    private mutating func lexIdentifier() {
        let start = index
        var end = start + 1
        while end < bytes.count {
            let c = bytes[end]
            if Lexer.isNameChar(c) { end += 1 } else if c == UInt8(ascii: "-"), Lexer.isNameChar(byte(end + 1)) { end += 2 } else { break }
        }
        // `FY22/23`: the only name-like literal, told apart by the `/` no name may hold.
        if end - start >= 3, bytes[start] == UInt8(ascii: "F"), bytes[start + 1] == UInt8(ascii: "Y"),
           bytes[(start + 2)..<end].allSatisfy(Lexer.isDigit), byte(end) == UInt8(ascii: "/") {
            return lexFinancialYearOrRange()
        }
        // `M1..M7`: a month range, told apart from a name by the `..` no name may hold.
        if bytes[start] == UInt8(ascii: "M"), byte(end) == UInt8(ascii: "."), byte(end + 1) == UInt8(ascii: "."),
           byte(end + 2) == UInt8(ascii: "M"), Lexer.isDigit(byte(end + 3)) {
            return lexMonthRange(firstEnd: end)
        }
        add(.identifier, start, end)
    }

    /// `M4..M12`: both ends months of the year (M1 to M12), the first not after the second (E414).
    private mutating func lexMonthRange(firstEnd: Int) {
        let start = index
        var end = firstEnd + 3
        while end < bytes.count, Lexer.isNameChar(bytes[end]) { end += 1 }
        let literal = text(start..<end)
        guard let range = LiteralText.monthRange(literal) else {
            report(.E414, start..<end, "`\(literal)` is not a month range",
                   help: "a month range runs from one month of the financial year to a later one, M1 (April) to M12 (March), e.g. M4..M12")
            return add(.monthRange, start, end, malformed: true)
        }
        if range.first > range.last {
            report(.E414, start..<end, "the month range \(literal) runs backwards",
                   help: "write the earlier month first: M\(range.last)..M\(range.first)")
            return add(.monthRange, start, end, malformed: true)
        }
        add(.monthRange, start, end)
    }

    /// `FY22/23`, `2022/23`, and either followed directly by `..` and another year.
    private mutating func lexFinancialYearOrRange() {
        let start = index
        let first = scanFinancialYear(from: start)
        if byte(first.end) == UInt8(ascii: "."), byte(first.end + 1) == UInt8(ascii: "."),
           byte(first.end + 2) == UInt8(ascii: "F") || Lexer.isDigit(byte(first.end + 2)) {
            let second = scanFinancialYear(from: first.end + 2)
            var malformed = first.startYear == nil || second.startYear == nil
            if let a = first.startYear, let b = second.startYear, b < a {
                malformed = true
                report(.E103, start..<second.end, "the year range \(text(start..<second.end)) runs backwards",
                       help: "write the earlier year first: \(LiteralText.financialYear(b))..\(LiteralText.financialYear(a))")
            }
            return add(.yearRange, start, second.end, malformed: malformed)
        }
        add(.financialYear, start, first.end, malformed: first.startYear == nil)
    }

    /// Reads one financial year at `start`, reporting E103 when it is malformed.
    private mutating func scanFinancialYear(from start: Int) -> (end: Int, startYear: Int?) {
        var end = start
        while end < bytes.count, Lexer.isNameChar(bytes[end]) || bytes[end] == UInt8(ascii: "/") { end += 1 }
        let literal = text(start..<end)
        if let year = LiteralText.financialYearStart(literal) { return (end, year) }
        var help = "write financial years as FY22/23 (1 April 2022 to 31 March 2023)"
        if let pair = LiteralText.financialYearHalves(literal) {
            help = "the second year must follow the first: FY\(LiteralText.twoDigits(pair.0))/\(LiteralText.twoDigits(pair.0 + 1))"
        }
        report(.E103, start..<end, "`\(literal)` is not a financial year", help: help)
        return (end, nil)
    }

    // MARK: Numbers, percents, dates, months

    private mutating func lexNumeric() {
        let start = index
        var end = scanDigits(from: start)
        let integerDigits = end - start
        // A date or month: digits joined by `-` with no spaces.
        if byte(end) == UInt8(ascii: "-"), Lexer.isDigit(byte(end + 1)) { return lexDateOrMonth() }
        if byte(end) == UInt8(ascii: "/"), Lexer.isDigit(byte(end + 1)), integerDigits == 4 { return lexFinancialYearOrRange() }
        if byte(end) == UInt8(ascii: "."), Lexer.isDigit(byte(end + 1)) { end = scanDigits(from: end + 1) }
        var malformed = false
        // `1.2.3`: a second decimal point.
        if byte(end) == UInt8(ascii: "."), Lexer.isDigit(byte(end + 1)) {
            while Lexer.isDigit(byte(end)) || byte(end) == UInt8(ascii: ".") || byte(end) == UInt8(ascii: "_") { end += 1 }
            report(.E103, start..<end, "`\(text(start..<end))` is not a number: it has more than one decimal point")
            malformed = true
        }
        var kind = TokenKind.number
        if byte(end) == UInt8(ascii: "%") { end += 1; kind = .percent }
        if Lexer.isNameChar(byte(end)) {
            var tail = end
            while Lexer.isNameChar(byte(tail)) { tail += 1 }
            let suffix = text(end..<tail)
            let help = ["k", "m", "bn"].contains(suffix) && kind == .number
                ? "did you forget £? Amounts of money are written £\(text(start..<tail))"
                : "put a space between a number and a name"
            report(.E103, start..<tail, "`\(text(start..<tail))` is not a number", help: help)
            return add(kind, start, tail, malformed: true)
        }
        if !malformed { malformed = !checkUnderscores(start..<end) }
        add(kind, start, end, malformed: malformed)
    }

    private mutating func lexDateOrMonth() {
        let start = index
        var end = start
        while Lexer.isDigit(byte(end)) || (byte(end) == UInt8(ascii: "-") && Lexer.isDigit(byte(end + 1))) { end += 1 }
        while Lexer.isNameChar(byte(end)) { end += 1 }
        let literal = text(start..<end)
        if let date = LiteralText.date(literal) {
            if date.day <= LiteralText.daysInMonth(year: date.year, month: date.month) { return add(.date, start, end) }
            let days = LiteralText.daysInMonth(year: date.year, month: date.month)
            report(.E103, start..<end, "\(literal) is not a calendar date: \(LiteralText.monthName(date.month)) \(date.year) has \(days) days",
                   help: "use a real date, such as \(literal.prefix(8))\(days)")
            return add(.date, start, end, malformed: true)
        }
        if LiteralText.month(literal) != nil { return add(.month, start, end) }
        let dashes = literal.utf8.count { $0 == UInt8(ascii: "-") }
        report(.E103, start..<end, "`\(literal)` is not a \(dashes == 1 ? "month" : "date")",
               help: "write dates as YYYY-MM-DD and months as YYYY-MM, e.g. 2022-09-30 or 2022-09; to subtract, put spaces around `-`")
        add(dashes == 1 ? .month : .date, start, end, malformed: true)
    }

    private mutating func lexMoney() {
        let start = index
        var end = start + 2
        guard Lexer.isDigit(byte(end)) else {
            report(.E103, start..<end, "`£` must be followed by an amount", help: "write amounts like £120, £250k, £1.2m or £1.5bn; for a negative amount write -£40k")
            return add(.money, start, end, malformed: true)
        }
        end = scanDigits(from: end)
        var decimals = 0
        if byte(end) == UInt8(ascii: "."), Lexer.isDigit(byte(end + 1)) {
            let fractionStart = end + 1
            end = scanDigits(from: fractionStart)
            decimals = bytes[fractionStart..<end].count { $0 != UInt8(ascii: "_") }
        }
        let numberEnd = end
        var tail = end
        while Lexer.isNameChar(byte(tail)) || byte(tail) == UInt8(ascii: ".") && Lexer.isDigit(byte(tail + 1)) { tail += 1 }
        let suffix = text(numberEnd..<tail)
        let scale: Int? = switch suffix { case "": 0; case "k": 3; case "m": 6; case "bn": 9; default: nil }
        guard let scale else {
            let lower = suffix.lowercased()
            let help = ["k", "m", "bn"].contains(lower) ? "write the multiplier in lower case: \(text(start..<numberEnd))\(lower)"
                : "amounts take the multipliers k, m or bn, e.g. £250k, £1.2m, £1.5bn"
            report(.E103, start..<tail, "`\(text(start..<tail))` is not an amount of money", help: help)
            return add(.money, start, tail, malformed: true)
        }
        if decimals - scale > 2 {
            report(.E103, start..<tail, "`\(text(start..<tail))` is finer than a penny", help: "amounts of money are exact to the penny: use at most two decimal places in pounds")
            return add(.money, start, tail, malformed: true)
        }
        add(.money, start, tail, malformed: !checkUnderscores((start + 2)..<numberEnd))
    }

    private func scanDigits(from start: Int) -> Int {
        var end = start
        while Lexer.isDigit(byte(end)) || byte(end) == UInt8(ascii: "_") { end += 1 }
        return end
    }

    /// `1_000_000` is fine; `1__0`, `_1` and `1_` are not.
    private mutating func checkUnderscores(_ range: Range<Int>) -> Bool {
        var previous: UInt8 = 0
        for offset in range {
            let c = bytes[offset]
            if c == UInt8(ascii: "_"), !Lexer.isDigit(previous) || !Lexer.isDigit(byte(offset + 1)) {
                report(.E103, range, "`\(text(range))` has a misplaced `_`", help: "`_` may only stand between two digits, as in 1_000_000")
                return false
            }
            previous = c
        }
        return true
    }

    // MARK: Strings

    private mutating func lexString() {
        let start = index
        var end = start + 1
        while true {
            let c = byte(end)
            if end >= bytes.count || c == 0x0A || c == 0x0D {
                report(.E102, start..<end, "this string is not closed before the end of the line",
                       help: "add the closing `\"`; a string cannot span lines (write \\n for a line break)")
                // `plan "Title {`: give the block its brace back, so only the string is wrong.
                var cut = end
                while cut > start + 1, Lexer.isSpace(bytes[cut - 1]) { cut -= 1 }
                if cut > start + 1, bytes[cut - 1] == UInt8(ascii: "{") {
                    cut -= 1
                    while cut > start + 1, Lexer.isSpace(bytes[cut - 1]) { cut -= 1 }
                    end = cut
                }
                return add(.string, start, end, malformed: true)
            }
            if c == UInt8(ascii: "\"") {
                reportBidirectionalControls(start..<end + 1)
                return add(.string, start, end + 1)
            }
            if c == UInt8(ascii: "\\") {
                let escaped = byte(end + 1)
                // A backslash at the end of the line escapes nothing: the string is unterminated,
                // which the E102 above reports, and the line end stays whole for the newline token.
                if end + 1 >= bytes.count || escaped == 0x0A || escaped == 0x0D {
                    end += 1
                    continue
                }
                if ![UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "t")].contains(escaped) {
                    let width = escaped >= 0x80 ? UTF8Validation.sequenceLength(escaped) : 1
                    report(.E101, end..<min(end + 1 + width, bytes.count), "`\\\(text((end + 1)..<min(end + 1 + width, bytes.count)))` is not an escape Accord knows",
                           help: "strings may use \\\" \\\\ \\n and \\t; write \\\\ for a backslash")
                }
                end += 2
                continue
            }
            end += 1
        }
    }

    /// W417 for each control in `range` that reorders how text is shown (U+202E and friends,
    /// "Trojan Source"): the code a reviewer reads would not be the code Accord reads.
    private mutating func reportBidirectionalControls(_ range: Range<Int>) {
        // Every such control is encoded starting 0xD8 (U+061C) or 0xE2 (U+200E…U+2069).
        var offset = range.lowerBound
        while offset < range.upperBound {
            let lead = bytes[offset]
            guard lead == 0xD8 || lead == 0xE2 else { offset += 1; continue }
            let end = min(offset + UTF8Validation.sequenceLength(lead), range.upperBound)
            if let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first, DisplayText.isBidirectionalControl(scalar) {
                report(.W417, offset..<end, "this text holds \(DisplayText.escape(scalar)), a control that reorders how it is shown",
                       help: "remove it: a reviewer would not see the text Accord reads (\"Trojan Source\")")
            }
            offset = end
        }
    }

    // MARK: Anything else

    private mutating func lexInvalid() {
        let start = index
        let width = UTF8Validation.sequenceLength(bytes[start])
        let end = min(start + width, bytes.count)
        let character = text(start..<end)
        let help: String? = switch character {
        case "\u{201C}", "\u{201D}": "use straight double quotes (\") around strings"
        case "\u{2013}", "\u{2014}", "\u{2212}": "use the plain minus sign -"
        case "\u{00A0}": "this is a non-breaking space; use an ordinary space"
        case "$", "\u{20AC}": "Accord amounts are in pounds: write £"
        case "'", "\u{2018}", "\u{2019}": "strings use double quotes (\")"
        default: nil
        }
        let shown = character.unicodeScalars.first.map { $0.properties.generalCategory == .control ? "U+\(String($0.value, radix: 16, uppercase: true))" : character } ?? character
        report(.E101, start..<end, "unexpected character `\(shown)`", help: help)
        add(.invalid, start, end)
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isNameChar(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C }
}
