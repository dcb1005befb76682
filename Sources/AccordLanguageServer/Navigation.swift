import AccordChecks
import AccordDiagnostics
import AccordFormat
import AccordModel
import AccordSyntax

/// A request about a place in a document, resolved against the last check.
struct Cursor {
    let uri: String
    let plan: CheckedPlan
    let file: SourceFile
    let offset: Int

    var occurrence: SymbolOccurrence? { plan.symbols.occurrence(at: offset, inFile: file.path) }
}

extension LanguageServer {
    func uri(_ params: JSON) throws(ResponseError) -> String {
        guard let uri = params["textDocument"]["uri"].string else { throw .invalidParams("textDocument.uri is missing") }
        return uri
    }

    func cursor(_ params: JSON) throws(ResponseError) -> Cursor? {
        let uri = try uri(params)
        guard let position = Position(params["position"]) else { throw .invalidParams("position is missing or not a position") }
        guard let (plan, file) = workspace.context(for: uri) else { return nil }
        return Cursor(uri: uri, plan: plan, file: file, offset: file.offset(of: position))
    }

    /// The document's text as the editor has it, else as saved.
    func document(_ params: JSON) throws(ResponseError) -> (uri: String, file: SourceFile) {
        let uri = try uri(params)
        if let open = workspace.documents[uri] { return (uri, open.file) }
        guard let path = DocumentURI.path(of: uri), let bytes = try? workspace.disk.read(path) else {
            throw .requestFailed("\(uri) is not open and cannot be read")
        }
        return (uri, SourceFile(path: path, bytes: bytes))
    }

    /// Where `ref` points, in a file of the plan whose symbols gave it.
    func location(_ ref: SourceRef, _ symbols: SymbolIndex) -> JSON? { symbols.file(of: ref).map { location($0, ref.range) } }

    // MARK: Definition and references

    mutating func definition(_ params: JSON) throws(ResponseError) -> JSON {
        guard let cursor = try cursor(params), let occurrence = cursor.occurrence,
              let ref = cursor.plan.symbols.definition(of: occurrence.symbol) else { return .null }
        return location(ref, cursor.plan.symbols) ?? .null
    }

    mutating func references(_ params: JSON) throws(ResponseError) -> JSON {
        guard let cursor = try cursor(params), let occurrence = cursor.occurrence else { return .null }
        let includeDeclaration = params["context"]["includeDeclaration"].bool ?? true
        return .array(cursor.plan.symbols.occurrences(of: occurrence.symbol)
            .filter { includeDeclaration || !$0.isDefinition }
            .compactMap { location($0.ref, cursor.plan.symbols) })
    }

    // MARK: Rename

    mutating func prepareRename(_ params: JSON) throws(ResponseError) -> JSON {
        guard let cursor = try cursor(params), let occurrence = cursor.occurrence,
              cursor.plan.symbols.definition(of: occurrence.symbol) != nil else { return .null }
        return ["range": cursor.file.lspRange(occurrence.ref.range), "placeholder": .string(occurrence.symbol.name)]
    }

    /// Renames the declaration and every use the model resolved, in every file of the plan.
    mutating func rename(_ params: JSON) throws(ResponseError) -> JSON {
        guard let newName = params["newName"].string else { throw .invalidParams("newName is missing") }
        guard Self.isPlainName(newName) else {
            throw .requestFailed("`\(newName)` is not a name: a name is letters, digits, `-` and `_`, starting with a letter (no `.`)")
        }
        guard let cursor = try cursor(params), let occurrence = cursor.occurrence,
              cursor.plan.symbols.definition(of: occurrence.symbol) != nil else {
            throw .requestFailed("there is no name of a partner, person, area, scheme, milestone, metric or `let` here")
        }
        // Top-level names share one namespace, a scheme's own names another (E201 otherwise).
        let symbol = occurrence.symbol
        if newName != symbol.name, let clash = cursor.plan.symbols.occurrences.first(where: { $0.isDefinition && $0.symbol.scheme == symbol.scheme && $0.symbol.name == newName }) {
            throw .requestFailed("`\(newName)` is already declared as \(clash.symbol.kind.rawValue) \(clash.symbol.qualifiedName)")
        }
        var changes: [String: [JSON]] = [:]
        for found in cursor.plan.symbols.occurrences(of: occurrence.symbol) {
            guard let file = cursor.plan.symbols.file(of: found.ref) else { continue }
            changes[workspace.uri(ofPath: file.path), default: []].append(
                ["range": file.lspRange(found.ref.range), "newText": .string(newName)])
        }
        return ["changes": .object(changes.mapValues(JSON.array))]
    }

    /// Whether `text` lexes as exactly one identifier.
    static func isPlainName(_ text: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "", text: text))
        let significant = tokens.filter { $0.kind != .endOfFile }
        return diagnostics.isEmpty && significant.count == 1 && significant[0].kind == .identifier
    }

    // MARK: Quick fixes

    /// "Did you mean" fixes for the diagnostics of the last check on the lines of the range
    /// (editors ask with the cursor's position, which need not touch the mistake).
    mutating func codeActions(_ params: JSON) throws(ResponseError) -> JSON {
        let uri = try uri(params)
        guard let start = Position(params["range"]["start"]), let end = Position(params["range"]["end"]) else {
            throw .invalidParams("range is missing or not a range")
        }
        guard let (plan, file) = workspace.context(for: uri) else { return [] }
        let lines = file.line(of: file.offset(of: start))...file.line(of: max(file.offset(of: start), file.offset(of: end)))
        let actions: [JSON] = plan.diagnostics.compactMap { diagnostic in
            guard let replacement = diagnostic.replacement, diagnostic.file?.path == file.path,
                  lines.overlaps(file.line(of: diagnostic.range.lowerBound)...file.line(of: diagnostic.range.upperBound)) else { return nil }
            let edit: JSON = ["range": file.lspRange(diagnostic.range), "newText": .string(replacement)]
            return [
                "title": .string("Change `\(file.text(diagnostic.range))` to `\(replacement)`"),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [lspDiagnostic(diagnostic, in: file)],
                "edit": ["changes": .object([uri: [edit]])],
            ]
        }
        return .array(actions)
    }

    // MARK: Formatting

    /// `accord fmt` as one edit replacing the whole document; refused while it has syntax errors.
    mutating func formatting(_ params: JSON) throws(ResponseError) -> JSON {
        let (_, file) = try document(params)
        let parsed = parse(file, checkingStructure: false)
        if let first = parsed.syntaxErrors.first {
            let at = file.position(of: first.range.lowerBound)
            throw .requestFailed("not formatted: fix the syntax errors first (line \(at.line + 1): \(first.message))")
        }
        let formatted = Formatter.format(parsed.tree)
        guard Array(formatted.utf8) != file.bytes else { return [] }
        return [["range": file.lspRange(0..<file.bytes.count), "newText": .string(formatted)]]
    }

    // MARK: Outline

    /// The file's declarations, schemes with their milestones, metrics and `let`s, read from
    /// the document's own syntax tree so a half-typed plan still has an outline.
    mutating func documentSymbols(_ params: JSON) throws(ResponseError) -> JSON {
        let (_, file) = try document(params)
        let tree = parse(file).tree
        return .array(tree.statements.compactMap { outline($0, in: .file, file: file) })
    }

    private func outline(_ statement: StatementSyntax, in kind: BlockKind, file: SourceFile) -> JSON? {
        guard let keyword = statement.keyword, let symbolKind = Self.outlineKinds[keyword], let match = Grammar.match(statement, in: kind) else { return nil }
        let nameNode = match.names.first
        let title = match.values.first?.literalToken.flatMap { $0.kind == .string ? LiteralText.unescape($0.text) : nil }
        let name = keyword == "plan" ? "plan" : keyword == "envelope" ? "envelope \(nameNode?.compactText ?? "")" : nameNode?.compactText ?? keyword
        var symbol: [String: JSON] = [
            "name": .string(name),
            "kind": .int(symbolKind),
            "range": file.lspRange(statement.node.trimmedRange),
            "selectionRange": file.lspRange(nameNode?.trimmedRange ?? statement.head?.trimmedRange ?? statement.headerRange),
        ]
        if let title { symbol["detail"] = .string(title) }
        if keyword == "scheme" {
            let children = (statement.block?.statements ?? []).filter { ["milestone", "metric", "let"].contains($0.keyword ?? "") }
                .compactMap { outline($0, in: .scheme, file: file) }
            if !children.isEmpty { symbol["children"] = .array(children) }
        }
        return .object(symbol)
    }

    /// LSP SymbolKind numbers: Module, Class, Event, Field, Constant, Object, Struct, Interface…
    static var outlineKinds: [String: Int] {
        ["plan": 2, "partner": 23, "person": 19, "area": 3, "envelope": 19, "let": 14, "scheme": 5,
         "risk-share": 11, "scenario": 11, "milestone": 24, "metric": 8]
    }
}
