/// Typed views over the generic tree, named after the grammar: what the structure check, the
/// formatter and the model read instead of walking raw children.
public struct StatementSyntax: Sendable {
    public let node: SyntaxNode

    public init?(_ node: SyntaxNode) {
        guard node.kind == .statement else { return nil }
        self.node = node
    }

    /// Expressions and the `,`/`=` separators between them, in order, before any block.
    public var items: [StatementItem] {
        var edges: [Int32] = []
        appendItemEdges(droppingFirst: 0, to: &edges)
        return edges.map { StatementItem(edge: $0, in: node.tree) }
    }

    /// The items after the first `count` (the head) as edges (`~node` for an expression, a token
    /// index for `,` or `=`), appended to `edges`: the structure check reads every line's items
    /// this way, into one buffer, with no views holding the tree.
    func appendItemEdges(droppingFirst count: Int, to edges: inout [Int32]) {
        let tree = node.tree
        var skipped = 0
        for edge in node.childEdges {
            if edge < 0 {
                guard tree.nodes.kind(~edge) != .block else { continue }
            } else {
                let kind = tree.tokens.kind(at: Int(edge))
                guard kind == .comma || kind == .equals else { continue }
            }
            if skipped < count { skipped += 1 } else { edges.append(edge) }
        }
    }

    /// The expressions of the statement, the head first.
    public var elements: [SyntaxNode] { node.childNodes { $0.kind != .block } }

    public var head: SyntaxNode? { node.firstChildNode { _ in true }.flatMap { $0.kind == .block ? nil : $0 } }

    /// The head as a keyword (`scheme`, `status`, `ESNEFT` in a share), when it is a plain name.
    public var keyword: String? { head?.simpleName }

    public var block: BlockSyntax? { node.firstChildNode { $0.kind == .block }.map(BlockSyntax.init) }

    /// The header: from the head to the last element, without the block or trailing comment.
    public var headerRange: Range<Int> {
        var first: SyntaxNode?, last: SyntaxNode?
        for edge in node.childEdges where edge < 0 {
            let child = SyntaxNode(tree: node.tree, index: ~edge)
            guard child.kind != .block else { continue }
            if first == nil { first = child }
            last = child
        }
        guard let first, let last else { return node.trimmedRange }
        let start = first.trimmedRange.lowerBound
        return start..<max(start, last.trimmedRange.upperBound)
    }

    /// True when the parser had to give up on part of this statement (an error node).
    public var hasErrorNode: Bool { node.firstChildNode { $0.kind != .block && $0.containsError } != nil }
}

public enum StatementItem: Sendable {
    case expression(SyntaxNode)
    case comma(SyntaxToken)
    case equals(SyntaxToken)

    /// The item an edge from `appendItemEdges` stands for.
    init(edge: Int32, in tree: SyntaxTree) {
        if edge < 0 {
            self = .expression(SyntaxNode(tree: tree, index: ~edge))
        } else {
            let token = SyntaxToken(tree: tree, index: edge)
            self = token.kind == .comma ? .comma(token) : .equals(token)
        }
    }
}

public struct BlockSyntax: Sendable {
    public let node: SyntaxNode

    public var statements: [StatementSyntax] {
        let edges = node.childEdges
        var statements: [StatementSyntax] = []
        statements.reserveCapacity(edges.count)
        for edge in edges where edge < 0 {
            if let statement = StatementSyntax(SyntaxNode(tree: node.tree, index: ~edge)) { statements.append(statement) }
        }
        return statements
    }
    public var leftBrace: SyntaxToken? { node.childTokens.first { $0.kind == .leftBrace } }
    public var rightBrace: SyntaxToken? { node.childTokens.last { $0.kind == .rightBrace } }
}

extension SyntaxTree {
    /// Whether `token` is spelled `word`, byte for byte.
    func spells(_ token: Token, _ word: String) -> Bool {
        guard token.end - token.start == word.utf8.count else { return false }
        var word = word
        return word.withUTF8 { expected in file.bytes[token.range].withUnsafeBufferPointer { $0.elementsEqual(expected) } }
    }

    /// The top-level statements of the file.
    public var statements: [StatementSyntax] { root.childNodes.compactMap(StatementSyntax.init) }
}

extension SyntaxNode {
    /// The name's text when this is a plain (undotted) name: `ESNEFT`, not `PIP-05.M1`.
    public var simpleName: String? {
        guard kind == .name else { return nil }
        return singleSignificantToken?.text
    }

    /// Whether this is the plain name `word`, compared byte for byte: asked of every statement's
    /// head and keyword values, where building the name's `String` cost more than the comparison.
    func isName(_ word: String) -> Bool { simpleNameToken.map { tree.spells($0, word) } ?? false }

    /// The token of a plain name, to compare with several words without finding it each time.
    var simpleNameToken: Token? { kind == .name ? singleSignificantToken?.token : nil }

    /// The parts of a dotted name: `PIP-05.M1` → ["PIP-05", "M1"].
    public var nameParts: [String] {
        guard kind == .name else { return [] }
        return significantTokens.filter { $0.kind == .identifier }.map(\.text)
    }

    /// The single token of a literal node.
    public var literalToken: SyntaxToken? {
        guard kind == .literal else { return nil }
        return firstSignificantToken
    }

    public var containsError: Bool { tree.nodes.containsError(index) }
}
