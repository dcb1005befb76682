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
    public let tokens: TokenList
    let nodes: NodeTable
    /// The structure check's matches, so the model reads them instead of matching again.
    let matches: RecordedMatches

    init(file: SourceFile, tokens: TokenList, nodes: NodeTable) {
        self.file = file
        self.tokens = tokens
        self.nodes = nodes
        matches = RecordedMatches()
    }

    private init(_ tree: SyntaxTree, matches: RecordedMatches) {
        file = tree.file
        tokens = tree.tokens
        nodes = tree.nodes
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

/// The nodes of a tree, nine bytes each, and their children. What can be worked out is not
/// stored: a node's children start where the previous node's end (nodes finish in order, each
/// moving its children to the end of `edges`), a node's tokens end where its last child's do,
/// and a parent is found by walking down from the root.
struct NodeTable: Sendable {
    private var kinds: [SyntaxKind] = []
    private var childEnds: [Int32] = []
    /// The first token below each node (for an empty node, the token it stands before), with
    /// `errorBit` set when the node or one below it is an error node (asked of every statement).
    /// A file has at most 64 MiB, so token indices never reach that bit.
    private var firstTokens: [UInt32] = []
    private static let errorBit: UInt32 = 1 << 31
    private(set) var edges: [Int32] = []
    /// How many statements, and expressions directly in them: what the structure check records
    /// at most, so its arrays are reserved once.
    private(set) var statementCount = 0
    private(set) var statementElementCount = 0

    var count: Int { kinds.count }
    /// Whether the next node would grow the nodes. Edges never outgrow `tokens + nodes` reserved
    /// (every token and every node but the root is one edge), so the nodes are what to watch.
    var isFull: Bool { childEnds.count == childEnds.capacity }

    func kind(_ index: Int32) -> SyntaxKind { kinds[Int(index)] }
    func containsError(_ index: Int32) -> Bool { firstTokens[Int(index)] & Self.errorBit != 0 }
    func firstToken(_ index: Int32) -> Int32 { Int32(firstTokens[Int(index)] & ~Self.errorBit) }

    func childRange(_ index: Int32) -> Range<Int> {
        (index == 0 ? 0 : Int(childEnds[Int(index) - 1]))..<Int(childEnds[Int(index)])
    }

    func children(_ index: Int32) -> ArraySlice<Int32> { edges[childRange(index)] }

    /// One past the last token below the node, found down its last children.
    func endToken(_ index: Int32) -> Int32 {
        var node = index
        while true {
            let range = childRange(node)
            guard let last = range.last else { return firstToken(node) }
            let edge = edges[last]
            if edge >= 0 { return edge + 1 }
            node = ~edge
        }
    }

    func firstToken(ofEdge edge: Int32) -> Int32 { edge >= 0 ? edge : firstToken(~edge) }

    mutating func reserveCapacity(nodes nodeCount: Int, edges edgeCount: Int) {
        kinds.reserveCapacity(nodeCount)
        childEnds.reserveCapacity(nodeCount)
        firstTokens.reserveCapacity(nodeCount)
        edges.reserveCapacity(edgeCount)
    }

    mutating func appendEdge(_ edge: Int32) { edges.append(edge) }

    /// Adds a node whose children are the edges appended since the previous node; `elements`
    /// counts a statement's expressions.
    mutating func appendNode(_ kind: SyntaxKind, containsError: Bool, firstToken: Int32, elements: Int) {
        kinds.append(kind)
        childEnds.append(Int32(edges.count))
        firstTokens.append(UInt32(firstToken) | (containsError ? Self.errorBit : 0))
        if kind == .statement {
            statementCount += 1
            statementElementCount += elements
        }
    }
}

/// A view of one node of a `SyntaxTree`.
public struct SyntaxNode: Sendable, CustomStringConvertible {
    public let tree: SyntaxTree
    let index: Int32

    public var kind: SyntaxKind { tree.nodes.kind(index) }

    /// The node holding this one, found by walking down from the root (a tree keeps no parent
    /// links): in post-order, the child that holds a node is the first child not before it.
    public var parent: SyntaxNode? {
        var holder = Int32(tree.nodes.count - 1)
        descending: while holder != index {
            for edge in tree.nodes.children(holder) where edge < 0 && ~edge >= index {
                if ~edge == index { return SyntaxNode(tree: tree, index: holder) }
                holder = ~edge
                continue descending
            }
            break
        }
        return nil
    }

    var firstToken: Int32 { tree.nodes.firstToken(index) }
    var endToken: Int32 { tree.nodes.endToken(index) }

/// Children in source order: nodes and tokens (trivia included).
    public var children: [SyntaxElement] {
        childEdges.map { edge in
            edge < 0 ? .node(SyntaxNode(tree: tree, index: ~edge)) : .token(SyntaxToken(tree: tree, index: edge))
        }
    }

    // The views below walk `edges` and `tokens` directly: they run for every statement of a
    // plan several times over, and building `children` first would double their allocations.
    var childEdges: ArraySlice<Int32> { tree.nodes.children(index) }

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
    public var tokens: [SyntaxToken] { (firstToken..<endToken).map { SyntaxToken(tree: tree, index: $0) } }

    /// The significant (non-trivia) tokens below this node.
    public var significantTokens: [SyntaxToken] {
        let tokenRange = firstToken..<endToken
        var tokens: [SyntaxToken] = []
        tokens.reserveCapacity(tokenRange.count)
        for index in tokenRange where !tree.tokens.kind(at: Int(index)).isTrivia {
            tokens.append(SyntaxToken(tree: tree, index: index))
        }
        return tokens
    }

    /// The only significant token below this node, if there is exactly one.
    var singleSignificantToken: SyntaxToken? {
        var found: Int32?
        for index in firstToken..<endToken where !tree.tokens.kind(at: Int(index)).isTrivia {
            if found != nil { return nil }
            found = index
        }
        return found.map { SyntaxToken(tree: tree, index: $0) }
    }

    /// The first significant token below this node.
    var firstSignificantToken: SyntaxToken? {
        for index in firstToken..<endToken where !tree.tokens.kind(at: Int(index)).isTrivia {
            return SyntaxToken(tree: tree, index: index)
        }
        return nil
    }

    /// Byte range of everything below this node.
    public var range: Range<Int> {
        let first = Int(firstToken), end = Int(endToken)
        guard end > first else {
            let at = first < tree.tokens.count ? tree.tokens.start(at: first) : tree.file.bytes.count
            return at..<at
        }
        return tree.tokens.start(at: first)..<tree.tokens.end(at: end - 1)
    }

    /// Byte range from the first to the last significant token (no trailing comment or newline).
    public var trimmedRange: Range<Int> {
        func shown(_ index: Int32) -> Bool {
            let kind = tree.tokens.kind(at: Int(index))
            return !kind.isTrivia && kind != .newline && kind != .semicolon && kind != .endOfFile
        }
        let end = endToken
        var first = firstToken
        while first < end, !shown(first) { first += 1 }
        guard first < end else { return range }
        var last = end - 1
        while !shown(last) { last -= 1 }
        return tree.tokens.start(at: Int(first))..<tree.tokens.end(at: Int(last))
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
    public var kind: TokenKind { tree.tokens.kind(at: Int(index)) }
    public var isMalformed: Bool { tree.tokens.isMalformed(at: Int(index)) }
    public var range: Range<Int> { tree.tokens.start(at: Int(index))..<tree.tokens.end(at: Int(index)) }
    public var text: String { String(decoding: tree.file.bytes[range], as: UTF8.self) }
    /// The token's text as the formatter writes it (`2022/23` → `FY22/23`).
    public var normalizedText: String { LiteralText.normalized(kind, text) }
}

/// Builds the flat tree: open nodes collect children in a buffer; a finished node moves its
/// children into `edges`. `checkpoint`/`startNode(at:)` wrap children already added, which is
/// how a binary expression takes its left operand.
struct TreeBuilder {
    private var table = NodeTable()
    private var buffer: [Int32] = []
    private var open: [(kind: SyntaxKind, start: Int)] = []
    private let tokenCount: Int

    init(expectedTokens: Int) {
        // Plans have a little over one node for every two tokens (trivia included), and every
        // token and node but the root is one edge. Reserving a little under that, then growing by
        // what the rest of the file will likely need, keeps these close to their size instead
        // of doubling them.
        tokenCount = expectedTokens
        let expectedNodes = expectedTokens / 2 + 16
        table.reserveCapacity(nodes: expectedNodes, edges: expectedTokens + expectedNodes)
    }

    var checkpoint: Int { buffer.count }

    mutating func startNode(_ kind: SyntaxKind) { open.append((kind, buffer.count)) }
    mutating func startNode(at checkpoint: Int, _ kind: SyntaxKind) { open.append((kind, checkpoint)) }
    mutating func addToken(_ index: Int) { buffer.append(Int32(index)) }

    /// Closes the innermost open node; `nextToken` places an empty node.
    mutating func finishNode(nextToken: Int) {
        let (kind, start) = open.removeLast()
        if table.isFull, nextToken > 0 {
            let nodes = table.count + table.count * max(0, tokenCount - nextToken) / nextToken + 16
            table.reserveCapacity(nodes: nodes, edges: tokenCount + nodes)
        }
        let first = start < buffer.count ? table.firstToken(ofEdge: buffer[start]) : Int32(nextToken)
        var containsError = kind == .error
        var elements = 0
        // One pass, element by element: the generic slice append and `removeLast(_:)` cost more
        // than the copy itself for the two or three children a node usually has.
        for index in start..<buffer.count {
            let edge = buffer[index]
            if edge < 0 {
                if table.containsError(~edge) { containsError = true }
                if table.kind(~edge) != .block { elements += 1 }
            }
            table.appendEdge(edge)
        }
        while buffer.count > start { buffer.removeLast() }
        table.appendNode(kind, containsError: containsError, firstToken: first, elements: elements)
        buffer.append(~Int32(table.count - 1))
    }

    func build(file: SourceFile, tokens: TokenList) -> SyntaxTree {
        precondition(open.isEmpty, "every node is finished before the tree is built")
        return SyntaxTree(file: file, tokens: tokens, nodes: table)
    }
}
