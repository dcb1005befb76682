import AccordSyntax

/// Prints a syntax tree in Accord's one canonical layout, so that a plan reads the same whoever
/// wrote it and a review diff shows facts, not spacing.
///
/// The layout:
/// - **Lines.** One statement per line, two spaces of indent per block level. Statements joined
///   with `;` are split, and one-line blocks (`confidence-weights { green 100%; amber 50% }`) are
///   expanded to one line per statement. A block's `{` follows its header after one space; `}`
///   stands on its own line at the header's indent; a block with nothing in it prints as `{}`.
/// - **Within a statement.** Elements are separated by one space; `,` sticks to the element before
///   it and is followed by one space; `=` and binary operators have a space on each side; prefix
///   operators, parentheses and the dots of dotted names are tight (`-33%`, `(a - b)`, `fu.baseline`).
///   A statement wrapped after a comma is joined back onto one line, unless a comment sits in the
///   wrap: then the line breaks there, and the continuation lines are indented 4 more spaces. A
///   statement ending in a comma (an error) keeps a `;`, or the next line would continue it.
/// - **Literals** are written by `SyntaxToken.normalizedText` (`2022/23` becomes `FY22/23`);
///   everything else as written.
/// - **Comments** are never dropped and never reordered relative to the code. An own-line comment
///   stays on its own line at its block's indent; a trailing comment stays at the end of its line
///   (the `{` line, the `}` line, or the statement's line; the comment after a `;` statement goes with
///   the statement before it). Trailing whitespace inside a comment is removed.
/// - **Comment alignment** (gofmt-like). A *run* is a maximal sequence of consecutive code lines of
///   one block: a blank line, an own-line comment, or a line of another block (a nested block's
///   contents) ends it; a `{` line and its `}` line belong to the outer block, and a statement's
///   continuation lines to the statement's block. In each run, every trailing comment starts two
///   columns after the end of the longest line *that carries a trailing comment* (a long line without
///   a comment does not push the others right). Widths count characters. Runs depend only on the
///   output's own lines, so formatting is idempotent.
/// - **Blank lines.** Inside a block, a run of blank lines becomes one, and there are none right
///   after `{` or right before `}`. At the top level, two statements are separated by exactly one
///   blank line when either has a block, and otherwise by at most one, as written. Own-line comments
///   directly above a statement (no blank line between) belong to it, so the blank line goes above
///   them; comments separated by a blank line stand alone and keep their blank lines (at most one).
/// - **File.** No blank lines at the start, LF line endings, no trailing whitespace, no byte-order
///   mark, exactly one `\n` at the end (an empty file stays empty).
///
/// Total: a statement holding a syntax error is printed as its source text, trimmed, so the
/// formatter never guesses at broken code (callers refuse to format such files anyway).
public enum Formatter {
    public static func format(_ tree: SyntaxTree) -> String {
        var printer = Printer()
        printer.printBody(of: tree.root, depth: 0)
        return printer.render()
    }
}

/// One output line before comment alignment.
struct Line {
    /// The block level the line belongs to; continuation lines share their statement's level.
    var depth: Int
    var indent: Int
    /// Empty for a blank line or an own-line comment.
    var code = ""
    var comment: String?

    static let blank = Line(depth: 0, indent: 0)

    var width: Int { indent + code.count }

    /// Attaching a second comment to one line only happens on trees the parser never builds; the
    /// texts are joined rather than lost.
    mutating func attach(_ text: String) {
        comment = comment.map { $0 + " " + text } ?? text
    }

    mutating func append(_ piece: String, spaced: Bool = true) {
        code += code.isEmpty || !spaced ? piece : " " + piece
    }
}

/// A statement of a block or file with the comments around it.
struct Item {
    /// Own-line comments directly above; for a standalone comment group, the group itself.
    var leading: [String] = []
    /// A statement, or a stray `}` error node; nil for a standalone comment group.
    var node: SyntaxNode?
    /// The node's children, read once: views are rebuilt on every access.
    var children: [SyntaxElement] = []
    /// Comments later on the statement's last line that the parser left in the block (after a `;`).
    var trailing: [String] = []
    var blankBefore: Bool

    var hasBlock: Bool { children.contains { $0.node?.kind == .block } }
}

struct Printer {
    var lines: [Line] = []

    // MARK: Blocks and files

    /// Prints the statements and comments of a block (or the file) at `depth`; returns the
    /// comment on the block's `{` line.
    @discardableResult
    mutating func printBody(of container: SyntaxNode, depth: Int) -> [String] {
        let (header, items) = Printer.items(of: container)
        let isFile = container.kind == .sourceFile
        for (index, item) in items.enumerated() {
            if index > 0, item.blankBefore || (isFile && (item.hasBlock || items[index - 1].hasBlock)) {
                lines.append(.blank)
            }
            for text in item.leading { lines.append(Line(depth: depth, indent: depth * 2, comment: text)) }
            if item.node != nil { printStatement(item, depth: depth) }
        }
        return header
    }

    /// Splits a container's children into items, keeping track of where each comment stood: on
    /// the `{` line, after a statement on its line, or on a line of its own.
    static func items(of container: SyntaxNode) -> (header: [String], items: [Item]) {
        enum LineSoFar { case nothing, openBrace, statement, comment }
        var line: LineSoFar = container.kind == .block ? .openBrace : .nothing
        var header: [String] = [], items: [Item] = []
        var group: [String] = [], groupBlankBefore = false
        var blankLines = 0

        func flushGroup() {
            if !group.isEmpty { items.append(Item(leading: group, blankBefore: groupBlankBefore)) }
            group = []
        }
        for child in container.children {
            switch child {
            case .node(let node):
                // Comments touching the statement belong to it; a blank line detaches them.
                if blankLines > 0 { flushGroup() }
                let children = node.children
                items.append(Item(leading: group, node: node, children: children, blankBefore: group.isEmpty ? blankLines > 0 : groupBlankBefore))
                group = []
                blankLines = 0
                line = children.last?.token?.kind == .newline ? .nothing : .statement
            case .token(let token) where token.kind == .comment:
                let text = trimmed(token.text)
                switch line {
                case .openBrace: header.append(text)
                case .statement: items[items.count - 1].trailing.append(text)
                case .nothing, .comment:
                    if blankLines > 0 || group.isEmpty {
                        flushGroup()
                        groupBlankBefore = blankLines > 0
                    }
                    group.append(text)
                    blankLines = 0
                }
                line = .comment
            case .token(let token) where token.kind == .newline:
                if line == .nothing { blankLines += 1 }
                line = .nothing
            default:
                break // braces, whitespace, `;`, the byte-order mark, the end of the file
            }
        }
        flushGroup()
        return (header, items)
    }

    // MARK: Statements

    mutating func printStatement(_ item: Item, depth: Int) {
        let indent = depth * 2
        let children = item.children, trailing = item.trailing
        guard let node = item.node, node.kind == .statement, !Printer.needsVerbatim(children) else {
            return printVerbatim(item, depth: depth)
        }
        let blockIndex = children.firstIndex { $0.node?.kind == .block }
        let headerEnd = blockIndex ?? children.count
        // A comment with more of the header after it forces a line break.
        let lastPiece = children[..<headerEnd].lastIndex { child in
            child.node != nil || child.token.map { $0.kind == .comma || $0.kind == .equals } == true
        } ?? -1
        var current = Line(depth: depth, indent: indent)
        let continuation = Line(depth: depth, indent: indent + 4)
        var sawNewline = false
        var strays: [String] = []

        for index in 0..<headerEnd {
            switch children[index] {
            case .node(let expression):
                current.append(Printer.text(of: expression, strays: &strays))
                sawNewline = false
            case .token(let token):
                switch token.kind {
                case .comma:
                    current.append(",", spaced: false)
                    sawNewline = false
                case .equals:
                    current.append("=")
                    sawNewline = false
                case .newline:
                    sawNewline = true
                case .comment:
                    let text = trimmed(token.text)
                    if sawNewline || current.code.isEmpty {
                        // On a line of its own inside a wrapped statement.
                        if !current.code.isEmpty { lines.append(current) }
                        lines.append(Line(depth: depth, indent: indent + 4, comment: text))
                        current = continuation
                    } else {
                        current.attach(text)
                        if index < lastPiece || blockIndex != nil {
                            lines.append(current)
                            current = continuation
                        }
                    }
                default:
                    break
                }
            }
        }
        strays.forEach { current.attach($0) }

        guard let blockIndex, let block = children[blockIndex].node else {
            // After a trailing comma (an error the structure check reports), a newline would make
            // the next statement a continuation of this one: keep a `;` to end it.
            if lastPiece >= 0, children[lastPiece].token?.kind == .comma { current.append(";", spaced: false) }
            trailing.forEach { current.attach($0) }
            return lines.append(current)
        }
        // Comments after the block, in the statement or after its `;`, go on the `}` line.
        let after = children[(blockIndex + 1)...].compactMap(\.token).filter { $0.kind == .comment }
        let closing = after.map { trimmed($0.text) } + trailing
        let headerLine = lines.count
        current.append("{")
        lines.append(current)
        let header = printBody(of: block, depth: depth + 1)
        if headerLine == lines.count - 1, header.isEmpty {
            lines[headerLine].code += "}"
            closing.forEach { lines[headerLine].attach($0) }
            return
        }
        header.forEach { lines[headerLine].attach($0) }
        var close = Line(depth: depth, indent: indent, code: "}")
        closing.forEach { close.attach($0) }
        lines.append(close)
    }

    /// Statements the parser could not fully read are left as written. Some errors leave no
    /// error node: a statement opening with `{`, an unclosed block, a block nested too deep.
    static func needsVerbatim(_ children: [SyntaxElement]) -> Bool {
        let children = children.compactMap(\.node)
        guard let first = children.first, first.kind != .block else { return true }
        return children.contains { child in
            guard child.kind == .block else { return child.containsError }
            let tokens = child.childTokens.map(\.kind).filter { !$0.isTrivia && $0 != .newline && $0 != .semicolon }
            return tokens != [.leftBrace, .rightBrace]
        }
    }

    mutating func printVerbatim(_ item: Item, depth: Int) {
        let source = (item.node?.description ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var texts = source.map { trimmed(String($0)) }
        while texts.last?.isEmpty == true { texts.removeLast() }
        for (index, text) in texts.enumerated() {
            // Later lines keep their own indentation: they are the statement as written.
            var line = Line(depth: depth, indent: index == 0 ? depth * 2 : 0, code: text)
            if index == texts.count - 1 { item.trailing.forEach { line.attach($0) } }
            lines.append(line)
        }
    }

    // MARK: Expressions

    /// An expression's text: binary operators spaced, everything else tight. Comments can't stand
    /// inside an expression in a tree without errors; any that do are handed back, not dropped.
    static func text(of node: SyntaxNode, strays: inout [String]) -> String {
        var parts: [String] = []
        for child in node.children {
            switch child {
            case .node(let inner):
                parts.append(text(of: inner, strays: &strays))
            case .token(let token):
                switch token.kind {
                case .comment: strays.append(trimmed(token.text))
                case .whitespace, .newline, .byteOrderMark, .endOfFile: break
                default: parts.append(token.normalizedText)
                }
            }
        }
        return parts.joined(separator: node.kind == .binaryExpression ? " " : "")
    }

    // MARK: Output

    /// Aligns trailing comments run by run (see the rules above) and joins the lines.
    func render() -> String {
        var output = ""
        var start = 0
        while start < lines.count {
            var end = start + 1
            if !lines[start].code.isEmpty {
                while end < lines.count, !lines[end].code.isEmpty, lines[end].depth == lines[start].depth { end += 1 }
            }
            let column = lines[start..<end].filter { $0.comment != nil }.map(\.width).max() ?? 0
            for line in lines[start..<end] {
                var text = line.code.isEmpty && line.comment == nil ? "" : String(repeating: " ", count: line.indent) + line.code
                if let comment = line.comment {
                    if !line.code.isEmpty { text += String(repeating: " ", count: column - line.width + 2) }
                    text += comment
                }
                output += text + "\n"
            }
            start = end
        }
        return output
    }
}

/// Text without trailing whitespace (or the `\r` of a CRLF line).
func trimmed(_ text: String) -> String {
    var text = Substring(text)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
}
