/// The kinds of token. Trivia (whitespace, comments, the byte-order mark) are tokens too, so the
/// token stream covers every byte of the file and the tree built over it is lossless.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    // Trivia: carried through the tree, ignored by the grammar.
    case whitespace, comment, byteOrderMark
    /// Ends a statement (LF or CRLF). Not trivia: the grammar sees it.
    case newline
    case identifier
    case number, money, percent, date, month, financialYear, yearRange, string
    /// `M1..M7`: months of a financial year, one value each (compact entry).
    case monthRange
    case leftBrace, rightBrace, leftParen, rightParen
    case comma, semicolon, dot, dotDot, equals
    case plus, minus, star, slash
    /// Text that is no token at all (E101), or a file that could not be read as text (E109).
    case invalid
    /// Zero-width, always last.
    case endOfFile

    public var isTrivia: Bool { self == .whitespace || self == .comment || self == .byteOrderMark }

    public var isLiteral: Bool {
        switch self {
        case .number, .money, .percent, .date, .month, .financialYear, .yearRange, .string, .monthRange: true
        default: false
        }
    }

    /// How a message names this kind of token to a plan writer.
    public var description: String {
        switch self {
        case .whitespace: "whitespace"
        case .comment: "a comment"
        case .byteOrderMark: "a byte-order mark"
        case .newline: "the end of the line"
        case .identifier: "a name"
        case .number: "a number"
        case .money: "an amount of money"
        case .percent: "a percent"
        case .date: "a date"
        case .month: "a month"
        case .financialYear: "a financial year"
        case .yearRange: "a year range"
        case .monthRange: "a month range"
        case .string: "a string"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .comma: "`,`"
        case .semicolon: "`;`"
        case .dot: "`.`"
        case .dotDot: "`..`"
        case .equals: "`=`"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .invalid: "invalid text"
        case .endOfFile: "the end of the file"
        }
    }
}

/// One token: a kind and a byte range. Twelve bytes, so a 400k-line plan's tokens stay small.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// The literal could not be read (E103 was reported); later stages skip its value.
    public var isMalformed: Bool
    public var start: UInt32
    public var end: UInt32

    public init(kind: TokenKind, start: Int, end: Int, isMalformed: Bool = false) {
        self.kind = kind
        self.isMalformed = isMalformed
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
