import AccordDiagnostics

/// What parsing a file gives: always a tree, plus what went wrong.
public struct ParseResult: Sendable {
    public let tree: SyntaxTree
    /// Lexical and grammatical errors (E101–E104, E109). The formatter refuses a file with any.
    public let syntaxErrors: [Diagnostic]
    /// Attributes checked against `Grammar`: shapes (E104), unknown keywords (E105), repeats (E106),
    /// missing required attributes (E107).
    public let structureDiagnostics: [Diagnostic]

    public var diagnostics: [Diagnostic] { syntaxErrors + structureDiagnostics }
}

/// Parses a plan file. Never fails: errors become diagnostics and error nodes, and parsing
/// resumes at the next statement or block, so one run reports every mistake in the file.
/// Without `checkingStructure` the tree is built but not checked against `Grammar` (no E104–E107
/// from the structure check, no matches for the model): all the formatter needs.
public func parse(_ file: SourceFile, checkingStructure: Bool = true) -> ParseResult {
    let (tokens, lexErrors) = Lexer.tokenize(file)
    var parser = Parser(file: file, tokens: tokens)
    parser.parseSourceFile()
    let bare = parser.builder.build(file: file, tokens: tokens)
    guard checkingStructure else { return ParseResult(tree: bare, syntaxErrors: lexErrors + parser.diagnostics, structureDiagnostics: []) }
    let (structure, matches) = StructureCheck.run(bare)
    let tree = bare.recording(matches)
    return ParseResult(tree: tree, syntaxErrors: lexErrors + parser.diagnostics, structureDiagnostics: structure)
}

struct Parser {
    /// Deeper nesting of blocks or expressions is refused (E104) rather than risking the stack.
    static let maximumExpressionDepth = 64
    static let maximumBlockDepth = 32

    let file: SourceFile
    let tokens: TokenList
    var builder: TreeBuilder
    var diagnostics: [Diagnostic] = []
    /// The next token to hand to the builder (trivia included).
    private var position = 0
    /// The next significant token.
    private var current = 0
    private var expressionDepth = 0
    private var blockDepth = 0
    /// One E104 per statement: later ones are usually echoes of the first.
    private var statementHasError = false
    /// The blocks open around the current token, innermost last: their kind (nil when the grammar
    /// does not know it) and the indentation of the line their `{` is on.
    private var openBlocks: [(kind: BlockKind?, indent: Int)] = []
    /// Inside the innermost open block, the first nested block closed by a `}` less indented than
    /// its own line, and that `}`'s line: where an E102 for the open block most likely belongs.
    private var looseClose: (open: Token, line: Int)?

    init(file: SourceFile, tokens: TokenList) {
        self.file = file
        self.tokens = tokens
        self.builder = TreeBuilder(expectedTokens: tokens.count)
        self.current = nextSignificant(from: 0)
    }

    // MARK: Token movement

    private func nextSignificant(from index: Int) -> Int {
        var i = index
        while tokens.kind(at: i).isTrivia { i += 1 }
        return i
    }

    private var kind: TokenKind { tokens.kind(at: current) }
    private var token: Token { tokens[current] }

    private func text(_ token: Token) -> String { String(decoding: file.bytes[token.range], as: UTF8.self) }

    private mutating func flushTrivia() {
        while position < current { builder.addToken(position); position += 1 }
    }

    private mutating func advance() {
        flushTrivia()
        builder.addToken(current)
        position = current + 1
        current = nextSignificant(from: position)
    }

    private mutating func startNode(_ kind: SyntaxKind) {
        flushTrivia()
        builder.startNode(kind)
    }

    private mutating func checkpoint() -> Int {
        flushTrivia()
        return builder.checkpoint
    }

    private mutating func finishNode() { builder.finishNode(nextToken: position) }

    private mutating func error(_ message: String, at range: Range<Int>, help: String? = nil, code: DiagnosticCode = .E104) {
        guard !statementHasError else { return }
        statementHasError = true
        diagnostics.append(Diagnostic(code, file: file, range: range, message: message, help: help))
    }

    /// A token already reported by the lexer (E101, E103) needs no second message.
    private var currentWasReported: Bool { kind == .invalid || token.isMalformed }

    private func describeCurrent() -> String {
        switch kind {
        case .newline, .endOfFile: kind.description
        case .invalid: "`\(text(token))`"
        default: "`\(text(token))`"
        }
    }

    // MARK: Statements and blocks

    mutating func parseSourceFile() {
        builder.startNode(.sourceFile)
        parseStatements(in: .file, inBlock: false)
        flushTrivia()
        builder.addToken(current) // end of file
        position = current + 1
        finishNode()
    }

    /// Statements until `}` (in a block) or the end of the file. Inside a block, a top-level
    /// declaration at the start of a line ends the block early: its `}` was most likely forgotten,
    /// and reading on as if it were not would bury every later declaration in bogus errors.
    private mutating func parseStatements(in block: BlockKind?, inBlock: Bool) {
        while true {
            let before = current
            switch kind {
            case .endOfFile:
                return
            case .rightBrace:
                if inBlock { return }
                statementHasError = false
                startNode(.error)
                error("unexpected `}`: no block is open here", at: token.range, help: "remove this `}`, or look for a block above that was closed twice")
                advance()
                finishNode()
            case .newline, .semicolon:
                advance()
            default:
                if inBlock, startsTopLevelDeclaration(in: block) || startsEnclosingAttribute() { return }
                parseStatement(in: block)
            }
            assertProgress(since: before)
        }
    }

    /// Debug builds check that each turn of a parser loop consumes a token: a turn that does not
    /// would turn forever.
    private func assertProgress(since before: Int) {
        assert(current > before, "parser loop made no progress at token \(before)")
    }

    /// The indentation of the line `offset` is on, and whether only whitespace comes before it.
    private func indentation(at offset: Int) -> (width: Int, isFirst: Bool) {
        var start = offset
        while start > 0, file.bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var width = 0
        while start + width < offset, file.bytes[start + width] == UInt8(ascii: " ") || file.bytes[start + width] == UInt8(ascii: "\t") { width += 1 }
        return (width, start + width == offset)
    }

    /// Inside a nested block, a line no more indented than the block's own header, starting with
    /// an attribute the block does not take but an enclosing block does (`milestone M2` inside
    /// milestone M1), means M1's `}` was forgotten: the block ends there (E102 at its `{`) rather
    /// than swallowing the lines that follow.
    private func startsEnclosingAttribute() -> Bool {
        guard kind == .identifier, openBlocks.count >= 2, let innermost = openBlocks.last, let inner = innermost.kind else { return false }
        let (width, isFirst) = indentation(at: Int(token.start))
        guard isFirst, width <= innermost.indent else { return false }
        // A keyed block's lines start with a name (`ESNEFT 50%`), which may spell an attribute.
        let schema = Grammar.schema(inner), word = text(token)
        guard schema.keyedLine == nil, schema.attribute(word) == nil else { return false }
        return openBlocks.dropLast().contains { $0.kind.map { Grammar.schema($0).attribute(word) != nil } ?? false }
    }

    private func startsTopLevelDeclaration(in block: BlockKind?) -> Bool {
        guard kind == .identifier else { return false }
        let start = Int(token.start)
        guard start == 0 || file.bytes[start - 1] == UInt8(ascii: "\n") else { return false }
        let word = text(token)
        guard Grammar.topLevelKeywords.contains(word) else { return false }
        return block.map { Grammar.schema($0).attribute(word) == nil } ?? true
    }

    private mutating func parseStatement(in block: BlockKind?) {
        statementHasError = false
        startNode(.statement)
        let head = kind == .identifier ? text(token) : nil
        if kind == .leftBrace {
            error("a block must open on the same line as its header", at: token.range,
                  help: "move this `{` to the end of the line above")
            _ = parseBlock(nil)
        } else {
            parseElements()
            if kind == .leftBrace {
                let inner = block.flatMap { Grammar.schema($0).attribute(head ?? "")?.block }
                // A block closed early by recovery leaves the next declaration for the caller.
                guard parseBlock(inner) else { return finishNode() }
            }
        }
        parseTerminator()
        finishNode()
    }

    private mutating func parseTerminator() {
        switch kind {
        case .newline, .semicolon: advance()
        case .rightBrace, .endOfFile: break
        default:
            startNode(.error)
            if !currentWasReported {
                error("unexpected \(describeCurrent()) after the end of a block", at: token.range,
                      help: "start a new line (or use `;`) before the next statement")
            }
            skipToEndOfStatement()
            finishNode()
            if kind == .newline || kind == .semicolon { advance() }
        }
    }

    private mutating func skipToEndOfStatement() {
        while ![.newline, .semicolon, .rightBrace, .leftBrace, .endOfFile].contains(kind) { advance() }
    }

    /// Parses `{ … }`; false when the block was not closed (E102).
    private mutating func parseBlock(_ blockKind: BlockKind?) -> Bool {
        startNode(.block)
        let open = token
        if blockDepth >= Parser.maximumBlockDepth {
            error("blocks are nested more than \(Parser.maximumBlockDepth) deep", at: open.range, help: "close the blocks above with `}`")
            skipBalancedBlock()
            finishNode()
            return true
        }
        let indent = indentation(at: Int(open.start)).width
        openBlocks.append((blockKind, indent))
        let outerLooseClose = looseClose
        looseClose = nil
        advance() // `{`
        blockDepth += 1
        parseStatements(in: blockKind, inBlock: true)
        blockDepth -= 1
        openBlocks.removeLast()
        let closed = kind == .rightBrace
        var closedLoosely: (open: Token, line: Int)?
        if closed {
            let close = indentation(at: Int(token.start))
            if !openBlocks.isEmpty, close.isFirst, close.width < indent { closedLoosely = (open, file.line(of: Int(token.start))) }
            advance()
        } else {
            // A nested block closed by a `}` less indented than itself most likely took this
            // block's `}`: its own was the one forgotten.
            let (unclosed, before) = looseClose.map { ($0.open, "before line \($0.line)") }
                ?? (open, kind == .endOfFile ? "before the end of the file" : "before `\(text(token))` on line \(file.line(of: Int(token.start)))")
            statementHasError = false
            error("the `{` on line \(file.line(of: Int(unclosed.start))) is never closed \(before)", at: unclosed.range,
                  help: "add a `}` where this block ends", code: .E102)
        }
        looseClose = outerLooseClose ?? closedLoosely
        finishNode()
        return closed
    }

    /// Skips a block without recursion, counting braces.
    private mutating func skipBalancedBlock() {
        var depth = 0
        repeat {
            if kind == .leftBrace { depth += 1 } else if kind == .rightBrace { depth -= 1 }
            advance()
        } while depth > 0 && kind != .endOfFile
    }

    // MARK: Elements and expressions

    /// The elements of a statement: expressions, with `,` and `=` between them. A newline right
    /// after a comma continues the statement, so long lists may wrap. The head (a keyword or a
    /// key) never joins an expression: `change -33%` is `change` and then `-33%`.
    private mutating func parseElements() {
        if kind == .identifier || kind.isLiteral {
            parsePrimary()
        } else if kind == .comma || kind == .equals {
            // A separator with nothing before it would leave the statement without its head.
            startNode(.error)
            error("unexpected \(describeCurrent()) at the start of a statement", at: token.range,
                  help: kind == .comma ? "remove this `,`; to carry a list on to the next line, end the line above with `,`"
                                       : "remove this `=`; a named value is written `let name = value`")
            skipToEndOfStatement()
            finishNode()
        }
        while true {
            let before = current
            switch kind {
            case .newline, .semicolon, .rightBrace, .leftBrace, .endOfFile:
                return
            case .comma:
                advance()
                while kind == .newline { advance() }
            case .equals:
                advance()
            default:
                if canStartExpression {
                    parseExpression()
                } else {
                    startNode(.error)
                    if let year = financialYearWithoutFY() {
                        error("`\(year.text)` is not a financial year", at: year.range, help: "write a financial year as FY\(year.text)")
                    } else if !currentWasReported {
                        var help: String? = nil
                        if kind == .dotDot { help = "write a year range without spaces: FY22/23..FY24/25" }
                        if kind == .rightParen { help = "remove this `)`, or add the `(` it closes" }
                        error("unexpected \(describeCurrent()); expected a value, `,` or the end of the line", at: token.range, help: help)
                    }
                    skipToEndOfStatement()
                    finishNode()
                }
            }
            assertProgress(since: before)
        }
    }

    /// `22/23` at the head of a line (an envelope line without its `FY`): the `/` here, a
    /// two-digit number on each side of it.
    private func financialYearWithoutFY() -> (text: String, range: Range<Int>)? {
        guard kind == .slash, current > 0 else { return nil }
        var before = current - 1
        while before > 0, tokens.kind(at: before).isTrivia { before -= 1 }
        let after = current + 1 < tokens.count ? tokens[current + 1] : token
        let twoDigits = { (t: Token) in t.kind == .number && t.range.count == 2 }
        guard twoDigits(tokens[before]), twoDigits(after) else { return nil }
        let range = Int(tokens[before].start)..<Int(after.end)
        return (String(decoding: file.bytes[range], as: UTF8.self), range)
    }

    private var canStartExpression: Bool {
        switch kind {
        case .identifier, .leftParen, .plus, .minus: true
        default: kind.isLiteral
        }
    }

    private mutating func parseExpression() { parseChain(.plus, .minus) { $0.parseTerm() } }

    private mutating func parseTerm() { parseChain(.star, .slash) { $0.parseUnary() } }

    /// `operand (op operand)*` with `op` either of two operators, left-associative: the chain
    /// nests one level per operator.
    private mutating func parseChain(_ first: TokenKind, _ second: TokenKind, operand: (inout Parser) -> Void) {
        let start = checkpoint()
        operand(&self)
        let depth = expressionDepth
        defer { expressionDepth = depth }
        while kind == first || kind == second {
            let before = current
            defer { assertProgress(since: before) }
            guard enterExpression() else { return }
            builder.startNode(at: start, .binaryExpression)
            let op = token
            advance()
            parseOperand(after: op, operand)
            finishNode()
        }
    }

    /// The right operand of `op`, or an empty error node when the line ends first.
    private mutating func parseOperand(after op: Token, _ parse: (inout Parser) -> Void) {
        if canStartExpression { return parse(&self) }
        reportMissingOperand(after: op)
    }

    // Messages are built outside the functions that recurse per nesting level (`parseOperand`,
    // `parseParenthesized`): in debug builds their temporaries would widen every level's frame.

    private mutating func reportMissingOperand(after op: Token) {
        startNode(.error)
        if !currentWasReported {
            error("expected a value after `\(text(op))`, found \(describeCurrent())", at: op.range,
                  help: "complete the expression, or remove the `\(text(op))`")
        }
        finishNode()
    }

    private mutating func parseUnary() {
        guard kind == .plus || kind == .minus else { return parsePrimary() }
        guard enterExpression() else { return }
        startNode(.prefixExpression)
        let op = token
        advance()
        parseOperand(after: op) { $0.parseUnary() }
        finishNode()
        expressionDepth -= 1
    }

    private mutating func parsePrimary() {
        switch kind {
        case .identifier:
            parseName()
        case .leftParen:
            parseParenthesized()
        default:
            startNode(.literal)
            advance()
            finishNode()
        }
    }

    private mutating func parseName() {
        startNode(.name)
        advance()
        while kind == .dot {
            advance()
            if kind == .identifier {
                advance()
            } else {
                error("expected a name after `.`, found \(describeCurrent())", at: token.range,
                      help: "dotted names look like PIP-05.M1 or fu-f2f.baseline")
                // An empty error node marks the missing part, so later stages skip the statement.
                builder.startNode(.error)
                finishNode()
                break
            }
        }
        finishNode()
    }

    private mutating func parseParenthesized() {
        guard enterExpression() else { return }
        startNode(.parenthesized)
        let open = token
        advance()
        parseOperand(after: open) { $0.parseExpression() }
        if kind == .rightParen {
            advance()
        } else if !currentWasReported {
            reportUnclosedParenthesis(open)
        }
        finishNode()
        expressionDepth -= 1
    }

    private mutating func reportUnclosedParenthesis(_ open: Token) {
        error("expected `)` to close the `(` at column \(file.location(of: Int(open.start)).column), found \(describeCurrent())",
              at: token.range.isEmpty ? open.range : token.range, help: "add the missing `)`")
    }

    /// Counts one more level of expression nesting; past the limit, reports it and skips the
    /// rest of the statement.
    private mutating func enterExpression() -> Bool {
        if expressionDepth < Parser.maximumExpressionDepth {
            expressionDepth += 1
            return true
        }
        startNode(.error)
        error("this expression is nested more than \(Parser.maximumExpressionDepth) deep", at: token.range,
              help: "split it into named values with `let`")
        skipToEndOfStatement()
        finishNode()
        return false
    }
}
