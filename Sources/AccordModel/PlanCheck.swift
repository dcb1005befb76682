import AccordDiagnostics
import AccordSyntax

/// A plan compiled and checked: the model and every diagnostic, severities adjusted by the plan's
/// `rules`, `# accord: allow` comments applied, sorted for display.
public struct CheckedPlan: Sendable {
    public let sources: PlanSources
    public let model: PlanModel
    public let diagnostics: [Diagnostic]
    /// The date the plan was checked as of: `--as-of`, else the plan's `as-of`, else today.
    public let asOf: Date
    /// Every declaration and resolved use of a name, for editors.
    public let symbols: SymbolIndex

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum PlanCheck {
    /// Builds the model of `sources` and runs every check.
    public static func run(_ sources: PlanSources, asOf override: Date? = nil, today: Date) -> CheckedPlan {
        var builder = ModelBuilder(sources: sources)
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
        let diagnostics = finish(all, rules: model.plan.rules, fileOrder: sources.files.map(\.file.path))
        return CheckedPlan(sources: sources, model: model, diagnostics: diagnostics, asOf: asOf, symbols: builder.symbols)
    }

    /// Applies `rules { W407 off; W401 error }` and `# accord: allow CODE` (on the line or the
    /// line above), then sorts by file (root first, then include order), line, column, code.
    static func finish(_ diagnostics: [Diagnostic], rules: [DiagnosticCode: Severity?], fileOrder: [String]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var suppression = Suppression()
        for var diagnostic in diagnostics {
            if let override = rules[diagnostic.code] {
                guard let severity = override else { continue }
                diagnostic.severity = severity
            }
            if let file = diagnostic.file, suppression.allows(diagnostic.code, at: diagnostic.range.lowerBound, in: file) { continue }
            result.append(diagnostic)
        }
        result.sortForDisplay(fileOrder: fileOrder)
        return result.cappedPerLine()
    }
}

/// `# accord: allow W402` (several codes may follow, separated by commas or spaces). Each line's
/// codes are read once: a line may carry thousands of diagnostics.
struct Suppression {
    private struct Line: Hashable { let path: String, line: Int }
    private var cache: [Line: [String]] = [:]

    mutating func allows(_ code: DiagnosticCode, at offset: Int, in file: SourceFile) -> Bool {
        let line = file.line(of: offset)
        for candidate in [line, line - 1] where candidate >= 1 {
            let key = Line(path: file.path, line: candidate)
            let codes = cache[key] ?? Self.codes(onLine: candidate, of: file)
            cache[key] = codes
            if codes.contains(code.rawValue) { return true }
        }
        return false
    }

    private static func codes(onLine line: Int, of file: SourceFile) -> [String] {
        let text = file.lineText(line)
        guard let hash = text.firstIndex(of: "#") else { return [] }
        let comment = text[text.index(after: hash)...].drop { $0 == " " }
        guard comment.hasPrefix("accord: allow") else { return [] }
        return comment.dropFirst("accord: allow".count).split { $0 == "," || $0 == " " }.map(String.init)
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
