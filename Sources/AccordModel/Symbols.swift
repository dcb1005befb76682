import AccordDiagnostics
import AccordSyntax

/// Something a name in a plan stands for: what editors go to, list references of and rename.
public struct Symbol: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case partner, person, area, `let`, scheme, riskShare = "risk-share term", scenario, milestone, metric
    }

    public let kind: Kind
    /// The scheme that owns a milestone, a metric or a scheme's `let`.
    public let scheme: String?
    public let name: String

    public init(kind: Kind, scheme: String? = nil, name: String) {
        self.kind = kind
        self.scheme = scheme
        self.name = name
    }

    /// `ESNEFT`, `PIP-05.M1`.
    public var qualifiedName: String { scheme.map { "\($0).\(name)" } ?? name }
}

/// One place a symbol's name is written: one identifier, so `PIP-05.M1` holds an occurrence of
/// the scheme and one of the milestone.
public struct SymbolOccurrence: Sendable {
    public let symbol: Symbol
    public let ref: SourceRef
    public let isDefinition: Bool
}

/// Every declaration and every resolved use of a name in a plan, recorded by the model builder
/// as it resolves names, so editors agree with `accord check` on what each name means. Only the
/// language server reads it: the command line does not record one (`isRecording`).
public struct SymbolIndex: Sendable {
    public private(set) var occurrences: [SymbolOccurrence] = []
    /// Whether names are recorded as they resolve; an index not recorded stays empty.
    package var isRecording = false
    /// The plan's files, which the occurrences' references point into.
    var files: [SourceFile] = []
    /// Identifiers already recorded, by file and offset.
    private var recorded: Set<Place> = []

    private struct Place: Hashable {
        let file: ObjectIdentifier
        let offset: Int
    }

    public func definition(of symbol: Symbol) -> SourceRef? {
        occurrences.first { $0.isDefinition && $0.symbol == symbol }?.ref
    }

    public func occurrences(of symbol: Symbol) -> [SymbolOccurrence] {
        occurrences.filter { $0.symbol == symbol }
    }

    /// The occurrence whose identifier holds `offset` (its end included, where a cursor after
    /// the last letter stands) in the file shown as `path`.
    public func occurrence(at offset: Int, inFile path: String) -> SymbolOccurrence? {
        guard let file = files.first(where: { $0.path == path }) else { return nil }
        return occurrences.first { $0.ref.isIn(file) && $0.ref.range.lowerBound <= offset && offset <= $0.ref.range.upperBound }
    }

    /// The file an occurrence is in.
    public func file(of ref: SourceRef) -> SourceFile? { files.file(of: ref) }

    /// Names are evaluated more than once (a `change` is read for its target and for itself):
    /// each identifier is recorded once.
    mutating func record(_ symbol: Symbol, _ token: SyntaxToken, isDefinition: Bool) {
        let file = token.tree.file
        guard recorded.insert(Place(file: ObjectIdentifier(file), offset: token.range.lowerBound)).inserted else { return }
        occurrences.append(SymbolOccurrence(symbol: symbol, ref: SourceRef(file: file, range: token.range), isDefinition: isDefinition))
    }
}

extension DeclarationKind {
    var symbolKind: Symbol.Kind {
        switch self {
        case .partner: .partner
        case .person: .person
        case .area: .area
        case .let: .let
        case .scheme: .scheme
        case .riskShare: .riskShare
        case .scenario: .scenario
        }
    }
}

extension ModelBuilder {
    /// The identifiers of a name node, one per part of `PIP-05.M1`.
    private func identifiers(_ node: SyntaxNode) -> [SyntaxToken] {
        node.significantTokens.filter { $0.kind == .identifier }
    }

    mutating func recordDefinition(_ symbol: Symbol, _ nameNode: SyntaxNode) {
        guard symbols.isRecording, let token = identifiers(nameNode).first else { return }
        symbols.record(symbol, token, isDefinition: true)
    }

    /// Records what each part of a name used in the plan refers to, as `resolve` found it.
    mutating func recordUse(_ node: SyntaxNode, _ reference: Reference) {
        guard symbols.isRecording else { return }
        let parts = identifiers(node)
        func scheme(_ name: String) -> Symbol { Symbol(kind: .scheme, name: name) }
        func owned(_ kind: Symbol.Kind, _ s: String, _ name: String, qualifiedAt index: Int) -> [Symbol] {
            let symbol = Symbol(kind: kind, scheme: s, name: name)
            return parts.count > index ? [scheme(s), symbol] : [symbol]
        }
        let resolved: [Symbol]
        switch reference {
        case .cell(.globalLet(let name), _): resolved = [Symbol(kind: .let, name: name)]
        case .cell(.schemeLet(let s, let name), _): resolved = owned(.let, s, name, qualifiedAt: 1)
        // `fu-f2f.baseline` inside the scheme, `SE-05.fu-f2f.baseline` from anywhere.
        case .cell(.baseline(let s, let m), _), .cell(.target(let s, let m), _): resolved = owned(.metric, s, m, qualifiedAt: 2)
        case .metric(let s, let m): resolved = owned(.metric, s, m, qualifiedAt: 1)
        case .milestone(let s, let m): resolved = owned(.milestone, s, m, qualifiedAt: 1)
        case .declaration(let declaration): resolved = [Symbol(kind: declaration.kind.symbolKind, name: declaration.name)]
        case .unknown:
            // `SE-05.M9`: the scheme is known even when its milestone is not.
            guard parts.count >= 2, scopes[parts[0].text] != nil else { return }
            resolved = [scheme(parts[0].text)]
        }
        for (token, symbol) in zip(parts, resolved) { symbols.record(symbol, token, isDefinition: false) }
    }
}
