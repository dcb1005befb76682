import AccordDiagnostics
@testable import AccordSyntax
import Testing

/// The lexer: every token kind with exact byte ranges, every literal's good and bad forms, the
/// file-level cases (CRLF, BOM, invalid UTF-8, size), and the positions diagnostics are shown at.
@Suite struct LexerTests {
    typealias H = SyntaxHarness

    /// Lexes the pieces' text and expects exactly those tokens, laid end to end, and no diagnostics.
    func expectTokens(_ pieces: [(TokenKind, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (tokens, diagnostics) = H.lex(H.source(pieces))
        #expect(tokens == H.expected(pieces), sourceLocation: sourceLocation)
        #expect(diagnostics.map(\.message) == [], sourceLocation: sourceLocation)
    }

    /// One diagnostic of `code` over `range` (byte offsets), returned for further checks.
    @discardableResult
    func expectOneDiagnostic(_ text: String, _ code: DiagnosticCode, at range: Range<Int>? = nil,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let diagnostics = H.lex(text).diagnostics
        #expect(diagnostics.map(\.code) == [code], "\(text.debugDescription): \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        if let range { #expect(diagnostics.first?.range == range, sourceLocation: sourceLocation) }
        return diagnostics.first
    }

    /// The single significant token `text` lexes to (with its malformed flag).
    func only(_ text: String) -> H.Lexed? {
        let significant = H.lex(text).tokens.filter { !$0.kind.isTrivia && $0.kind != .endOfFile }
        return significant.count == 1 ? significant[0] : nil
    }

    // MARK: Every kind

    @Test func everyTokenKindWithExactRanges() {
        let pieces: [(TokenKind, String)] = [
            (.byteOrderMark, "\u{FEFF}"), (.identifier, "plan"), (.whitespace, " "), (.identifier, "PIP-05"), (.dot, "."),
            (.identifier, "M1"), (.whitespace, "\t"), (.equals, "="), (.number, "1_000.5"), (.comma, ","),
            (.money, "£1.2m"), (.semicolon, ";"), (.percent, "12.5%"), (.whitespace, " "), (.date, "2022-09-30"),
            (.whitespace, " "), (.month, "2022-09"), (.whitespace, " "), (.financialYear, "FY22/23"), (.whitespace, " "),
            (.financialYear, "2022/23"), (.whitespace, " "), (.yearRange, "FY22/23..2024/25"), (.whitespace, " "),
            (.monthRange, "M4..M12"), (.whitespace, " "),
            (.string, "\"a \\\"b\\\" £\""), (.leftBrace, "{"), (.rightBrace, "}"), (.leftParen, "("), (.rightParen, ")"),
            (.dotDot, ".."), (.plus, "+"), (.minus, "-"), (.star, "*"), (.slash, "/"), (.whitespace, " "),
            (.comment, "# a comment £"), (.newline, "\r\n"), (.newline, "\n"),
        ]
        expectTokens(pieces)
        // With an invalid character, every kind the lexer makes has appeared.
        let (tokens, _) = H.lex(H.source(pieces) + "$")
        #expect(Set(tokens.map(\.kind)) == Set(TokenKind.allCases))
    }

    /// `M4..M12` is one token; a range that runs backwards or leaves M1–M12 is E414 and
    /// malformed; a name followed by `..` and something else is not a range.
    @Test func monthRanges() {
        for (text, valid) in [("M1..M12", true), ("M4..M4", true), ("M7..M3", false), ("M0..M2", false), ("M10..M13", false), ("M01..M3", false)] {
            let result = Lexer.tokenize(SourceFile(path: "t", text: text))
            #expect(result.tokens.first?.kind == .monthRange, "\(text)")
            #expect(result.tokens.first?.range == 0..<text.utf8.count, "\(text)")
            #expect(result.tokens.first?.isMalformed == !valid, "\(text)")
            #expect(result.diagnostics.map(\.code) == (valid ? [] : [.E414]), "\(text)")
        }
        #expect(H.lex("M1..x").tokens.map(\.kind) == [.identifier, .dotDot, .identifier, .endOfFile])
        #expect(H.lex("PIP..M2").tokens.map(\.kind) == [.identifier, .dotDot, .identifier, .endOfFile])
    }

    @Test func emptyFileIsJustTheEnd() {
        #expect(H.lex("").tokens == [H.Lexed(kind: .endOfFile, range: 0..<0, text: "")])
    }

    @Test func tokensCoverEveryByte() {
        let text = "scheme SE-05 \"Out £\" {\r\n  due 2022-09-30 # note\n\t£1.2m, -3% $ “x”\n}"
        let tokens = H.lex(text).tokens
        var offset = 0
        for token in tokens {
            #expect(token.range.lowerBound == offset)
            offset = token.range.upperBound
        }
        #expect(offset == text.utf8.count)
        #expect(tokens.last?.kind == .endOfFile)
    }

    // MARK: Money

    @Test(arguments: ["£120", "£250k", "£1.2m", "£1.5bn", "£0.3m", "£9.0m", "£1_000_000", "£1.25", "£1.005k", "£1.23456k", "£0k", "£0.01"])
    func goodMoney(_ text: String) {
        expectTokens([(.money, text)])
    }

    @Test func negativeMoneyIsAMinusAndAnAmount() {
        expectTokens([(.minus, "-"), (.money, "£40k")])
    }

    @Test func moneyFinerThanAPenny() throws {
        let diagnostic = try #require(expectOneDiagnostic("£1.005", .E103, at: 0..<7))
        #expect(diagnostic.message.contains("finer than a penny"))
        #expect(only("£1.005")?.malformed == true)
        expectOneDiagnostic("£1.234567k", .E103)
        expectOneDiagnostic("£0.0000001k", .E103)
        // Scaled, the same digits can be fine: £0.0000001m is 10p.
        expectTokens([(.money, "£0.0000001m")])
    }

    @Test func upperCaseMultiplier() throws {
        let diagnostic = try #require(expectOneDiagnostic("£1.2M", .E103, at: 0..<6))
        #expect(diagnostic.help?.contains("£1.2m") == true)
        #expect(only("£1.2M") == H.Lexed(kind: .money, range: 0..<6, text: "£1.2M", malformed: true))
        expectOneDiagnostic("£3BN", .E103)
    }

    @Test func poundSignAlone() throws {
        let diagnostic = try #require(expectOneDiagnostic("£", .E103, at: 0..<2))
        #expect(diagnostic.message.contains("followed by an amount"))
        #expect(H.lex("£ 5").tokens.map(\.kind) == [.money, .whitespace, .number, .endOfFile])
        #expect(H.lex("£").tokens.first?.malformed == true)
    }

    @Test(arguments: ["£5x", "£1.2.3", "£1k5", "£2mn"])
    func moneyWithAnUnknownSuffix(_ text: String) {
        expectOneDiagnostic(text, .E103, at: 0..<text.utf8.count)
        #expect(only(text)?.malformed == true)
    }

    @Test func moneyWithMisplacedUnderscore() {
        expectOneDiagnostic("£1__000", .E103)
        expectOneDiagnostic("£1_k", .E103)
    }

    // MARK: Numbers and percents

    @Test(arguments: ["0", "12000", "0.6", "1_000_000", "1_000.000_1", "007"])
    func goodNumbers(_ text: String) {
        expectTokens([(.number, text)])
    }

    @Test(arguments: ["33%", "12.5%", "0%", "100%", "1_000%"])
    func goodPercents(_ text: String) {
        expectTokens([(.percent, text)])
    }

    @Test func signedPercentsAreAnOperatorAndAPercent() {
        expectTokens([(.minus, "-"), (.percent, "3%")])
        expectTokens([(.plus, "+"), (.percent, "5%")])
    }

    @Test(arguments: ["1__0", "1_", "1_.5", "1.5_", "1_0__0%"])
    func misplacedUnderscore(_ text: String) throws {
        let diagnostic = try #require(expectOneDiagnostic(text, .E103, at: 0..<text.utf8.count))
        #expect(diagnostic.message.contains("misplaced `_`"))
        #expect(only(text)?.malformed == true)
    }

    @Test func leadingUnderscoreIsNotANumber() {
        // `_` starts no token: it is an invalid character, and the digits after it a number.
        let (tokens, diagnostics) = H.lex("_1")
        #expect(tokens.map(\.kind) == [.invalid, .number, .endOfFile])
        #expect(diagnostics.map(\.code) == [.E101])
    }

    @Test func twoDecimalPoints() {
        expectOneDiagnostic("1.2.3", .E103, at: 0..<5)
    }

    @Test func numberRunIntoAName() throws {
        let money = try #require(expectOneDiagnostic("12k", .E103, at: 0..<3))
        #expect(money.help?.contains("£12k") == true)
        let name = try #require(expectOneDiagnostic("3x", .E103, at: 0..<2))
        #expect(name.help?.contains("space") == true)
    }

    @Test func numberThenDotThenName() {
        // `1.` followed by no digit: the dot is a token of its own.
        expectTokens([(.number, "1"), (.dot, "."), (.identifier, "x")])
    }

    // MARK: Dates and months

    @Test(arguments: ["2022-09-30", "2024-02-29", "2000-02-29", "2022-12-31", "2023-01-01", "2022-04-30"])
    func goodDates(_ text: String) {
        expectTokens([(.date, text)])
    }

    @Test(arguments: ["2022-02-30", "2023-02-29", "1900-02-29", "2022-04-31", "2022-06-31"])
    func datesNotInTheCalendar(_ text: String) throws {
        let diagnostic = try #require(expectOneDiagnostic(text, .E103, at: 0..<10))
        #expect(diagnostic.message.contains("is not a calendar date"))
        #expect(only(text) == H.Lexed(kind: .date, range: 0..<10, text: text, malformed: true))
    }

    @Test func februaryMessageNamesTheDays() throws {
        let diagnostic = try #require(expectOneDiagnostic("2022-02-30", .E103))
        #expect(diagnostic.message == "2022-02-30 is not a calendar date: February 2022 has 28 days")
    }

    @Test(arguments: ["2022-13-01", "2022-00-10", "2022-09-32", "2022-9-30", "22-09-30", "2022-09-30x"])
    func malformedDates(_ text: String) {
        expectOneDiagnostic(text, .E103, at: 0..<text.utf8.count)
        #expect(only(text)?.kind == .date)
        #expect(only(text)?.malformed == true)
    }

    @Test(arguments: ["2022-09", "2022-01", "2022-12"])
    func goodMonths(_ text: String) {
        expectTokens([(.month, text)])
    }

    @Test(arguments: ["2022-13", "2022-00", "2022-1", "12-3"])
    func malformedMonths(_ text: String) throws {
        let diagnostic = try #require(expectOneDiagnostic(text, .E103, at: 0..<text.utf8.count))
        #expect(diagnostic.help?.contains("spaces around `-`") == true)
        #expect(only(text)?.kind == .month)
    }

    @Test func subtractionNeedsSpaces() {
        expectTokens([(.number, "12"), (.whitespace, " "), (.minus, "-"), (.whitespace, " "), (.number, "3")])
        expectTokens([(.number, "10"), (.minus, "-"), (.identifier, "x")])
    }

    // MARK: Financial years and ranges

    @Test(arguments: ["FY22/23", "2022/23", "FY99/00", "2099/00", "FY00/01"])
    func goodFinancialYears(_ text: String) {
        expectTokens([(.financialYear, text)])
    }

    @Test func secondHalfMustFollowTheFirst() throws {
        let diagnostic = try #require(expectOneDiagnostic("FY22/24", .E103, at: 0..<7))
        #expect(diagnostic.help?.contains("FY22/23") == true)
        #expect(only("FY22/24") == H.Lexed(kind: .financialYear, range: 0..<7, text: "FY22/24", malformed: true))
        expectOneDiagnostic("2022/24", .E103, at: 0..<7)
    }

    @Test(arguments: ["FY2022/23", "FY2/3", "FY22/23x", "2022/23/24", "FY22/2"])
    func malformedFinancialYears(_ text: String) {
        expectOneDiagnostic(text, .E103, at: 0..<text.utf8.count)
        #expect(only(text)?.malformed == true)
    }

    @Test func normalizedFinancialYears() {
        #expect(LiteralText.normalized(.financialYear, "2022/23") == "FY22/23")
        #expect(LiteralText.normalized(.yearRange, "2022/23..2024/25") == "FY22/23..FY24/25")
        #expect(LiteralText.financialYearStart("FY99/00") == 2099)
    }

    @Test(arguments: ["FY22/23..FY24/25", "2022/23..2024/25", "FY22/23..2023/24", "FY22/23..FY22/23"])
    func goodYearRanges(_ text: String) {
        expectTokens([(.yearRange, text)])
    }

    @Test func reversedYearRange() throws {
        let diagnostic = try #require(expectOneDiagnostic("FY24/25..FY22/23", .E103, at: 0..<16))
        #expect(diagnostic.message.contains("runs backwards"))
        #expect(diagnostic.help?.contains("FY22/23..FY24/25") == true)
        #expect(only("FY24/25..FY22/23")?.malformed == true)
    }

    @Test func yearRangeWithABadHalf() {
        expectOneDiagnostic("FY22/23..FY24/26", .E103, at: 9..<16)
        #expect(only("FY22/23..FY24/26") == H.Lexed(kind: .yearRange, range: 0..<16, text: "FY22/23..FY24/26", malformed: true))
    }

    @Test func spacedRangeIsThreeTokens() {
        expectTokens([(.financialYear, "FY22/23"), (.whitespace, " "), (.dotDot, ".."), (.whitespace, " "), (.financialYear, "FY24/25")])
        expectTokens([(.financialYear, "FY22/23"), (.dotDot, "..")])
    }

    @Test func namesThatLookLikeYears() {
        expectTokens([(.identifier, "FY22")])
        expectTokens([(.identifier, "FYI"), (.slash, "/"), (.identifier, "x")])
    }

    // MARK: Names

    @Test(arguments: ["PIP-05", "mental-health", "asmith", "a_b", "x-3", "M12", "cash-releasing", "a-_b", "Z"])
    func identifiers(_ text: String) {
        expectTokens([(.identifier, text)])
    }

    @Test func minusBetweenNames() {
        expectTokens([(.identifier, "a"), (.whitespace, " "), (.minus, "-"), (.whitespace, " "), (.identifier, "b")])
        expectTokens([(.identifier, "x"), (.whitespace, " "), (.minus, "-"), (.number, "3")])
        expectTokens([(.identifier, "a"), (.minus, "-"), (.minus, "-"), (.identifier, "b")])
        expectTokens([(.identifier, "a"), (.minus, "-")])
        expectTokens([(.minus, "-"), (.identifier, "a")])
        expectTokens([(.identifier, "a"), (.minus, "-"), (.whitespace, " "), (.identifier, "b")])
    }

    @Test func dottedNamesAreSeparateTokens() {
        expectTokens([(.identifier, "PIP-05"), (.dot, "."), (.identifier, "fu-f2f"), (.dot, "."), (.identifier, "baseline")])
    }

    // MARK: Strings

    @Test(arguments: ["\"plain\"", "\"\"", "\"a\\\"b\\\\c\\nd\\te\"", "\"£1.2m – café 😀\"", "\"# not a comment\""])
    func goodStrings(_ text: String) {
        expectTokens([(.string, text)])
    }

    @Test func unknownEscape() throws {
        let text = "\"a\\qb\""
        let diagnostic = try #require(expectOneDiagnostic(text, .E101, at: 2..<4))
        #expect(diagnostic.message.contains("\\q"))
        #expect(diagnostic.help?.contains("\\\\") == true)
        // The string is still read, and is not malformed.
        #expect(only(text) == H.Lexed(kind: .string, range: 0..<6, text: text))
    }

    @Test func unknownEscapeOfAMultiByteCharacter() {
        // `\é`: the range covers the backslash and both bytes of é.
        expectOneDiagnostic("\"\\é\"", .E101, at: 1..<4)
    }

    @Test func unterminatedString() throws {
        let (tokens, diagnostics) = H.lex("\"abc\nx")
        #expect(diagnostics.map(\.code) == [.E102])
        #expect(diagnostics.first?.range == 0..<4)
        #expect(diagnostics.first?.help?.contains("\\n") == true)
        #expect(tokens == H.expected([(.string, "\"abc"), (.newline, "\n"), (.identifier, "x")], malformed: [0]))
    }

    @Test func unterminatedStringBeforeCRLF() {
        let (tokens, diagnostics) = H.lex("\"abc\r\nx")
        #expect(diagnostics.map(\.code) == [.E102])
        #expect(tokens == H.expected([(.string, "\"abc"), (.newline, "\r\n"), (.identifier, "x")], malformed: [0]))
    }

    @Test func unterminatedStringAtEndOfFile() {
        expectOneDiagnostic("\"abc", .E102, at: 0..<4)
        // An escaped quote does not close the string.
        expectOneDiagnostic("\"abc\\\"", .E102, at: 0..<6)
    }

    @Test func backslashAtTheEndOfTheLine() {
        // Only E102: no E101 whose message would hold a line break, and CR LF stays one newline.
        for (ending, text) in [("\n", "\"abc\\\nx"), ("\r\n", "\"abc\\\r\nx")] {
            let (tokens, diagnostics) = H.lex(text)
            #expect(diagnostics.map(\.code) == [.E102])
            #expect(diagnostics.first?.range == 0..<5)
            #expect(tokens == H.expected([(.string, "\"abc\\"), (.newline, ending), (.identifier, "x")], malformed: [0]))
        }
        expectOneDiagnostic("\"abc\\", .E102, at: 0..<5)
    }

    // MARK: Comments, newlines, the byte-order mark

    @Test func comments() {
        expectTokens([(.comment, "# a comment")])
        expectTokens([(.identifier, "x"), (.whitespace, " "), (.comment, "# c \"not a string"), (.newline, "\n"), (.identifier, "y")])
        expectTokens([(.comment, "#c"), (.newline, "\r\n"), (.identifier, "x")])
        expectTokens([(.comment, "#"), (.newline, "\n")])
        // A lone CR ends a comment, as it ends a line for editors and LSP.
        expectTokens([(.comment, "# a"), (.newline, "\r"), (.identifier, "b"), (.newline, "\n")])
    }

    @Test func crlfAndLoneCR() {
        expectTokens([(.identifier, "a"), (.newline, "\r\n"), (.identifier, "b")])
        expectTokens([(.identifier, "a"), (.newline, "\r"), (.identifier, "b")])
        expectTokens([(.identifier, "a"), (.whitespace, " "), (.newline, "\r"), (.whitespace, " "), (.newline, "\r\n")])
        expectTokens([(.identifier, "a"), (.newline, "\r"), (.newline, "\r\n")])
        let file = H.file("a\r\nbb\r\nc")
        #expect(file.location(of: 3) == AccordDiagnostics.SourceLocation(line: 2, column: 1))
        #expect(file.location(of: 7) == AccordDiagnostics.SourceLocation(line: 3, column: 1))
        #expect(file.lineText(2) == "bb")
    }

    @Test func byteOrderMark() {
        expectTokens([(.byteOrderMark, "\u{FEFF}"), (.identifier, "plan"), (.newline, "\n")])
        let file = H.file("\u{FEFF}plan x")
        #expect(file.location(of: 3) == AccordDiagnostics.SourceLocation(line: 1, column: 1))
        #expect(file.location(of: 8) == AccordDiagnostics.SourceLocation(line: 1, column: 6))
        #expect(file.lineText(1) == "plan x")
        // A byte-order mark anywhere else is an invalid character.
        let (tokens, diagnostics) = H.lex("a\u{FEFF}")
        #expect(tokens.map(\.kind) == [.identifier, .invalid, .endOfFile])
        #expect(diagnostics.map(\.code) == [.E101])
    }

    // MARK: Positions

    @Test func columnsCountCharacters() {
        let text = "plan \"£é😀\" x\n  y"
        let file = H.file(text)
        let x = text.utf8.count - 5
        #expect(file.text(x..<(x + 1)) == "x")
        #expect(file.location(of: x) == AccordDiagnostics.SourceLocation(line: 1, column: 12))
        #expect(file.location(of: text.utf8.count - 1) == AccordDiagnostics.SourceLocation(line: 2, column: 3))
        #expect(file.location(of: text.utf8.count) == AccordDiagnostics.SourceLocation(line: 2, column: 4))
        #expect(file.location(of: 0) == AccordDiagnostics.SourceLocation(line: 1, column: 1))
    }

    @Test func diagnosticColumnsAfterMultiByteText() {
        // `“` is three bytes and one column; `£` is two bytes and one column.
        #expect(H.positions("let a = “x”\n£5 $\n") == ["1:9 E101", "1:11 E101", "2:4 E101"])
    }

    // MARK: Invalid text

    @Test(arguments: [
        ("\u{201C}", "straight double quotes"), ("\u{201D}", "straight double quotes"), ("$", "£"), ("\u{20AC}", "£"),
        ("\u{00A0}", "non-breaking space"), ("\u{2013}", "minus"), ("\u{2212}", "minus"), ("'", "double quotes"),
        ("\u{2019}", "double quotes"),
    ])
    func invalidCharacterWithHelp(_ character: String, _ help: String) throws {
        let text = "x \(character) y"
        let diagnostic = try #require(expectOneDiagnostic(text, .E101, at: 2..<(2 + character.utf8.count)))
        #expect(diagnostic.message == "unexpected character `\(character)`")
        #expect(diagnostic.help?.contains(help) == true, "\(diagnostic.help ?? "no help")")
        #expect(H.lex(text).tokens.map(\.kind) == [.identifier, .whitespace, .invalid, .whitespace, .identifier, .endOfFile])
    }

    @Test func invalidCharactersWithoutSpecialHelp() throws {
        expectOneDiagnostic("café", .E101, at: 3..<5)
        expectOneDiagnostic("%", .E101, at: 0..<1)
        let control = try #require(expectOneDiagnostic("a\u{01}b", .E101, at: 1..<2))
        #expect(control.message.contains("U+1"))
        expectOneDiagnostic("\u{0}", .E101, at: 0..<1)
        expectOneDiagnostic("😀", .E101, at: 0..<4)
    }

    @Test func nonBreakingSpaceBetweenTokens() {
        // A common paste from a word processor: one E101, and the tokens around it survive.
        let (tokens, diagnostics) = H.lex("status\u{00A0}delivery")
        #expect(tokens.map(\.kind) == [.identifier, .invalid, .identifier, .endOfFile])
        #expect(diagnostics.count == 1)
    }

    // MARK: Unreadable files

    @Test(arguments: [
        [0x70, 0x6C, 0xFF, 0x0A, 0x61] as [UInt8],  // a byte that is never UTF-8
        [0x61, 0xC0, 0x80],                          // an overlong encoding
        [0x61, 0xED, 0xA0, 0x80],                    // a UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],                    // above U+10FFFF
        [0x61, 0x62, 0xE2, 0x82],                    // a sequence cut off at the end
        [0x22, 0x80, 0x22],                          // a stray continuation byte in a string
        [0xEF, 0xBB, 0xBF, 0xC3, 0x28],              // after a byte-order mark
    ])
    func invalidUTF8IsOneDiagnostic(_ bytes: [UInt8]) {
        let (tokens, diagnostics) = H.lex(bytes: bytes)
        #expect(diagnostics.map(\.code) == [.E109])
        #expect(tokens.map(\.kind) == [.invalid, .endOfFile])
        #expect(tokens.first?.range == 0..<bytes.count)
        // Nothing else: not from the parser, not from the structure check.
        let result = H.parse(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.E109])
        #expect(result.diagnostics.first?.help?.contains("UTF-8") == true)
        let range = result.diagnostics.first!.range
        #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count)
    }

    @Test func invalidUTF8MessageNamesTheOffset() {
        let diagnostic = H.lex(bytes: [0x61, 0x62, 0xFF]).diagnostics.first
        #expect(diagnostic?.message.contains("0xFF at offset 2") == true)
        #expect(diagnostic?.range == 2..<3)
    }

    @Test func fileOverTheSizeLimit() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: Lexer.maximumFileSize + 1)
        let result = H.parse(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.E109])
        #expect(result.diagnostics.first?.message == "this file is 65 MiB; Accord reads plans of at most 64 MiB")
        #expect(result.diagnostics.first?.help?.contains("include") == true)
        #expect(result.tree.tokens.map(\.kind) == [.invalid, .endOfFile])
    }

    /// Dates and months are read from the bytes; they read exactly what splitting on `-` and
    /// `Int(_:)` read, edge cases included.
    @Test func datesAndMonthsReadAsIntReadsTheirFields() {
        func referenceDate(_ text: String) -> LiteralText.Date? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                  (1...12).contains(m), (1...31).contains(d) else { return nil }
            return LiteralText.Date(year: y, month: m, day: d)
        }
        func referenceMonth(_ text: String) -> LiteralText.Month? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return LiteralText.Month(year: y, month: m)
        }
        let dates = ["2022-09-30", "2022-13-01", "2022-00-10", "2022-12-32", "2022-12-00", "+022-09-30", "2022-+9-+1",
                     "2022-9-30", "22-09-30", "2022-09-3", "2022/09/30", "2022-09-30x", "", "----------", "2022--09-30",
                     "20é2-09-30", "2022-0é-30", "++22-09-30", "2022-+-30", "0000-01-01", "9999-12-31", "2022-09-30-"]
        for text in dates { #expect(LiteralText.date(text) == referenceDate(text), "\(text)") }
        let months = ["2022-09", "2022-13", "2022-00", "+022-09", "2022-+9", "2022-9", "22-09", "2022/09", "2022-09-",
                      "", "-------", "20é2-09", "2022-+", "9999-12", "2022-1é"]
        for text in months { #expect(LiteralText.month(text) == referenceMonth(text), "\(text)") }
    }

    /// Financial years are read from the bytes, as splitting on `/` read them.
    @Test func financialYearsReadAsBefore() {
        func reference(_ text: String) -> Int? {
            var body = Substring(text)
            let short = body.hasPrefix("FY")
            if short { body = body.dropFirst(2) }
            let parts = body.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == (short ? 2 : 4), parts[1].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let first = Int(parts[0]), let second = Int(parts[1]), ((short ? 2000 + first : first) + 1) % 100 == second else { return nil }
            return short ? 2000 + first : first
        }
        let years = ["FY22/23", "2022/23", "FY22/24", "FY99/00", "FY2022/23", "22/23", "FY+2/23", "FY22/+3", "FY22-23", "FY22/23/",
                     "FY2é/23", "FY\u{301}22/23", "", "FY", "FY/", "2022/2", "202/023", "FY22//3", "2099/00", "fy22/23"]
        for text in years { #expect(LiteralText.financialYearStart(text) == reference(text), "\(text)") }
    }
}
