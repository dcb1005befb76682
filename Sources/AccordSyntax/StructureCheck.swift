import AccordDiagnostics

/// Checks each statement against `Grammar`: the attribute exists in its block (E105), its
/// arguments have the right shape (E104), it is not repeated (E106), and each block has what it
/// requires (E107). Purely structural: names are not resolved and values are not evaluated.
enum StructureCheck {
    static func run(_ tree: SyntaxTree) -> (diagnostics: [Diagnostic], matches: RecordedMatches) {
        var check = Checker(file: tree.file, matches: RecordedMatches(reservingFor: tree), matcher: PatternMatcher(tree: tree))
        check.checkStatements(tree.statements, in: .file, owner: nil)
        return (check.diagnostics, check.matches)
    }
}

/// Matches statement items against an `ArgumentPattern`, keeping the furthest failure so the
/// message can say what was expected where.
struct PatternMatcher {
    let tree: SyntaxTree
    /// The items being matched, as `StatementSyntax.appendItemEdges` gives them. One matcher
    /// serves every line of a check: its buffers are emptied, not freed, between lines.
    private(set) var items: [Int32] = []
    private(set) var furthest = -1
    private(set) var expected: [ArgumentPattern] = []
    /// Every leaf bound on any path tried, each with the index of the binding before it on its
    /// path (-1 for none): partial matches share their prefixes, so the many partial matches of a
    /// long list cost linear, not quadratic, time and memory, without an object per binding.
    private var bindings: [Binding] = []
    /// The bindings of the last complete match, in order.
    private var boundPatterns: [ArgumentPattern] = []
    private var boundNodes: [Int32] = []

    private struct Binding {
        let leaf: ArgumentPattern
        let item: Int32
        let previous: Int32
    }

    /// One way a pattern matched so far: where it ended and its latest binding.
    private struct Partial {
        var end: Int
        var last: Int32
    }

    init(tree: SyntaxTree) { self.tree = tree }

    /// Starts on the items of `statement` after the first `count` (its head).
    mutating func start(_ statement: StatementSyntax, droppingFirst count: Int) {
        items.removeAll(keepingCapacity: true)
        statement.appendItemEdges(droppingFirst: count, to: &items)
        furthest = -1
        expected.removeAll(keepingCapacity: true)
        bindings.removeAll(keepingCapacity: true)
    }

    /// The item at `index`, as a view.
    func item(_ index: Int) -> StatementItem { StatementItem(edge: items[index], in: tree) }

    /// Whether the item at `index` is the token `kind` (`,` or `=`).
    private func isToken(_ index: Int, _ kind: TokenKind) -> Bool {
        index < items.count && items[index] >= 0 && tree.tokens.kind(at: Int(items[index])) == kind
    }

    /// The bindings of a complete match of all items, in source order, if there is one.
    mutating func matchAll(_ pattern: ArgumentPattern) -> StatementMatch.Arguments? {
        var longest = -1
        var complete: Partial?
        _ = match(pattern, from: Partial(end: 0, last: -1)) { matcher, partial in
            guard partial.end == matcher.items.count else { longest = max(longest, partial.end); return false }
            complete = partial
            return true
        }
        if let complete { return arguments(endingAt: complete.last) }
        // Every alternative stopped short: what follows the longest one is unexpected.
        if longest >= 0, longest >= furthest, longest < items.count {
            if longest > furthest { expected = [] }
            furthest = longest
        }
        return nil
    }

    private mutating func arguments(endingAt last: Int32) -> StatementMatch.Arguments {
        boundPatterns.removeAll(keepingCapacity: true)
        boundNodes.removeAll(keepingCapacity: true)
        var binding = last
        while binding >= 0 {
            let bound = bindings[Int(binding)]
            boundPatterns.append(bound.leaf)
            boundNodes.append(~items[Int(bound.item)])
            binding = bound.previous
        }
        boundPatterns.reverse()
        boundNodes.reverse()
        return StatementMatch.Arguments(tree: tree, patterns: boundPatterns[...], nodes: boundNodes[...])
    }

    private mutating func fail(at index: Int, expecting leaf: ArgumentPattern) {
        if index > furthest { furthest = index; expected = [] }
        if index == furthest { expected.append(leaf) }
    }

    /// Calls `next` with each way `pattern` matches from `partial`, in order (an optional part
    /// taken before skipped, a list's shorter runs before longer ones), until `next` accepts one.
    /// Depth first, so the common single-way match allocates nothing; the recursion follows the
    /// pattern, never the items, since a list is expanded by a loop.
    private mutating func match(_ pattern: ArgumentPattern, from partial: Partial, _ next: (inout PatternMatcher, Partial) -> Bool) -> Bool {
        switch pattern {
        case .sequence(let parts):
            return matchSequence(parts[...], from: partial, next)
        case .optional(let inner):
            return match(inner, from: partial, next) || next(&self, partial)
        case .list(let inner):
            for run in listRuns(inner, from: partial) where next(&self, run) { return true }
            return false
        case .equals:
            guard isToken(partial.end, .equals) else { fail(at: partial.end, expecting: pattern); return false }
            return next(&self, Partial(end: partial.end + 1, last: partial.last))
        case .value, .literal, .name, .months, .keyword, .word:
            let index = partial.end
            guard index < items.count, items[index] < 0, Self.leaf(pattern, accepts: SyntaxNode(tree: tree, index: ~items[index])) else {
                fail(at: index, expecting: pattern)
                return false
            }
            bindings.append(Binding(leaf: pattern, item: Int32(index), previous: partial.last))
            return next(&self, Partial(end: index + 1, last: Int32(bindings.count - 1)))
        }
    }

    private mutating func matchSequence(_ parts: ArraySlice<ArgumentPattern>, from partial: Partial, _ next: (inout PatternMatcher, Partial) -> Bool) -> Bool {
        guard let part = parts.first else { return next(&self, partial) }
        return match(part, from: partial) { matcher, matched in matcher.matchSequence(parts.dropFirst(), from: matched, next) }
    }

    /// Every run of one or more comma-separated `inner`s from `partial`, shortest first.
    private mutating func listRuns(_ inner: ArgumentPattern, from partial: Partial) -> [Partial] {
        var runs: [Partial] = []
        var round: [Partial] = []
        _ = match(inner, from: partial) { _, matched in round.append(matched); return false }
        while !round.isEmpty {
            runs.append(contentsOf: round)
            var nextRound: [Partial] = []
            for run in round where run.end < items.count {
                guard isToken(run.end, .comma) else {
                    // `partners ESNEFT WSFT`: say that a comma is missing.
                    fail(at: run.end, expecting: .word(","))
                    continue
                }
                _ = match(inner, from: Partial(end: run.end + 1, last: run.last)) { _, matched in nextRound.append(matched); return false }
            }
            round = nextRound
        }
        return runs
    }

    static func leaf(_ pattern: ArgumentPattern, accepts node: SyntaxNode) -> Bool {
        switch pattern {
        case .value: node.kind != .error
        case .literal(let kind): node.literalToken?.kind == kind
        case .name(let kind):
            node.kind == .name && (kind != .monthOfYear || node.simpleName.flatMap(LiteralText.monthOfYear) != nil)
                && (kind != .diagnosticCode || node.simpleName.flatMap { DiagnosticCode(rawValue: $0) } != nil)
        case .keyword(_, let values): node.simpleNameToken.map { token in values.contains { node.tree.spells(token, $0) } } ?? false
        case .word(let word): node.isName(word)
        case .months: leaf(.name(.monthOfYear), accepts: node) || node.literalToken?.kind == .monthRange
        default: false
        }
    }

    static func describe(_ pattern: ArgumentPattern) -> String {
        switch pattern {
        case .value(let kind): kind.description
        case .literal(let kind): kind.description
        case .name(let kind): kind.description
        // As a single month is described: messages about a month read as they always have.
        case .months: NameKind.monthOfYear.description
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
    var matches: RecordedMatches
    var matcher: PatternMatcher

    mutating func report(_ code: DiagnosticCode, _ range: Range<Int>, _ message: String, help: String? = nil, notes: [DiagnosticNote] = [], replacement: String? = nil) {
        diagnostics.append(Diagnostic(code, file: file, range: range, message: message, help: help, notes: notes, replacement: replacement))
    }

    /// `owner` is the statement whose block this is (nil at the top of the file).
    mutating func checkStatements(_ statements: [StatementSyntax], in kind: BlockKind, owner: StatementSyntax?) {
        let schema = Grammar.schema(kind)
        var lines = BlockLines(schema)
        for (index, statement) in statements.enumerated() {
            guard !statement.hasErrorNode, let head = statement.head else {
                // A line the parser could not read still names its attribute: no E107 echo for it.
                if let head = statement.head, let attributeIndex = schema.attributeIndex(of: head) { lines[present: attributeIndex] = true }
                statement.block.map { checkNested($0, kind: nil, owner: statement) }
                continue
            }
            let named = schema.attributeIndex(of: head)
            if let keyed = schema.keyedLine, named == nil {
                checkKeyedLine(statement, keyed, schema: schema, lines: &lines)
                continue
            }
            guard let attributeIndex = named else {
                if let keyword = head.simpleName {
                    reportUnknownAttribute(keyword, head, schema: schema)
                    statement.block.map { checkNested($0, kind: nil, owner: statement) }
                } else {
                    report(.E104, head.trimmedRange, "expected an attribute name in \(schema.noun), found `\(head.compactText)`",
                           help: "each line starts with an attribute, such as \(schema.attributes.prefix(3).map { "`\($0.keyword)`" }.joined(separator: ", "))")
                }
                continue
            }
            let attribute = schema.attributes[attributeIndex]
            lines[present: attributeIndex] = true
            let bindings = checkArguments(statement, attribute, in: schema)
            let hasArguments = !matcher.items.isEmpty
            let key = checkRepetition(statement, attributeIndex, attribute, in: schema, owner: owner, bindings: bindings, lines: &lines)
            // The model reads the first of the lines that fit: a line that did not fit does not count.
            let fitted = bindings.map { (matches.store($0), isRepeat: key.map { !lines.markRead($0) } ?? false) }
            // `{` on the line after its header is a syntax error already (E104); not an echo here.
            let next = index + 1 < statements.count ? statements[index + 1] : nil
            let detachedBlockFollows = next.map { $0.head == nil && $0.block != nil } ?? false
            if attribute.blockOrArguments {
                checkBlockOrArguments(statement, attribute, hasArguments: hasArguments, detachedBlockFollows: detachedBlockFollows)
            }
            checkBlock(statement, attribute, detachedBlockFollows: detachedBlockFollows)
            // Recorded after the lines of its block, which come before it in node order.
            if let (stored, isRepeat) = fitted { matches.record(statement, in: kind, attribute: attributeIndex, isRepeat: isRepeat, stored) }
        }
        if let owner { checkRequired(schema, lines: lines, owner: owner) }
    }

    private mutating func checkNested(_ block: BlockSyntax, kind: BlockKind?, owner: StatementSyntax) {
        guard let kind else {
            // Inside an unknown attribute's block: only look for deeper blocks' own problems.
            for statement in block.statements { statement.block.map { checkNested($0, kind: nil, owner: statement) } }
            return
        }
        checkStatements(block.statements, in: kind, owner: owner)
    }

    private mutating func reportUnknownAttribute(_ keyword: String, _ head: SyntaxNode, schema: BlockSchema) {
        let known = schema.attributes.map(\.keyword)
        let what = schema.kind == .file ? "`\(keyword)` is not a declaration" : "unknown attribute `\(keyword)` in \(schema.noun)"
        var help: String
        let suggestion = Suggestion.closest(to: keyword, in: known)
        if let suggestion {
            help = "did you mean `\(suggestion)`?"
        } else if let home = Grammar.schemas.values.filter({ $0.attribute(keyword) != nil && $0.kind != .file })
                    // A risk shares `status` and `owner` with schemes and milestones: name their home first.
                    .sorted(by: { ($0.kind == .risk ? 1 : 0, $0.noun) < ($1.kind == .risk ? 1 : 0, $1.noun) }).first?.noun {
            help = "`\(keyword)` belongs in \(home)"
        } else {
            help = "\(schema.kind == .file ? "declarations are" : "\(schema.noun) takes"): \(known.joined(separator: ", "))"
        }
        report(.E105, head.trimmedRange, what, help: help, replacement: suggestion)
    }

    /// Matches the arguments after the head; reports E105 for a wrong keyword value, E104 otherwise.
    /// The bindings of a match, or nil when the arguments do not fit.
    private mutating func checkArguments(_ statement: StatementSyntax, _ attribute: AttributeSchema, in schema: BlockSchema) -> Grammar.Bindings? {
        matcher.start(statement, droppingFirst: 1)
        if let bindings = matcher.matchAll(attribute.arguments) { return bindings }
        reportMismatch(statement: statement, example: attribute.example, subject: "`\(attribute.keyword)`")
        return nil
    }

    /// Reports why the matcher's last statement did not fit.
    private mutating func reportMismatch(statement: StatementSyntax, example: String, subject: String) {
        let expected = matcher.expected.map(PatternMatcher.describe)
        let expectation = Array(Set(expected)).sorted().joined(separator: " or ")
        let help = "write it like this: \(example)"
        guard matcher.furthest >= 0, matcher.furthest < matcher.items.count else {
            let at = statement.head?.trimmedRange ?? statement.headerRange
            report(.E104, at, expectation.isEmpty ? "\(subject) is incomplete" : "\(subject) needs \(expectation)", help: help)
            return
        }
        switch matcher.item(matcher.furthest) {
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

    private mutating func checkKeyedLine(_ statement: StatementSyntax, _ keyed: KeyedLineSchema, schema: BlockSchema, lines: inout BlockLines) {
        matcher.start(statement, droppingFirst: 0)
        guard let bindings = matcher.matchAll(.sequence([keyed.key, keyed.value])) else {
            if case .name(.diagnosticCode) = keyed.key, let name = statement.head?.simpleName, DiagnosticCode(rawValue: name) == nil {
                let suggestion = Suggestion.closest(to: name, in: DiagnosticCode.allCases.map(\.rawValue))
                report(.E105, statement.head!.trimmedRange, "`\(name)` is not a check code",
                       help: suggestion.map { "did you mean `\($0)`? (`accord explain CODE` lists what each check does)" } ?? "codes look like E202 or W407; `accord explain CODE` describes each",
                       replacement: suggestion)
            } else {
                reportMismatch(statement: statement, example: keyed.example, subject: "a line of \(schema.noun)")
            }
            return
        }
        if statement.block != nil, let brace = statement.block?.leftBrace {
            report(.E104, brace.range, "a line of \(schema.noun) does not take a block", help: "write it like this: \(keyed.example)")
        }
        let key = RepetitionKey.text(Grammar.repetitionKey(nil, bindings)!)
        if let first = lines.first(key, statement) {
            reportRepeat(statement, first: first, what: "`\(key.text(schema))`", in: schema.noun)
        }
        matches.record(statement, in: schema.kind, attribute: nil, isRepeat: !lines.markRead(key), matches.store(bindings))
    }

    /// The line's repetition key, if it has one.
    private mutating func checkRepetition(_ statement: StatementSyntax, _ attributeIndex: Int, _ attribute: AttributeSchema, in schema: BlockSchema,
                                          owner: StatementSyntax?, bindings: Grammar.Bindings?, lines: inout BlockLines) -> RepetitionKey? {
        if attribute.uniqueListEntries, let bindings {
            var named: [String: SyntaxNode] = [:]
            for binding in bindings {
                guard case .name(let kind) = binding.pattern else { continue }
                let element = binding.node, name = element.compactText
                if let first = named[name] {
                    let band = schema.kind == .bands
                    report(.E106, element.trimmedRange, band ? "\(name) is named twice in this band" : "`\(name)` is listed twice in `\(attribute.keyword)`",
                           help: band ? "give each partner one percent per band" : "list each \(kind.rawValue) once",
                           notes: [DiagnosticNote(band ? "first named here" : "first listed here", file: file, range: first.trimmedRange)])
                } else {
                    named[name] = element
                }
            }
        }
        // A line that may appear once needs no text for its key: its attribute is the key.
        let key: RepetitionKey
        switch attribute.repetition {
        case .many: return nil
        case .once: key = .attribute(attributeIndex)
        // A line that did not fit has no key text: its attribute alone is the key.
        case .perKey: key = .text(bindings.flatMap { Grammar.repetitionKey(attribute, $0) } ?? attribute.keyword)
        }
        if let first = lines.first(key, statement) {
            let schemaNoun = owner?.keyword ?? "block"
            reportRepeat(statement, first: first, what: "`\(key.text(schema))`", in: "this \(schemaNoun)")
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
            checkNested(block, kind: kind, owner: statement)
        case (let block?, nil):
            report(.E104, block.leftBrace?.range ?? block.node.range, "`\(attribute.keyword)` does not take a block",
                   help: "write it like this: \(attribute.example)")
        case (nil, _?) where attribute.blockRequired && !detachedBlockFollows:
            report(.E104, statement.headerRange, "`\(attribute.keyword)` needs a block `{ … }`",
                   help: "write it like this: \(attribute.example)")
        default:
            break
        }
    }

    /// `share evenly` or `share { … }`: one of the two, not both and not neither.
    private mutating func checkBlockOrArguments(_ statement: StatementSyntax, _ attribute: AttributeSchema, hasArguments: Bool, detachedBlockFollows: Bool) {
        var words = "its arguments"
        if case .optional(.keyword(_, let values)) = attribute.arguments { words = values.map { "`\($0)`" }.joined(separator: " or ") }
        // `share evenly { … }`: the block would be ignored.
        if hasArguments, let brace = statement.block?.leftBrace {
            report(.E104, brace.range, "`\(attribute.keyword)` takes \(words) or a block `{ … }`, not both",
                   help: "write it like this: \(attribute.example)")
        } else if !hasArguments, statement.block == nil, !detachedBlockFollows {
            // Worded as for any attribute that needs a block: a bare `share` reads as it always has.
            report(.E104, statement.headerRange, "`\(attribute.keyword)` needs a block `{ … }`",
                   help: "write it like this: \(attribute.example)")
        }
    }

    private mutating func checkRequired(_ schema: BlockSchema, lines: BlockLines, owner: StatementSyntax) {
        func has(_ keyword: String) -> Bool { schema.attributeIndex(keyword).map { lines[present: $0] } ?? false }
        for (index, attribute) in schema.attributes.enumerated() where attribute.required && !lines[present: index] {
            report(.E107, owner.headerRange, "\(describeOwner(owner)) has no `\(attribute.keyword)`", help: "add a line such as `\(attribute.example)`")
        }
        if schema.kind == .metric {
            let hasTarget = has("target"), hasChange = has("change")
            if !hasTarget && !hasChange {
                report(.E107, owner.headerRange, "\(describeOwner(owner)) has neither `target` nor `change`",
                       help: "add an absolute `target 8040 by 2024-03` or a relative `change -33% by 2024-03`")
            } else if hasTarget && hasChange {
                report(.E107, owner.headerRange, "\(describeOwner(owner)) has both `target` and `change`", help: "keep one: `target` is absolute, `change` is relative to the baseline")
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

/// What makes a line unique in its block: its attribute, for one that may appear once (no text
/// to build for the most common lines), or the text `Grammar.repetitionKey` gives.
private enum RepetitionKey {
    case attribute(Int)
    case text(String)

    func text(_ schema: BlockSchema) -> String {
        switch self {
        case .attribute(let index): schema.attributes[index].keyword
        case .text(let text): text
        }
    }
}

/// The lines of one block so far: which attributes it has (E107), the first line of each
/// repetition key (E106 points back at it), and the keys of lines that fit their pattern (the
/// model reads only the first of those). Keys that are attributes live in one array: most blocks
/// are a handful of such lines, and hashing them cost more than the rest of their check.
private struct BlockLines {
    private struct AttributeLines {
        var present = false
        var read = false
        var first: StatementSyntax?
    }

    private var attributes: [AttributeLines]
    private var firstOfText: [String: StatementSyntax] = [:]
    private var readTexts: Set<String> = []

    init(_ schema: BlockSchema) { attributes = Array(repeating: AttributeLines(), count: schema.attributes.count) }

    /// Whether the block has a line of the attribute at `index`.
    subscript(present index: Int) -> Bool {
        get { attributes[index].present }
        set { attributes[index].present = newValue }
    }

    /// The earlier line with `key`, or nil when `statement` is the first (and is now recorded).
    mutating func first(_ key: RepetitionKey, _ statement: StatementSyntax) -> StatementSyntax? {
        switch key {
        case .attribute(let index):
            if let first = attributes[index].first { return first }
            attributes[index].first = statement
        case .text(let text):
            if let first = firstOfText[text] { return first }
            firstOfText[text] = statement
        }
        return nil
    }

    /// Records that a line with `key` fitted; false when an earlier one already had.
    mutating func markRead(_ key: RepetitionKey) -> Bool {
        switch key {
        case .attribute(let index):
            defer { attributes[index].read = true }
            return !attributes[index].read
        case .text(let text):
            return readTexts.insert(text).inserted
        }
    }
}
