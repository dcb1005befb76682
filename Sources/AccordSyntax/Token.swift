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

/// One token: a kind and a byte range. A value read out of a `TokenList`, which stores less.
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

/// The tokens of a file, five bytes each: where each starts, and its kind. Ends are not stored:
/// the stream covers every byte, so a token ends where the next one starts (the last, the end
/// of the file, is empty). The few malformed literals are listed apart. A 400k-line plan has
/// millions of tokens.
public struct TokenList: RandomAccessCollection, Sendable {
    private var starts: [UInt32] = []
    private var kinds: [TokenKind] = []
    /// The indices of malformed tokens, in order.
    private var malformed: [Int32] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(index: Int) -> Token {
        Token(kind: kinds[index], start: start(at: index), end: end(at: index), isMalformed: isMalformed(at: index))
    }

    /// The kind of the token at `index`, without building the whole token: what the parser asks most.
    func kind(at index: Int) -> TokenKind { kinds[index] }

    /// The first byte of the token at `index`.
    func start(at index: Int) -> Int { Int(starts[index]) }

    /// Where the token at `index` ends: where the next starts (the last token is empty).
    func end(at index: Int) -> Int { Int(index + 1 < starts.count ? starts[index + 1] : starts[index]) }

    func isMalformed(at index: Int) -> Bool {
        guard !malformed.isEmpty else { return false }
        let found = malformed.lowerBound(of: Int32(index)) { $0 }
        return found < malformed.count && malformed[found] == index
    }

    mutating func reserveCapacity(_ count: Int) {
        starts.reserveCapacity(count)
        kinds.reserveCapacity(count)
    }

    var capacity: Int { starts.capacity }

    /// Appends a token starting where the previous one ended.
    mutating func append(_ kind: TokenKind, start: Int, malformed isMalformed: Bool) {
        if isMalformed { malformed.append(Int32(starts.count)) }
        starts.append(UInt32(truncatingIfNeeded: start))
        kinds.append(kind)
    }
}

extension Array {
    /// The first index whose element's `key` is not below `value`, in an array sorted by `key`.
    func lowerBound<Key: Comparable>(of value: Key, by key: (Element) -> Key) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if key(self[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
