import AccordDiagnostics

/// Checks each statement against `Grammar`: the attribute exists in its block (E105), its
/// arguments have the right shape (E104), it is not repeated (E106), and each block has what it
/// requires (E107). Purely structural: names are not resolved and values are not evaluated.
enum StructureCheck {
    static func run(_ tree: SyntaxTree) -> (diagnostics: [Diagnostic], matches: RecordedMatches) {
        var check = Checker(file: tree.file)
        check.checkStatements(tree.statements, in: .file, owner: nil)
        return (check.diagnostics, check.matches)
    }
}

/// One way a pattern matched: where it ended and which element each leaf took.
struct PatternMatch {
    var end: Int
    /// The latest binding; earlier ones are shared with the partial matches this one grew from,
    /// so the many partial matches of a long list cost linear, not quadratic, time and memory.
    private var last: Binding?

    init(end: Int) { self.end = end }

    private final class Binding {
        let leaf: ArgumentPattern, element: SyntaxNode, previous: Binding?
        init(_ leaf: ArgumentPattern, _ element: SyntaxNode, previous: Binding?) {
            self.leaf = leaf
            self.element = element
            self.previous = previous
        }
    }

    mutating func bind(_ leaf: ArgumentPattern, _ element: SyntaxNode) { last = Binding(leaf, element, previous: last) }

    /// The bindings in source order.
    var bindings: [(leaf: ArgumentPattern, element: SyntaxNode)] {
        var all: [(leaf: ArgumentPattern, element: SyntaxNode)] = []
        var binding = last
        while let current = binding { all.append((current.leaf, current.element)); binding = current.previous }
        return all.reversed()
    }
}

/// Matches statement items against an `ArgumentPattern`, keeping the furthest failure so the
/// message can say what was expected where.
struct PatternMatcher {
    let items: [StatementItem]
    private(set) var furthest = -1
    private(set) var expected: [ArgumentPattern] = []

    init(items: [StatementItem]) { self.items = items }

    /// A complete match of all items, if there is one.
    mutating func matchAll(_ pattern: ArgumentPattern) -> PatternMatch? {
        let results = match(pattern, at: 0, PatternMatch(end: 0))
        if let complete = results.first(where: { $0.end == items.count }) { return complete }
        // Every alternative stopped short: what follows the longest one is unexpected.
        if let longest = results.map(\.end).max(), longest >= furthest, longest < items.count {
            if longest > furthest { expected = [] }
            furthest = longest
        }
        return nil
    }

    private mutating func fail(at index: Int, expecting leaf: ArgumentPattern) {
        if index > furthest { furthest = index; expected = [] }
        if index == furthest { expected.append(leaf) }
    }

    private mutating func match(_ pattern: ArgumentPattern, at index: Int, _ partial: PatternMatch) -> [PatternMatch] {
        switch pattern {
        case .sequence(let parts):
            var states = [partial]
            for part in parts {
                states = states.flatMap { match(part, at: $0.end, $0) }
                if states.isEmpty { return [] }
            }
            return states
        case .optional(let inner):
            return match(inner, at: index, partial) + [partial]
        case .list(let inner):
            var results: [PatternMatch] = []
            var states = match(inner, at: index, partial)
            while !states.isEmpty {
                results.append(contentsOf: states)
                states = states.flatMap { state -> [PatternMatch] in
                    guard state.end < items.count else { return [] }
                    guard case .comma = items[state.end] else {
                        // `partners ESNEFT WSFT`: say that a comma is missing.
                        fail(at: state.end, expecting: .word(","))
                        return []
                    }
                    var next = state
                    next.end += 1
                    return match(inner, at: next.end, next)
                }
            }
            return results
        case .equals:
            guard index < items.count, case .equals = items[index] else { fail(at: index, expecting: pattern); return [] }
            var next = partial
            next.end = index + 1
            return [next]
        case .value, .literal, .name, .keyword, .word:
            guard index < items.count, case .expression(let node) = items[index], Self.leaf(pattern, accepts: node) else {
                fail(at: index, expecting: pattern)
                return []
            }
            var next = partial
            next.end = index + 1
            next.bind(pattern, node)
            return [next]
        }
    }

    static func leaf(_ pattern: ArgumentPattern, accepts node: SyntaxNode) -> Bool {
        switch pattern {
        case .value: node.kind != .error
        case .literal(let kind): node.literalToken?.kind == kind
        case .name(let kind):
            node.kind == .name && (kind != .monthOfYear || node.simpleName.flatMap(LiteralText.monthOfYear) != nil)
                && (kind != .diagnosticCode || node.simpleName.flatMap { DiagnosticCode(rawValue: $0) } != nil)
        case .keyword(_, let values): node.simpleName.map(values.contains) ?? false
        case .word(let word): node.simpleName == word
        default: false
        }
    }

    static func describe(_ pattern: ArgumentPattern) -> String {
        switch pattern {
        case .value(let kind): kind.description
        case .literal(let kind): kind.description
        case .name(let kind): kind.description
        case .keyword(let what, let values): "\(what) (\(values.joined(separator: ", ")))"
        case .word(let word): "`\(word)`"
        case .equals: "`=`"
        case .sequence(let parts): parts.first.map(describe) ?? "nothing"
        case .optional(let inner), .list(let inner): describe(inner)
        }
    }
}

private struct Checker {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    var matches = RecordedMatches()

    mutating func report(_ code: DiagnosticCode, _ range: Range<Int>, _ message: String, help: String? = nil, notes: [DiagnosticNote] = [], replacement: String? = nil) {
        diagnostics.append(Diagnostic(code, file: file, range: range, message: message, help: help, notes: notes, replacement: replacement))
    }

    /// `owner` is the statement whose block this is (nil at the top of the file).
    mutating func checkStatements(_ statements: [StatementSyntax], in kind: BlockKind, owner: StatementSyntax?) {
        let schema = Grammar.schema(kind)
        var seen: [String: StatementSyntax] = [:]
        var present: Set<String> = []
        var readKeys: Set<String> = []
        for (index, statement) in statements.enumerated() {
            guard !statement.hasErrorNode, let head = statement.head else {
                // A line the parser could not read still names its attribute: no E107 echo for it.
                if let keyword = statement.keyword { present.insert(keyword) }
                statement.block.map { checkNested($0, kind: nil) }
                continue
            }
            if let keyed = schema.keyedLine {
                checkKeyedLine(statement, keyed, schema: schema, seen: &seen)
                continue
            }
            guard let keyword = statement.keyword else {
                report(.E104, head.trimmedRange, "expected an attribute name in \(schema.noun), found `\(head.compactText)`",
                       help: "each line starts with an attribute, such as \(schema.attributes.prefix(3).map { "`\($0.keyword)`" }.joined(separator: ", "))")
                continue
            }
            guard let attributeIndex = schema.attributes.firstIndex(where: { $0.keyword == keyword }) else {
                reportUnknownAttribute(keyword, head, schema: schema)
                statement.block.map { checkNested($0, kind: nil) }
                continue
            }
            let attribute = schema.attributes[attributeIndex]
            present.insert(keyword)
            let bindings = checkArguments(statement, attribute, in: schema)
            let key = checkRepetition(statement, attribute, bindings: bindings ?? [], seen: &seen)
            if let bindings {
                // The model reads the first of the lines that fit: a line that did not fit does not count.
                let isRepeat = key.map { !readKeys.insert($0).inserted } ?? false
                matches.record(statement, in: kind, attribute: attributeIndex, isRepeat: isRepeat, bindings)
            }
            // `{` on the line after its header is a syntax error already (E104); not an echo here.
            let next = index + 1 < statements.count ? statements[index + 1] : nil
            checkBlock(statement, attribute, detachedBlockFollows: next.map { $0.head == nil && $0.block != nil } ?? false)
        }
        if let owner { checkRequired(schema, present: present, owner: owner) }
    }

    private mutating func checkNested(_ block: BlockSyntax, kind: BlockKind?) {
        guard let kind else {
            // Inside an unknown attribute's block: only look for deeper blocks' own problems.
            for statement in block.statements { statement.block.map { checkNested($0, kind: nil) } }
            return
        }
        checkStatements(block.statements, in: kind, owner: StatementSyntax(block.node.parent!))
    }

    private mutating func reportUnknownAttribute(_ keyword: String, _ head: SyntaxNode, schema: BlockSchema) {
        let known = schema.attributes.map(\.keyword)
        let what = schema.kind == .file ? "`\(keyword)` is not a declaration" : "unknown attribute `\(keyword)` in \(schema.noun)"
        var help: String
        let suggestion = Suggestion.closest(to: keyword, in: known)
        if let suggestion {
            help = "did you mean `\(suggestion)`?"
        } else if let home = Grammar.schemas.values.filter({ $0.attribute(keyword) != nil && $0.kind != .file }).map(\.noun).sorted().first {
            help = "`\(keyword)` belongs in \(home)"
        } else {
            help = "\(schema.kind == .file ? "declarations are" : "\(schema.noun) takes"): \(known.joined(separator: ", "))"
        }
        report(.E105, head.trimmedRange, what, help: help, replacement: suggestion)
    }

    /// Matches the arguments after the head; reports E105 for a wrong keyword value, E104 otherwise.
    /// The bindings of a match, or nil when the arguments do not fit.
    private mutating func checkArguments(_ statement: StatementSyntax, _ attribute: AttributeSchema, in schema: BlockSchema) -> Grammar.Bindings? {
        let items = statement.items(droppingFirst: 1)
        var matcher = PatternMatcher(items: items)
        if let match = matcher.matchAll(attribute.arguments) { return match.bindings }
        reportMismatch(matcher, items: items, statement: statement, example: attribute.example, subject: "`\(attribute.keyword)`")
        return nil
    }

    private mutating func reportMismatch(_ matcher: PatternMatcher, items: [StatementItem], statement: StatementSyntax, example: String, subject: String) {
        let expected = matcher.expected.map(PatternMatcher.describe)
        let expectation = Array(Set(expected)).sorted().joined(separator: " or ")
        let help = "write it like this: \(example)"
        guard matcher.furthest >= 0, matcher.furthest < items.count else {
            let at = statement.head?.trimmedRange ?? statement.headerRange
            report(.E104, at, expectation.isEmpty ? "\(subject) is incomplete" : "\(subject) needs \(expectation)", help: help)
            return
        }
        switch items[matcher.furthest] {
        case .expression(let node):
            for case .keyword(let what, let values) in matcher.expected {
                if let word = node.simpleName {
                    let suggestion = Suggestion.closest(to: word, in: values)
                    let hint = suggestion.map { "did you mean `\($0)`? " } ?? ""
                    report(.E105, node.trimmedRange, "`\(word)` is not \(what)", help: "\(hint)\(what.prefix(1).uppercased() + what.dropFirst()) is one of: \(values.joined(separator: ", "))", replacement: suggestion)
                    return
                }
            }
            if expected.isEmpty {
                report(.E104, node.trimmedRange, "unexpected `\(node.compactText)` after \(subject)", help: help)
            } else {
                report(.E104, node.trimmedRange, "\(subject) expects \(expectation) here, found `\(node.compactText)`", help: help)
            }
        case .comma(let token), .equals(let token):
            report(.E104, token.range, "unexpected `\(token.text)` in \(subject)\(expected.isEmpty ? "" : "; expected \(expectation)")", help: help)
        }
    }

    private mutating func checkKeyedLine(_ statement: StatementSyntax, _ keyed: KeyedLineSchema, schema: BlockSchema, seen: inout [String: StatementSyntax]) {
        let items = statement.items
        var matcher = PatternMatcher(items: items)
        guard let match = matcher.matchAll(.sequence([keyed.key, keyed.value])) else {
            if case .name(.diagnosticCode) = keyed.key, let name = statement.head?.simpleName, DiagnosticCode(rawValue: name) == nil {
                let suggestion = Suggestion.closest(to: name, in: DiagnosticCode.allCases.map(\.rawValue))
                report(.E105, statement.head!.trimmedRange, "`\(name)` is not a check code",
                       help: suggestion.map { "did you mean `\($0)`? (`accord explain CODE` lists what each check does)" } ?? "codes look like E202 or W407; `accord explain CODE` describes each",
                       replacement: suggestion)
            } else {
                reportMismatch(matcher, items: items, statement: statement, example: keyed.example, subject: "a line of \(schema.noun)")
            }
            return
        }
        if statement.block != nil, let brace = statement.block?.leftBrace {
            report(.E104, brace.range, "a line of \(schema.noun) does not take a block", help: "write it like this: \(keyed.example)")
        }
        let bindings = match.bindings
        let key = Grammar.repetitionKey(nil, bindings)!
        if let first = seen[key] {
            reportRepeat(statement, first: first, what: "`\(key)`", in: schema.noun)
        } else {
            seen[key] = statement
        }
        matches.record(statement, in: schema.kind, attribute: nil, isRepeat: seen[key]?.node.index != statement.node.index, bindings)
    }

    /// The line's repetition key, if it has one.
    private mutating func checkRepetition(_ statement: StatementSyntax, _ attribute: AttributeSchema, bindings: Grammar.Bindings, seen: inout [String: StatementSyntax]) -> String? {
        if attribute.uniqueListEntries {
            var partners: [String: SyntaxNode] = [:]
            for case (.name(.partner), let element) in bindings {
                let name = element.compactText
                if partners[name] != nil {
                    report(.E106, element.trimmedRange, "\(name) is named twice in this band",
                           help: "give each partner one percent per band", notes: [DiagnosticNote("first named here", file: file, range: partners[name]!.trimmedRange)])
                } else {
                    partners[name] = element
                }
            }
        }
        guard let key = Grammar.repetitionKey(attribute, bindings) else { return nil }
        if let first = seen[key] {
            let schemaNoun = statement.node.parent.flatMap { $0.kind == .block ? $0.parent : nil }.flatMap(StatementSyntax.init)?.keyword ?? "block"
            reportRepeat(statement, first: first, what: "`\(key)`", in: "this \(schemaNoun)")
        } else {
            seen[key] = statement
        }
        return key
    }

    private mutating func reportRepeat(_ statement: StatementSyntax, first: StatementSyntax, what: String, in place: String) {
        report(.E106, statement.headerRange, "\(what) is given twice in \(place)", help: "keep one of the two lines",
               notes: [DiagnosticNote("first given here", file: file, range: first.headerRange)])
    }

    private mutating func checkBlock(_ statement: StatementSyntax, _ attribute: AttributeSchema, detachedBlockFollows: Bool) {
        switch (statement.block, attribute.block) {
        case (let block?, let kind?):
            checkNested(block, kind: kind)
        case (let block?, nil):
            report(.E104, block.leftBrace?.range ?? block.node.range, "`\(attribute.keyword)` does not take a block",
                   help: "write it like this: \(attribute.example)")
        case (nil, _?) where attribute.blockRequired && !detachedBlockFollows:
            let end = statement.headerRange.upperBound
            report(.E104, statement.headerRange, "`\(attribute.keyword)` needs a block `{ … }`",
                   help: "write it like this: \(attribute.example)")
            _ = end
        default:
            break
        }
    }

    private mutating func checkRequired(_ schema: BlockSchema, present: Set<String>, owner: StatementSyntax) {
        let header = owner.headerRange
        let what = describeOwner(owner)
        for attribute in schema.attributes where attribute.required && !present.contains(attribute.keyword) {
            report(.E107, header, "\(what) has no `\(attribute.keyword)`", help: "add a line such as `\(attribute.example)`")
        }
        if schema.kind == .metric {
            let hasTarget = present.contains("target"), hasChange = present.contains("change")
            if !hasTarget && !hasChange {
                report(.E107, header, "\(what) has neither `target` nor `change`",
                       help: "add an absolute `target 8040 by 2024-03` or a relative `change -33% by 2024-03`")
            } else if hasTarget && hasChange {
                report(.E107, header, "\(what) has both `target` and `change`", help: "keep one: `target` is absolute, `change` is relative to the baseline")
            }
        }
    }

    /// "scheme SE-01", "milestone M2", "the plan".
    private func describeOwner(_ owner: StatementSyntax) -> String {
        let keyword = owner.keyword ?? "block"
        if let name = owner.elements.dropFirst().first, name.kind == .name { return "\(keyword) \(name.compactText)" }
        return "the \(keyword)"
    }
}
