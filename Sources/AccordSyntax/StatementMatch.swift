/// A statement matched against its block's grammar: the model reads arguments through this, so
/// it relies on the same table the structure check enforced instead of counting elements.
public struct StatementMatch: Sendable {
    public struct Argument: Sendable {
        public let pattern: ArgumentPattern
        public let node: SyntaxNode
    }

    /// A line's arguments as patterns and node indices read through one tree reference, each
    /// `Argument` built when asked: a plan's lines keep no arrays of views holding the tree.
    public struct Arguments: RandomAccessCollection, Sendable {
        let tree: SyntaxTree
        let patterns: ArraySlice<ArgumentPattern>
        let nodes: ArraySlice<Int32>

        public var startIndex: Int { 0 }
        public var endIndex: Int { nodes.count }

        public subscript(position: Int) -> Argument {
            Argument(pattern: patterns[patterns.startIndex + position], node: SyntaxNode(tree: tree, index: nodes[nodes.startIndex + position]))
        }
    }

    public let statement: StatementSyntax
    /// The attribute's schema, or nil for a keyed line (`ESNEFT 50%`).
    public let attribute: AttributeSchema?
    /// Its index in the block's schema, which is its case's index in the block's attribute type.
    let attributeIndex: Int?
    /// Every leaf of the pattern that took an element, in order; for keyed lines the key first.
    public let arguments: Arguments
    /// Whether an earlier line of the block has the same `repetitionKey` (E106), as the
    /// structure check found; nil when this match was not recorded by it.
    public let isRepeat: Bool?

    /// The line's attribute as its block's type, for a `switch` with no `default`; nil for a keyed line.
    public func attribute<A: BlockAttribute>(as _: A.Type) -> A? { attributeIndex.map { A.allCases[$0] } }

    /// The expressions bound to `.value` leaves.
    public var values: [SyntaxNode] { nodes { if case .value = $0 { true } else { false } } }

    /// The names bound to `.name` leaves (including keys of keyed lines).
    public var names: [SyntaxNode] { nodes { if case .name = $0 { true } else { false } } }

    /// The nodes bound to leaves that satisfy `isWanted`, in one allocation.
    private func nodes(_ isWanted: (ArgumentPattern) -> Bool) -> [SyntaxNode] {
        let tree = arguments.tree, patterns = arguments.patterns, indices = arguments.nodes
        var nodes: [SyntaxNode] = []
        nodes.reserveCapacity(indices.count)
        for offset in 0..<indices.count where isWanted(patterns[patterns.startIndex + offset]) {
            nodes.append(SyntaxNode(tree: tree, index: indices[indices.startIndex + offset]))
        }
        return nodes
    }

    /// The words bound to `.keyword` leaves.
    public var keywords: [String] {
        arguments.compactMap { if case .keyword = $0.pattern { $0.node.simpleName } else { nil } }
    }

    /// The literal tokens bound to `.literal` leaves.
    public var literals: [SyntaxToken] {
        arguments.compactMap { if case .literal = $0.pattern { $0.node.literalToken } else { nil } }
    }

    /// What makes this line unique in its block, or nil when it may repeat: a second line with
    /// the same key is E106, and the model reads only the first.
    public var repetitionKey: String? { Grammar.repetitionKey(attribute, arguments) }

    /// Whether the fixed word `word` was given (`approved … by "…"`).
    public func hasWord(_ word: String) -> Bool {
        arguments.contains { if case .word(let w) = $0.pattern { w == word } else { false } }
    }
}

extension Grammar {
    typealias Bindings = StatementMatch.Arguments

    /// The key of a keyed line is its first element (each keyed schema's key is one leaf); a
    /// keyword value, as in `W407 off`, is not part of it.
    static func repetitionKey(_ attribute: AttributeSchema?, _ bindings: Bindings) -> String? {
        guard let attribute else { return keyText(bindings.prefix(1)) }
        switch attribute.repetition {
        case .many: return nil
        case .once: return attribute.keyword
        case .perKey:
            let text = keyText(bindings)
            return text.isEmpty ? attribute.keyword : "\(attribute.keyword) \(text)"
        }
    }

    private static func keyText(_ bindings: some Collection<StatementMatch.Argument>) -> String {
        bindings.compactMap { binding -> String? in
            switch binding.pattern {
            case .name, .literal, .keyword, .months: binding.node.significantTokens.map(\.normalizedText).joined()
            default: nil
            }
        }.joined(separator: " ")
    }

    /// Matches `statement` as a line of a `kind` block; nil when it does not fit (the structure
    /// check has already reported why) or when the parser could not read it.
    public static func match(_ statement: StatementSyntax, in kind: BlockKind) -> StatementMatch? {
        if let recorded = statement.node.tree.matches.match(statement, in: kind) { return recorded }
        guard !statement.hasErrorNode else { return nil }
        let schema = schema(kind)
        if let keyed = schema.keyedLine, statement.head.map({ schema.attributeIndex(of: $0) == nil }) ?? true {
            var matcher = PatternMatcher(tree: statement.node.tree)
            matcher.start(statement, droppingFirst: 0)
            guard let bindings = matcher.matchAll(.sequence([keyed.key, keyed.value])) else { return nil }
            return StatementMatch(statement: statement, attribute: nil, attributeIndex: nil, arguments: bindings, isRepeat: nil)
        }
        guard let head = statement.head, let index = schema.attributeIndex(of: head) else { return nil }
        var matcher = PatternMatcher(tree: statement.node.tree)
        matcher.start(statement, droppingFirst: 1)
        guard let bindings = matcher.matchAll(schema.attributes[index].arguments) else { return nil }
        return StatementMatch(statement: statement, attribute: schema.attributes[index], attributeIndex: index, arguments: bindings, isRepeat: nil)
    }
}

/// The statements the structure check matched, by node: the block kind it matched them in, the
/// attribute (an index into the block's schema; -1 for a keyed line), whether the line repeats an
/// earlier one's key, and the bindings, kept flat so a plan's matches are a few arrays. Records
/// are in node order (the check records a line after the lines of its block, as nodes are stored),
/// so a line's record is found by binary search: no index over every node of the tree.
struct RecordedMatches: Sendable {
    private struct Record: Sendable {
        let node: Int32
        let start: Int32
        let count: Int32
        let attribute: Int16
        let kind: BlockKind
        let isRepeat: Bool
    }

    /// Where a line's bindings were stored, until its record is made.
    struct Stored {
        fileprivate let start: Int32
        fileprivate let count: Int32
    }

    private var records: [Record] = []
    private var leaves: [ArgumentPattern] = []
    private var elements: [Int32] = []
    /// How many statements the tree has: the most records there can be.
    private var statementCount = 0

    init() {}

    /// Room for every statement of `tree`, and for its expressions but the heads (which most
    /// lines do not bind); a plan with more grows by what its remaining lines will likely need.
    init(reservingFor tree: SyntaxTree) {
        statementCount = tree.nodes.statementCount
        records.reserveCapacity(statementCount)
        let expected = tree.nodes.statementElementCount - statementCount
        leaves.reserveCapacity(expected)
        elements.reserveCapacity(expected)
    }

    mutating func store(_ bindings: Grammar.Bindings) -> Stored {
        if leaves.count + bindings.count > leaves.capacity {
            let needed = leaves.count + bindings.count
            let expected = needed + needed * max(0, statementCount - records.count) / max(1, records.count) + 16
            leaves.reserveCapacity(expected)
            elements.reserveCapacity(expected)
        }
        let stored = Stored(start: Int32(leaves.count), count: Int32(bindings.count))
        leaves.append(contentsOf: bindings.patterns)
        elements.append(contentsOf: bindings.nodes)
        return stored
    }

    /// Records `statement`'s match; statements come in node order.
    mutating func record(_ statement: StatementSyntax, in kind: BlockKind, attribute: Int?, isRepeat: Bool, _ bindings: Stored) {
        assert(records.last.map { $0.node < statement.node.index } ?? true, "matches are recorded in node order")
        records.append(Record(node: statement.node.index, start: bindings.start, count: bindings.count,
                              attribute: Int16(attribute ?? -1), kind: kind, isRepeat: isRepeat))
    }

    /// The recorded match of `statement` in a `kind` block, or nil when there is none to reuse.
    func match(_ statement: StatementSyntax, in kind: BlockKind) -> StatementMatch? {
        let found = records.lowerBound(of: statement.node.index) { $0.node }
        guard found < records.count, records[found].node == statement.node.index, records[found].kind == kind else { return nil }
        let record = records[found]
        let range = Int(record.start)..<Int(record.start + record.count)
        let arguments = StatementMatch.Arguments(tree: statement.node.tree, patterns: leaves[range], nodes: elements[range])
        let attributeIndex = record.attribute < 0 ? nil : Int(record.attribute)
        return StatementMatch(statement: statement, attribute: attributeIndex.map { Grammar.schema(kind).attributes[$0] }, attributeIndex: attributeIndex,
                              arguments: arguments, isRepeat: record.isRepeat)
    }
}
