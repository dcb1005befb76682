import AccordDiagnostics
import AccordModel
import AccordSyntax

/// A plan compiled and checked: the model and every diagnostic, severities adjusted by the plan's
/// `rules`, `# accord: allow` comments applied, sorted for display.
public struct CheckedPlan: Sendable {
    public let sources: PlanSources
    public let model: PlanModel
    public let diagnostics: [Diagnostic]
    /// The date the plan was checked as of: `--as-of`, else the plan's `as-of`, else today.
    public let asOf: Date
    /// Every declaration and resolved use of a name, for editors; empty unless asked for.
    public let symbols: SymbolIndex

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum PlanCheck {
    /// Builds the model of `sources` and runs every check; `recordingSymbols` also indexes every
    /// name for an editor (hover, definition, references, rename), which the command line never reads.
    public static func run(_ sources: PlanSources, asOf override: Date? = nil, today: Date, recordingSymbols: Bool = false) -> CheckedPlan {
        var builder = ModelBuilder(sources: sources, recordingSymbols: recordingSymbols)
        if !sources.files.isEmpty { builder.build() }
        let model = builder.model
        let asOf = override ?? model.plan.asOf ?? today
        // A mistyped `as-of` is reported already; judging dates against today instead would bury
        // that one error under overdue milestones and early actuals.
        let datedAsOf = override == nil && model.plan.asOfUnreadable ? nil : asOf
        var rules = PlanRules(model: model, asOf: datedAsOf, incomplete: builder.incomplete)
        rules.run()
        var unused = UnusedDeclarations(builder: builder)
        let all = sources.diagnostics + sources.files.flatMap(\.parse.diagnostics) + builder.diagnostics + rules.diagnostics + unused.run()
        let diagnostics = finish(all, rules: model.plan.rules, allowed: Suppression(sources), fileOrder: sources.files.map(\.file.path))
        return CheckedPlan(sources: sources, model: model, diagnostics: diagnostics, asOf: asOf, symbols: builder.symbols)
    }

    /// Applies `rules { W407 off; W401 error }` and `# accord: allow CODE` (on the line or the
    /// line above), then sorts by file (root first, then include order), line, column, code.
    static func finish(_ diagnostics: [Diagnostic], rules: [DiagnosticCode: Severity?], allowed: Suppression, fileOrder: [String]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for var diagnostic in diagnostics {
            if let override = rules[diagnostic.code] {
                guard let severity = override else { continue }
                diagnostic.severity = severity
            }
            if let file = diagnostic.file, allowed.allows(diagnostic.code, at: diagnostic.range.lowerBound, in: file) { continue }
            result.append(diagnostic)
        }
        result.sortForDisplay(fileOrder: fileOrder)
        return result.cappedPerLine()
    }
}

/// `# accord: allow W402` (several codes may follow, separated by commas or spaces). Read from
/// the comment tokens, so a `#` inside a string (`plan "Plan #1"`) does not hide the comment.
struct Suppression {
    /// The codes allowed on each line (1-based), by file path.
    private var codes: [String: [Int: [String]]] = [:]

    init(_ sources: PlanSources) {
        for planFile in sources.files {
            let tree = planFile.parse.tree
            for token in tree.tokens where token.kind == .comment {
                let comment = tree.text(of: token).dropFirst().drop { $0 == " " }
                guard comment.hasPrefix("accord: allow") else { continue }
                let allowed = comment.dropFirst("accord: allow".count).split { $0 == "," || $0 == " " }.map(String.init)
                codes[planFile.file.path, default: [:]][planFile.file.line(of: Int(token.start)), default: []] += allowed
            }
        }
    }

    /// A comment on the diagnostic's line or the line above allows it.
    func allows(_ code: DiagnosticCode, at offset: Int, in file: SourceFile) -> Bool {
        guard let lines = codes[file.path] else { return false }
        let line = file.line(of: offset)
        return [line, line - 1].contains { lines[$0]?.contains(code.rawValue) ?? false }
    }
}

/// W407: partners, people, areas and `let`s that nothing refers to. Not judged while any file
/// has a syntax error: a line the parser could not read may be the one that uses the name.
struct UnusedDeclarations {
    let builder: ModelBuilder

    mutating func run() -> [Diagnostic] {
        let syntaxErrors = builder.sources.files.contains { $0.parse.diagnostics.contains { $0.severity == .error } }
        guard !syntaxErrors else { return [] }
        return builder.declarations.compactMap { declaration in
            guard [.partner, .person, .area, .let].contains(declaration.kind), !builder.used.contains(declaration.name) else { return nil }
            let what = declaration.kind == .let ? "`let \(declaration.name)`" : "\(declaration.kind.rawValue) \(declaration.name)"
            return Diagnostic(.W407, file: declaration.nameNode.tree.file, range: declaration.nameNode.trimmedRange,
                              message: "\(what) is declared but nothing uses it",
                              help: "remove it, or refer to it where it belongs (rules { W407 off } silences this check)")
        }
    }
}
