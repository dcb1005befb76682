import AccordDiagnostics

/// The kinds of node. The tree is deliberately generic — a statement is a list of elements and
/// an optional block — so the parser accepts any attribute anywhere (parse generously) and the
/// structure check, driven by `Grammar`, says what is allowed where.
public enum SyntaxKind: UInt8, Sendable {
    case sourceFile
    /// Elements (expressions, with `,` and `=` between them), an optional block, a terminator.
    case statement
    /// `{`, statements, `}`.
    case block
    /// `ESNEFT`, `PIP-05.M1`, `fu-f2f.baseline`.
    case name
    case literal
    /// `-x`, `+5%`.
    case prefixExpression
    /// `a * b`, `a - b`.
    case binaryExpression
    /// `( expression )`.
    case parenthesized
    /// Text the parser could not make sense of (an E104 was reported), or a missing operand.
    case error
}

/// A lossless syntax tree stored flat: tokens cover every byte of the file, nodes are kept in
/// post-order, and each node's children are a run of `edges` (a token index, or a node index
/// stored as `~index`). Views (`SyntaxNode`) are small values pointing into it.
public final class SyntaxTree: Sendable {
    public let file: SourceFile
    public let tokens: [Token]
    let nodes: [RawNode]
    let edges: [Int32]
    let parents: [Int32]
    /// The structure check's matches, so the model reads them instead of matching again.
    let matches: RecordedMatches

    struct RawNode: Sendable {
        var kind: SyntaxKind
        /// Whether this node or one below it is an error node: asked of every statement.
        var containsError: Bool
        var childStart: Int32
        var childCount: Int32
        var firstToken: Int32
        var endToken: Int32
    }

    init(file: SourceFile, tokens: [Token], nodes: [RawNode], edges: [Int32]) {
        self.file = file
        self.tokens = tokens
        self.nodes = nodes
        self.edges = edges
        var parents = [Int32](repeating: -1, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for edge in edges[Int(node.childStart)..<Int(node.childStart + node.childCount)] where edge < 0 {
                parents[Int(~edge)] = Int32(index)
            }
        }
        self.parents = parents
        matches = RecordedMatches()
    }

    private init(_ tree: SyntaxTree, matches: RecordedMatches) {
        file = tree.file
        tokens = tree.tokens
        nodes = tree.nodes
        edges = tree.edges
        parents = tree.parents
        self.matches = matches
    }

    /// The same tree (its arrays shared, not copied) with the structure check's matches.
    func recording(_ matches: RecordedMatches) -> SyntaxTree { SyntaxTree(self, matches: matches) }

    public var root: SyntaxNode { SyntaxNode(tree: self, index: Int32(nodes.count - 1)) }

    public func text(of token: Token) -> String {
        String(decoding: file.bytes[token.range], as: UTF8.self)
    }

    /// Every byte of the source, printed back by walking the tree (not the token array), which is
    /// what the round-trip tests check.
    public var sourceText: String { root.description }
}

/// A view of one node of a `SyntaxTree`.
public struct SyntaxNode: Sendable, CustomStringConvertible {
    public let tree: SyntaxTree
    let index: Int32

    var raw: SyntaxTree.RawNode { tree.nodes[Int(index)] }

    public var kind: SyntaxKind { raw.kind }
    public var parent: SyntaxNode? {
        let p = tree.parents[Int(index)]
        return p < 0 ? nil : SyntaxNode(tree: tree, index: p)
    }

    /// Children in source order: nodes and tokens (trivia included).
    public var children: [SyntaxElement] {
        let raw = raw
        return tree.edges[Int(raw.childStart)..<Int(raw.childStart + raw.childCount)].map { edge in
            edge < 0 ? .node(SyntaxNode(tree: tree, index: ~edge)) : .token(SyntaxToken(tree: tree, index: edge))
        }
    }

    // The views below walk `edges` and `tokens` directly: they run for every statement of a
    // plan several times over, and building `children` first would double their allocations.
    var childEdges: ArraySlice<Int32> {
        let raw = raw
        return tree.edges[Int(raw.childStart)..<Int(raw.childStart + raw.childCount)]
    }

    public var childNodes: [SyntaxNode] { childNodes { _ in true } }
    public var childTokens: [SyntaxToken] { childEdges.compactMap { $0 >= 0 ? SyntaxToken(tree: tree, index: $0) : nil } }

    /// The child nodes that satisfy `predicate`, in one allocation (`compactMap` grows step by step).
    func childNodes(where predicate: (SyntaxNode) -> Bool) -> [SyntaxNode] {
        let edges = childEdges
        var nodes: [SyntaxNode] = []
        nodes.reserveCapacity(edges.count)
        for edge in edges where edge < 0 {
            let node = SyntaxNode(tree: tree, index: ~edge)
            if predicate(node) { nodes.append(node) }
        }
        return nodes
    }

    /// The first child node that satisfies `predicate`, without building the list of children.
    public func firstChildNode(where predicate: (SyntaxNode) -> Bool) -> SyntaxNode? {
        for edge in childEdges where edge < 0 {
            let node = SyntaxNode(tree: tree, index: ~edge)
            if predicate(node) { return node }
        }
        return nil
    }

    /// All tokens below this node, trivia included, in order.
    public var tokens: [SyntaxToken] {
        let raw = raw
        return (raw.firstToken..<raw.endToken).map { SyntaxToken(tree: tree, index: $0) }
    }

    /// The significant (non-trivia) tokens below this node.
    public var significantTokens: [SyntaxToken] {
        let raw = raw
        var tokens: [SyntaxToken] = []
        tokens.reserveCapacity(Int(raw.endToken - raw.firstToken))
        for index in raw.firstToken..<raw.endToken where !tree.tokens[Int(index)].kind.isTrivia {
            tokens.append(SyntaxToken(tree: tree, index: index))
        }
        return tokens
    }

    /// The only significant token below this node, if there is exactly one.
    var singleSignificantToken: SyntaxToken? {
        let raw = raw
        var found: Int32?
        for index in raw.firstToken..<raw.endToken where !tree.tokens[Int(index)].kind.isTrivia {
            if found != nil { return nil }
            found = index
        }
        return found.map { SyntaxToken(tree: tree, index: $0) }
    }

    /// The first significant token below this node.
    var firstSignificantToken: SyntaxToken? {
        let raw = raw
        for index in raw.firstToken..<raw.endToken where !tree.tokens[Int(index)].kind.isTrivia {
            return SyntaxToken(tree: tree, index: index)
        }
        return nil
    }

    /// Byte range of everything below this node.
    public var range: Range<Int> {
        let raw = raw
        guard raw.endToken > raw.firstToken else {
            let at = raw.firstToken < Int32(tree.tokens.count) ? Int(tree.tokens[Int(raw.firstToken)].start) : tree.file.bytes.count
            return at..<at
        }
        return Int(tree.tokens[Int(raw.firstToken)].start)..<Int(tree.tokens[Int(raw.endToken) - 1].end)
    }

    /// Byte range from the first to the last significant token (no trailing comment or newline).
    public var trimmedRange: Range<Int> {
        let raw = raw
        func shown(_ index: Int32) -> Bool {
            let kind = tree.tokens[Int(index)].kind
            return !kind.isTrivia && kind != .newline && kind != .semicolon && kind != .endOfFile
        }
        var first = raw.firstToken
        while first < raw.endToken, !shown(first) { first += 1 }
        guard first < raw.endToken else { return range }
        var last = raw.endToken - 1
        while !shown(last) { last -= 1 }
        return Int(tree.tokens[Int(first)].start)..<Int(tree.tokens[Int(last)].end)
    }

    /// The source text of this node, byte for byte.
    public var description: String { String(decoding: tree.file.bytes[range], as: UTF8.self) }

    /// The text of the significant tokens, without trivia: `PIP-05.M1`, `£1.2m`.
    public var compactText: String { significantTokens.map(\.text).joined() }
}

public enum SyntaxElement: Sendable {
    case node(SyntaxNode)
    case token(SyntaxToken)

    public var node: SyntaxNode? { if case .node(let n) = self { n } else { nil } }
    public var token: SyntaxToken? { if case .token(let t) = self { t } else { nil } }
}

/// A view of one token of a `SyntaxTree`.
public struct SyntaxToken: Sendable {
    public let tree: SyntaxTree
    let index: Int32

    public var token: Token { tree.tokens[Int(index)] }
    public var kind: TokenKind { token.kind }
    public var isMalformed: Bool { token.isMalformed }
    public var range: Range<Int> { token.range }
    public var text: String { tree.text(of: token) }
    /// The token's text as the formatter writes it (`2022/23` → `FY22/23`).
    public var normalizedText: String { LiteralText.normalized(kind, text) }
}

/// Builds the flat tree: open nodes collect children in a buffer; a finished node moves its
/// children into `edges`. `checkpoint`/`startNode(at:)` wrap children already added, which is
/// how a binary expression takes its left operand.
struct TreeBuilder {
    private(set) var nodes: [SyntaxTree.RawNode] = []
    private var edges: [Int32] = []
    private var buffer: [Int32] = []
    private var open: [(kind: SyntaxKind, start: Int)] = []

    init(expectedTokens: Int) {
        // A plan has about one node for every two tokens (trivia included), and every token and
        // node but the root is one edge. Reserving a little over that spares the copy, and the
        // doubled capacity, of growing these, the tree's largest arrays.
        let expectedNodes = expectedTokens / 2 + expectedTokens / 8
        nodes.reserveCapacity(expectedNodes)
        edges.reserveCapacity(expectedTokens + expectedNodes)
    }

    var checkpoint: Int { buffer.count }

    mutating func startNode(_ kind: SyntaxKind) { open.append((kind, buffer.count)) }
    mutating func startNode(at checkpoint: Int, _ kind: SyntaxKind) { open.append((kind, checkpoint)) }
    mutating func addToken(_ index: Int) { buffer.append(Int32(index)) }

    /// Closes the innermost open node; `nextToken` places an empty node.
    mutating func finishNode(nextToken: Int) {
        let (kind, start) = open.removeLast()
        let count = buffer.count - start
        let first = count > 0 ? firstToken(of: buffer[start]) : Int32(nextToken)
        let end = count > 0 ? endToken(of: buffer[buffer.count - 1]) : Int32(nextToken)
        let childStart = Int32(edges.count)
        var containsError = kind == .error
        // One pass, element by element: the generic slice append and `removeLast(_:)` cost more
        // than the copy itself for the two or three children a node usually has.
        for index in start..<buffer.count {
            let edge = buffer[index]
            if edge < 0, nodes[Int(~edge)].containsError { containsError = true }
            edges.append(edge)
        }
        while buffer.count > start { buffer.removeLast() }
        nodes.append(.init(kind: kind, containsError: containsError, childStart: childStart, childCount: Int32(count),
                           firstToken: first, endToken: end))
        buffer.append(~Int32(nodes.count - 1))
    }

    private func firstToken(of edge: Int32) -> Int32 { edge >= 0 ? edge : nodes[Int(~edge)].firstToken }
    private func endToken(of edge: Int32) -> Int32 { edge >= 0 ? edge + 1 : nodes[Int(~edge)].endToken }

    func build(file: SourceFile, tokens: [Token]) -> SyntaxTree {
        precondition(open.isEmpty, "every node is finished before the tree is built")
        return SyntaxTree(file: file, tokens: tokens, nodes: nodes, edges: edges)
    }
}
