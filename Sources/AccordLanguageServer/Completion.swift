import AccordDiagnostics
import AccordModel
import AccordSyntax

/// Where an offset stands in the grammar: the blocks around it, read from the syntax tree.
enum GrammarContext {
    /// The statements whose blocks hold `offset`, outermost first, with the kind of block each
    /// opens (nil inside a block the grammar does not know).
    static func enclosing(_ offset: Int, in tree: SyntaxTree) -> [(statement: StatementSyntax, kind: BlockKind?)] {
        var path: [(StatementSyntax, BlockKind?)] = []
        var statements = tree.statements
        var kind: BlockKind? = .file
        while let statement = statements.first(where: { inside(offset, $0.block) }) {
            let inner = kind.flatMap { Grammar.schema($0).attribute(statement.keyword ?? "")?.block }
            path.append((statement, inner))
            kind = inner
            statements = statement.block?.statements ?? []
        }
        return path
    }

    /// The kind of block `offset` is directly in.
    static func blockKind(at offset: Int, in tree: SyntaxTree) -> BlockKind? {
        let path = enclosing(offset, in: tree)
        return path.isEmpty ? .file : path.last!.kind
    }

    /// Inside the braces: after `{`, and before `}` when there is one.
    private static func inside(_ offset: Int, _ block: BlockSyntax?) -> Bool {
        guard let block, let left = block.leftBrace, left.range.upperBound <= offset else { return false }
        return block.rightBrace.map { offset <= $0.range.lowerBound } ?? true
    }

    /// The innermost statement whose own line (not its block) holds `offset`, with its block kind.
    static func statement(at offset: Int, in tree: SyntaxTree) -> (StatementSyntax, BlockKind)? {
        let path = enclosing(offset, in: tree)
        guard let kind = path.isEmpty ? .file : path.last!.kind else { return nil }
        let statements = path.last?.statement.block?.statements ?? tree.statements
        guard let statement = statements.first(where: { $0.headerRange.lowerBound <= offset && offset <= $0.headerRange.upperBound }) else { return nil }
        return (statement, kind)
    }
}

extension LanguageServer {
    /// At the start of a line, the attributes the block takes; after an attribute, the words and
    /// names its arguments take; after `SCHEME.` or `METRIC.`, what that name holds.
    mutating func completion(_ params: JSON) throws(ResponseError) -> JSON {
        let (uri, file) = try document(params)
        guard let position = Position(params["position"]) else { throw .invalidParams("position is missing or not a position") }
        let offset = file.offset(of: position)
        let tree = parse(file).tree
        let model = workspace.context(for: uri)?.plan.model ?? PlanModel()
        let path = GrammarContext.enclosing(offset, in: tree)
        guard let kind = path.isEmpty ? BlockKind.file : path.last!.kind else { return [] }
        let scheme = path.first { $0.statement.keyword == "scheme" }.flatMap { Grammar.match($0.statement, in: .file)?.names.first?.simpleName }

        // The significant tokens of the line up to the cursor; an identifier touching the cursor
        // is the word being typed, which the items replace.
        let lineStart = file.lineStarts[file.line(of: offset) - 1]
        let prefix = SourceFile(path: "", bytes: Array(file.bytes[lineStart..<offset]))
        let lexed = Lexer.tokenize(prefix).tokens
        // Nothing to offer inside a comment or a string still being typed.
        if lexed.contains(where: { $0.kind == .comment }) { return [] }
        var tokens = lexed.filter { !$0.kind.isTrivia && $0.kind != .endOfFile }
        if let last = tokens.last, last.kind == .string, last.isMalformed { return [] }
        var typedStart = offset
        if let last = tokens.last, last.kind == .identifier, last.range.upperBound == prefix.bytes.count {
            typedStart = lineStart + last.range.lowerBound
            tokens.removeLast()
        }
        let replace = file.lspRange(typedStart..<offset)
        func items(_ labels: [(String, Int, String?)]) -> JSON {
            .array(labels.map { label, itemKind, detail in
                var item: [String: JSON] = ["label": .string(label), "kind": .int(itemKind), "textEdit": ["range": replace, "newText": .string(label)]]
                if let detail { item["detail"] = .string(detail) }
                return .object(item)
            })
        }

        if let dot = tokens.last, dot.kind == .dot, tokens.count >= 2, tokens[tokens.count - 2].kind == .identifier {
            let owner = prefix.text(tokens[tokens.count - 2].range)
            return items(CompletionCandidates.members(of: owner, in: model, scheme: scheme))
        }
        let schema = Grammar.schema(kind)
        guard let head = tokens.first else {
            var labels = schema.attributes.map { ($0.keyword, 14, Optional($0.example)) }
            if let keyed = schema.keyedLine { labels += CompletionCandidates.candidates(keyed.key, model: model, scheme: scheme) }
            return items(labels)
        }
        guard tokens.last?.kind != .leftBrace else { return [] }
        let headText = prefix.text(head.range)
        if let attribute = schema.attribute(headText) {
            return items(CompletionCandidates.candidates(attribute.arguments, model: model, scheme: scheme))
        }
        if let keyed = schema.keyedLine { return items(CompletionCandidates.candidates(keyed.value, model: model, scheme: scheme)) }
        return []
    }
}

enum CompletionCandidates {
    /// The words and names an argument pattern takes (completion item kinds: 14 keyword,
    /// 6 variable, 7 class, 24 event, 5 field).
    static func candidates(_ pattern: ArgumentPattern, model: PlanModel, scheme: String?) -> [(String, Int, String?)] {
        switch pattern {
        case .keyword(let what, let values): return values.map { ($0, 14, what) }
        case .word(let word): return [(word, 14, nil)]
        case .sequence(let parts): return parts.flatMap { candidates($0, model: model, scheme: scheme) }
        case .optional(let inner), .list(let inner): return candidates(inner, model: model, scheme: scheme)
        case .name(let kind): return names(kind, model: model, scheme: scheme)
        case .months: return names(.monthOfYear, model: model, scheme: scheme)
        case .value:
            let local = scheme.map { s in model.lets.keys.filter { $0.hasPrefix(s + ".") }.map { String($0.dropFirst(s.count + 1)) } } ?? []
            return (model.lets.keys.filter { !$0.contains(".") } + local).sorted().map { ($0, 6, "let") }
        case .literal, .equals: return []
        }
    }

    static func names(_ kind: NameKind, model: PlanModel, scheme: String?) -> [(String, Int, String?)] {
        switch kind {
        case .partner: return model.partners.map { ($0.name, 7, $0.title) }
        case .person: return model.people.map { ($0.name, 6, $0.title) }
        case .area: return model.areas.map { ($0.name, 6, $0.title) }
        case .scheme: return model.schemes.map { ($0.name, 7, $0.title) }
        case .milestone:
            return model.schemes.flatMap { s in s.milestones.map { ($0.scheme == scheme ? $0.name : $0.qualifiedName, 24, $0.title) } }
        case .metric:
            return model.schemes.flatMap { s in s.metrics.map { ($0.scheme == scheme ? $0.name : $0.qualifiedName, 5, $0.title) } }
        case .monthOfYear: return (1...12).map { ("M\($0)", 14, nil) }
        case .diagnosticCode: return DiagnosticCode.allCases.map { ($0.rawValue, 14, $0.title) }
        case .declaration: return []
        }
    }

    /// After `SCHEME.`: its milestones, metrics and `let`s; after `METRIC.`: baseline and target.
    static func members(of owner: String, in model: PlanModel, scheme: String?) -> [(String, Int, String?)] {
        if let owned = model.scheme(owner) {
            return owned.milestones.map { ($0.name, 24, $0.title) } + owned.metrics.map { ($0.name, 5, $0.title) }
                + model.lets.keys.filter { $0.hasPrefix(owner + ".") }.sorted().map { (String($0.dropFirst(owner.count + 1)), 6, "let") }
        }
        let isMetric = model.schemes.contains { s in (scheme == nil || s.name == scheme) && s.metrics.contains { $0.name == owner } }
        return isMetric ? [("baseline", 5, nil), ("target", 5, nil)] : []
    }
}
