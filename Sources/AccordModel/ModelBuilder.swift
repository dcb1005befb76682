import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// The kinds of top-level declaration, which share one namespace (so `sro ESNEFT` can say that
/// ESNEFT is a partner, not a person).
package enum DeclarationKind: String {
    case partner, person, area, `let`, scheme, riskShare = "risk-share term", scenario

    var nameKind: NameKind? {
        switch self {
        case .partner: .partner
        case .person: .person
        case .area: .area
        case .scheme: .scheme
        default: nil
        }
    }

    var article: String { self == .area ? "an area" : self == .let ? "a `let` value" : "a \(rawValue)" }
}

package struct Declaration {
    package let kind: DeclarationKind
    package let name: String
    let statement: StatementSyntax
    let match: StatementMatch
    /// The name's node in the header, where E201 and "unused" point.
    package let nameNode: SyntaxNode
    /// A `let`'s cell, once declared.
    var cell: Int?
}

/// A value other expressions may refer to: a `let`, or a metric's baseline or target.
enum Cell {
    case globalLet(String)
    case schemeLet(scheme: String, name: String)
    case baseline(scheme: String, metric: String)
    case target(scheme: String, metric: String)

    /// Cells are evaluated in this order, so a run does not depend on hashing. Names hold no
    /// space, so this orders as the text `rank scheme name` would.
    var sortKey: (rank: Int, scheme: String, name: String) {
        switch self {
        case .globalLet(let name): (0, "", name)
        case .schemeLet(let scheme, let name): (1, scheme, name)
        case .baseline(let scheme, let metric): (2, scheme, metric)
        case .target(let scheme, let metric): (3, scheme, metric)
        }
    }
}

/// A cell with the expression that gives it, numbered when collected (its index in
/// `ModelBuilder.cells`) so evaluation works on arrays, not on hashed names.
struct CellExpression {
    let cell: Cell
    let node: SyntaxNode
    let scheme: String?
    let statement: StatementSyntax
}

/// What a name in an expression refers to.
enum Reference {
    /// `id` is nil for a cell no line gives (a metric without a baseline).
    case cell(Cell, id: Int?)
    case milestone(scheme: String, name: String)
    case metric(scheme: String, name: String)
    case declaration(Declaration)
    case unknown(candidates: [String])
}

/// A scheme's own names: reachable unqualified inside it, and as `SCHEME.NAME` from anywhere.
struct SchemeScope {
    struct Metric {
        let statement: StatementSyntax
        var baseline: Int?
        var target: Int?
    }

    var milestones: [String: StatementSyntax] = [:]
    var metrics: [String: Metric] = [:]
    var lets: [String: (statement: StatementSyntax, cell: Int?)] = [:]
}

/// What could not be read whole because of a mistake already reported (a name or value that did
/// not resolve, a line that does not fit the grammar). The later checks stay quiet about these
/// rather than repeat the mistake.
package struct Incomplete: Sendable {
    /// Schemes whose partners and shares are not counted or summed.
    package var schemes: Set<SchemeID> = []
    /// Risk-share bands (by header) whose percents are not summed.
    package var bands: Set<SourceRef> = []
}

/// Turns the parsed files of a plan into the checked model, reporting names (E2xx) and values
/// (E3xx) on the way. Checks over the finished model (E4xx, W4xx) live in `PlanRules`.
package struct ModelBuilder {
    package let sources: PlanSources
    package var model = PlanModel()
    package var diagnostics: [Diagnostic] = []
    var globals: [String: Declaration] = [:]
    package var declarations: [Declaration] = []
    /// Declared names by kind, in declaration order: the candidates for "did you mean", kept
    /// here so a lookup never scans every declaration.
    var namesOfKind: [DeclarationKind: [String]] = [:]
    var scopes: [String: SchemeScope] = [:]
    /// Names that something refers to (for W407), by declaration name.
    package var used: Set<String> = []
    /// Cells by id, and their values once evaluated.
    var cells: [CellExpression] = []
    var cellValues: [Value?] = []
    var planStatement: StatementSyntax?
    package var incomplete = Incomplete()
    package var symbols = SymbolIndex()

    /// `recordingSymbols`: fill `symbols`, for editors.
    package init(sources: PlanSources, recordingSymbols: Bool = false) {
        self.sources = sources
        model.files = sources.files.map(\.file)
        symbols.files = model.files
        symbols.isRecording = recordingSymbols
    }

    mutating func report(_ code: DiagnosticCode, _ node: SyntaxNode, _ message: String, help: String? = nil, notes: [DiagnosticNote] = [], replacement: String? = nil) {
        diagnostics.append(Diagnostic(code, file: node.tree.file, range: node.trimmedRange, message: message, help: help, notes: notes, replacement: replacement))
    }

    mutating func report(_ code: DiagnosticCode, _ ref: SourceRef, _ message: String, help: String? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(code, file: model.file(of: ref), range: ref.range, message: message, help: help, notes: notes))
    }

    /// A note pointing at `ref`, for a diagnostic about another place.
    func note(_ message: String, _ ref: SourceRef) -> DiagnosticNote {
        DiagnosticNote(message, file: model.file(of: ref), range: ref.range)
    }

    package mutating func build() {
        collectDeclarations()
        evaluateCells()
        readDeclarations()
    }

    // MARK: Declarations

    private mutating func collectDeclarations() {
        for (fileIndex, planFile) in sources.files.enumerated() {
            for statement in planFile.parse.tree.statements {
                guard let match = Grammar.match(statement, in: .file), let attribute = match.attribute(as: FileAttribute.self) else { continue }
                let kind: DeclarationKind
                switch attribute {
                // Read with the sources and with the envelopes (ModelBuilder+Declarations.swift).
                // and risks with the rest of the model (ModelBuilder+Risks.swift).
                case .include, .envelope, .risk: continue
                case .plan:
                    if fileIndex == 0, planStatement == nil {
                        planStatement = statement
                    } else {
                        let where_ = planStatement.map { DiagnosticNote("the plan block", file: $0.node.tree.file, range: $0.headerRange) }
                        report(.E201, statement.head!, fileIndex == 0 ? "a second `plan` block" : "a `plan` block in an included file",
                               help: "a plan has exactly one `plan` block, in its root file; move these settings there",
                               notes: where_.map { [$0] } ?? [])
                    }
                    continue
                case .partner: kind = .partner
                case .person: kind = .person
                case .area: kind = .area
                case .let: kind = .let
                case .scheme: kind = .scheme
                case .riskShare: kind = .riskShare
                case .scenario: kind = .scenario
                }
                guard let nameNode = match.names.first, let name = declaredName(nameNode) else { continue }
                guard declare(Declaration(kind: kind, name: name, statement: statement, match: match, nameNode: nameNode)) else {
                    setAside(statement)
                    continue
                }
                if kind == .scheme { collectSchemeScope(name, statement) }
            }
        }
        // A root file that could not be read as text (E109) is not also reported as having no plan.
        if planStatement == nil, !sources.root.parse.diagnostics.contains(where: { $0.code == .E109 }) {
            let root = sources.root.file
            diagnostics.append(Diagnostic(.E107, file: root, range: 0..<0, message: "\(root.path) has no `plan` block, and neither has any file it includes",
                                          help: "a plan's root file starts with `plan \"Title\" { years FY22/23..FY24/25 }`; to check a fragment, check the root plan that includes it"))
        }
    }

    /// A declaration's own name must be plain: `PIP-05`, not `PIP.05`.
    private mutating func declaredName(_ node: SyntaxNode) -> String? {
        if let name = node.simpleName { return name }
        report(.E104, node, "a name cannot contain `.`", help: "`.` joins a scheme to its milestones and metrics; use `-` or `_` inside a name")
        return nil
    }

    /// False for a name declared already (E201): the first declaration keeps the name, whole.
    private mutating func declare(_ declaration: Declaration) -> Bool {
        if let first = globals[declaration.name] {
            let same = first.kind == declaration.kind
            report(.E201, declaration.nameNode,
                   same ? "\(declaration.kind.article) named `\(declaration.name)` is already declared"
                        : "`\(declaration.name)` is already declared as \(first.kind.article)",
                   help: "give each partner, person, area, scheme, risk-share term, scenario and `let` its own name",
                   notes: [DiagnosticNote("first declared here", file: first.nameNode.tree.file, range: first.nameNode.trimmedRange)])
            return false
        }
        var declaration = declaration
        if declaration.kind == .let, let value = declaration.match.values.first {
            declaration.cell = addCell(.globalLet(declaration.name), value, nil, declaration.statement)
        }
        globals[declaration.name] = declaration
        declarations.append(declaration)
        recordDefinition(Symbol(kind: declaration.kind.symbolKind, name: declaration.name), declaration.nameNode)
        namesOfKind[declaration.kind, default: []].append(declaration.name)
        return true
    }

    /// A duplicate declaration (E201) is not read: reading it would mix its milestones, metrics
    /// and values into the first's. The names it mentions count as used, so that setting it
    /// aside does not also make them "unused" (W407).
    private mutating func setAside(_ statement: StatementSyntax) {
        var mentioned: Set<String> = []
        collectReferences(statement.node) { mentioned.formUnion($0) }
        used.formUnion(mentioned)
    }

    private mutating func collectSchemeScope(_ scheme: String, _ statement: StatementSyntax) {
        var scope = SchemeScope()
        for inner in statement.block?.statements ?? [] {
            guard let match = Grammar.match(inner, in: .scheme), let attribute = match.attribute(as: SchemeAttribute.self),
                  attribute == .milestone || attribute == .metric || attribute == .let,
                  let nameNode = match.names.first, let name = declaredName(nameNode) else { continue }
            let existing = scope.milestones[name] ?? scope.metrics[name]?.statement ?? scope.lets[name]?.statement
            if let existing {
                report(.E201, nameNode, "`\(name)` is already declared in scheme \(scheme)",
                       help: "give each milestone, metric and `let` of a scheme its own name",
                       notes: [DiagnosticNote("first declared here", file: existing.node.tree.file, range: existing.headerRange)])
                setAside(inner)
                continue
            }
            recordDefinition(Symbol(kind: attribute == .milestone ? .milestone : attribute == .metric ? .metric : .let, scheme: scheme, name: name), nameNode)
            if attribute == .milestone {
                scope.milestones[name] = inner
            } else if attribute == .metric {
                scope.metrics[name] = metricCells(scheme, name, inner)
            } else {
                scope.lets[name] = (inner, match.values.first.map { addCell(.schemeLet(scheme: scheme, name: name), $0, scheme, inner) })
            }
        }
        scopes[scheme] = scope
    }

    /// A metric's baseline and target cells; of a line given twice, the last.
    private mutating func metricCells(_ scheme: String, _ name: String, _ metric: StatementSyntax) -> SchemeScope.Metric {
        var cells = SchemeScope.Metric(statement: metric)
        for line in metric.block?.statements ?? [] {
            guard let match = Grammar.match(line, in: .metric), let value = match.values.first else { continue }
            let attribute = match.attribute(as: MetricAttribute.self)
            if attribute == .baseline { setCell(&cells.baseline, .baseline(scheme: scheme, metric: name), value, scheme, line) }
            if attribute == .target || attribute == .change { setCell(&cells.target, .target(scheme: scheme, metric: name), value, scheme, line) }
        }
        return cells
    }

    private mutating func addCell(_ cell: Cell, _ node: SyntaxNode, _ scheme: String?, _ statement: StatementSyntax) -> Int {
        cells.append(CellExpression(cell: cell, node: node, scheme: scheme, statement: statement))
        return cells.count - 1
    }

    private mutating func setCell(_ id: inout Int?, _ cell: Cell, _ node: SyntaxNode, _ scheme: String?, _ statement: StatementSyntax) {
        if let id {
            cells[id] = CellExpression(cell: cell, node: node, scheme: scheme, statement: statement)
        } else {
            id = addCell(cell, node, scheme, statement)
        }
    }

    // MARK: Names

    /// Resolves a name used in an expression, inside `scheme` when given: the scheme's own
    /// milestones, metrics and `let`s first, then top-level declarations.
    func resolve(_ parts: [String], in scheme: String?) -> Reference {
        func local(_ scheme: String, _ name: String) -> Reference? {
            guard let scope = scopes[scheme] else { return nil }
            if let found = scope.lets[name] { return .cell(.schemeLet(scheme: scheme, name: name), id: found.cell) }
            if scope.metrics[name] != nil { return .metric(scheme: scheme, name: name) }
            if scope.milestones[name] != nil { return .milestone(scheme: scheme, name: name) }
            return nil
        }
        func metricValue(_ reference: Reference?, _ field: String) -> Reference? {
            guard case .metric(let s, let m)? = reference, let metric = scopes[s]?.metrics[m] else { return nil }
            switch field {
            case "baseline": return .cell(.baseline(scheme: s, metric: m), id: metric.baseline)
            case "target": return .cell(.target(scheme: s, metric: m), id: metric.target)
            default: return nil
            }
        }
        switch parts.count {
        case 1:
            if let scheme, let found = local(scheme, parts[0]) { return found }
            if let declaration = globals[parts[0]] {
                return declaration.kind == .let ? .cell(.globalLet(parts[0]), id: declaration.cell) : .declaration(declaration)
            }
            let inScheme = scheme.map { scopes[$0].map { Array($0.lets.keys) + Array($0.metrics.keys) } ?? [] } ?? []
            return .unknown(candidates: inScheme + (namesOfKind[.let] ?? []))
        case 2:
            // METRIC.baseline inside a scheme, or SCHEME.NAME from anywhere.
            if let scheme, let value = metricValue(local(scheme, parts[0]), parts[1]) { return value }
            if scopes[parts[0]] != nil, let found = local(parts[0], parts[1]) { return found }
            if let scope = scopes[parts[0]] {
                return .unknown(candidates: (Array(scope.lets.keys) + Array(scope.metrics.keys) + Array(scope.milestones.keys)).map { "\(parts[0]).\($0)" })
            }
            // A misspelt metric (`fu-f2.target`) or scheme (`SE-5.M1`): the near name, written the same way.
            let metrics = ["baseline", "target"].contains(parts[1]) ? scheme.flatMap { scopes[$0]?.metrics.keys.sorted() } ?? [] : []
            return .unknown(candidates: (metrics + scopes.keys.sorted()).map { "\($0).\(parts[1])" })
        case 3:
            if scopes[parts[0]] != nil, let value = metricValue(local(parts[0], parts[1]), parts[2]) { return value }
            if let scope = scopes[parts[0]] { return .unknown(candidates: scope.metrics.keys.sorted().map { "\(parts[0]).\($0).\(parts[2])" }) }
            return .unknown(candidates: [])
        default:
            return .unknown(candidates: [])
        }
    }

    /// The value of a name in an expression, or nil after reporting why there is none.
    mutating func valueOf(_ node: SyntaxNode, in scheme: String?) -> Value? {
        let parts = node.nameParts
        var text: String { parts.joined(separator: ".") } // for messages only
        let reference = resolve(parts, in: scheme)
        recordUse(node, reference)
        switch reference {
        case .cell(let cell, let id):
            markUsed(cell)
            guard let id else {
                // A metric with no `target` or `change` (or no `baseline`): E107 at the metric, and
                // here too, so the figure that needs it is never a silent zero.
                let field = parts.last ?? "target"
                report(.E107, node, "`\(text)` has no value: the metric has no \(field == "baseline" ? "`baseline`" : "`target` or `change`")",
                       help: field == "baseline" ? "give the metric a `baseline VALUE at MONTH`" : "give the metric a `target VALUE by MONTH` or a `change -10% by MONTH`")
                return nil
            }
            return cellValues[id]
        case .metric(let s, let m):
            report(.E203, node, "`\(text)` is a metric, not a value", help: "use its baseline or target: \(m).baseline or \(m).target" + (s == scheme ? "" : " (qualified: \(s).\(m).target)"))
        case .milestone:
            report(.E203, node, "`\(text)` is a milestone, not a value", help: "milestones are named in `after`; use a date for dates")
        case .declaration(let declaration):
            used.insert(declaration.name)
            report(.E203, node, "`\(text)` is \(declaration.kind.article), not a value", help: "expressions use numbers, money, percents, dates and `let` values")
        case .unknown(let candidates):
            let text = text
            // A dotted name cannot be declared with `let`: say what it may be instead.
            var help = parts.count >= 2 ? "a dotted name is SCHEME.NAME, METRIC.baseline, METRIC.target or SCHEME.METRIC.baseline"
                                        : "declare it with `let \(text) = …`, or check the spelling"
            let suggestion = Suggestion.closest(to: text, in: candidates)
            if let suggestion {
                help = "did you mean `\(suggestion)`?"
                used.insert(suggestion) // the name meant: not also "unused" (W407)
            }
            report(.E202, node, "unknown name `\(text)`", help: help, replacement: suggestion)
        }
        return nil
    }

    private mutating func markUsed(_ cell: Cell) {
        if case .globalLet(let name) = cell { used.insert(name) }
    }

    /// Resolves a name in a `NAME`-taking attribute (`lead`, `sro`, `area`, …).
    mutating func reference(_ node: SyntaxNode, _ expected: NameKind, for attribute: String) -> String? {
        var wanted: [String] { namesOfKind.filter { $0.key.nameKind == expected }.flatMap(\.value) }
        guard let name = node.simpleName, let declaration = globals[name] else {
            let text = node.compactText, wanted = wanted
            var help = "declare it with `\(expected.rawValue) \(text) …`, or check the spelling"
            let suggestion = Suggestion.closest(to: text, in: wanted)
            if let suggestion {
                help = "did you mean `\(suggestion)`?"
                used.insert(suggestion) // the name meant: not also "unused" (W407)
            } else if !wanted.isEmpty, wanted.count <= 8 { help = "known \(expected == .person ? "people" : "\(expected.rawValue)s"): \(wanted.joined(separator: ", "))" }
            report(.E202, node, "unknown \(expected.rawValue) `\(text)`", help: help, replacement: suggestion)
            return nil
        }
        used.insert(name)
        recordUse(node, .declaration(declaration))
        guard declaration.kind.nameKind == expected else {
            let wanted = wanted
            let article = expected == .area ? "an area" : expected.description
            var help = "name \(article) here"
            let suggestion = Suggestion.closest(to: name, in: wanted)
            if let suggestion { help = "did you mean `\(suggestion)`?" }
            else if !wanted.isEmpty, wanted.count <= 8 { help += " (known \(expected == .person ? "people" : "\(expected.rawValue)s"): \(wanted.joined(separator: ", ")))" }
            else if wanted.isEmpty { help = "declare one with `\(expected.rawValue) NAME …` and name it here" }
            report(.E203, node, "`\(name)` is \(declaration.kind.article), but `\(attribute)` needs \(article)", help: help, replacement: suggestion)
            return nil
        }
        return name
    }

    /// The names a list attribute gives (`partners`, `schemes`), each once (a repeat is E106
    /// from the structure check). `unresolved` when a name was not one of `expected` (reported).
    mutating func references(_ nodes: [SyntaxNode], _ expected: NameKind, for attribute: String) -> (names: [String], unresolved: Bool) {
        var names: [String] = [], seen: Set<String> = [], unresolved = false
        for node in nodes {
            guard let name = reference(node, expected, for: attribute) else { unresolved = true; continue }
            if seen.insert(name).inserted { names.append(name) }
        }
        return (names, unresolved)
    }

    // MARK: Values

    /// Evaluates lets and metric values in dependency order, reporting cycles (E204) once per member.
    private mutating func evaluateCells() {
        // The graph's nodes are the cells in `sortKey` order; `position` maps a cell's id there.
        let order = cells.indices.map { (key: cells[$0].cell.sortKey, id: $0) }.sorted { $0.key < $1.key }.map(\.id)
        var position = [Int](repeating: 0, count: cells.count)
        for (index, id) in order.enumerated() { position[id] = index }
        var successors = [[Int]](repeating: [], count: cells.count)
        for (index, id) in order.enumerated() {
            let expression = cells[id]
            var dependencies: [(cell: Cell, id: Int?)] = []
            collectReferences(expression.node) { parts in
                if case .cell(let target, let targetID) = resolve(parts, in: expression.scheme) { dependencies.append((target, targetID)) }
            }
            // A `let` another value refers to is used, even when a cycle stops it being evaluated.
            for case (.globalLet(let name), _) in dependencies { used.insert(name) }
            if case .target(let s, let m) = expression.cell { dependencies.append((.baseline(scheme: s, metric: m), scopes[s]?.metrics[m]?.baseline)) }
            successors[index] = dependencies.compactMap { $0.id.map { position[$0] } }
        }
        cellValues = [Value?](repeating: nil, count: cells.count)
        for component in Graph.stronglyConnectedComponents(count: cells.count, successors: successors) {
            let isCycle = component.count > 1 || successors[component[0]].contains(component[0])
            if isCycle {
                let walk = Graph.closedWalk(through: component, successors: successors)
                let positions = Graph.positions(in: walk)
                for member in component {
                    let statement = cells[order[member]].statement
                    let path = Graph.Rotation(walk: walk, member: member, positions: positions)
                    diagnostics.append(Diagnostic(.E204, file: statement.node.tree.file, range: statement.headerRange,
                                                  message: "`\(describe(cells[order[member]].cell))` depends on itself: \(Graph.describeCycle(path) { describe(cells[order[$0]].cell) })",
                                                  help: "break the cycle: one of these values must be given without referring to the others"))
                }
                continue
            }
            let id = order[component[0]]
            cellValues[id] = evaluateCell(cells[id])
        }
    }

    private func describe(_ cell: Cell) -> String {
        switch cell {
        case .globalLet(let name): name
        case .schemeLet(let scheme, let name): "\(scheme).\(name)"
        case .baseline(let scheme, let metric): "\(scheme).\(metric).baseline"
        case .target(let scheme, let metric): "\(scheme).\(metric).target"
        }
    }

    private mutating func evaluateCell(_ expression: CellExpression) -> Value? {
        let value = evaluate(expression.node, in: expression.scheme)
        switch expression.cell {
        case .globalLet, .schemeLet, .baseline:
            return value
        case .target(let s, let m):
            // `change -33%` makes the target baseline × (1 − 33%).
            guard expression.statement.keyword == MetricAttribute.change.rawValue else { return value }
            guard let value else { return nil }
            guard case .percent(let change) = value else {
                // Never a silent zero: `change -33` would leave the target, and every figure using it, empty.
                let text = expression.node.compactText
                let help = value.kind == .number ? "did you forget %? Write `change \(text)%`"
                    : "did you forget %? `change` is relative to the baseline (change -33%); for an absolute value write `target \(text) by …`"
                report(.E301, expression.node, "`change` takes a percent, but this is \(value.kind.description)", help: help)
                return nil
            }
            guard let baseline = metricValues(s, m).baseline, let base = baseline.quantity else { return nil }
            let target = base.multiplied(by: Exact.one.adding(change))
            switch baseline {
            case .money: return .money(target)
            case .percent: return .percent(target)
            default: return .number(target)
            }
        }
    }

    /// A metric's evaluated baseline and target (nil before `evaluateCells`).
    func metricValues(_ scheme: String, _ metric: String) -> (baseline: Value?, target: Value?) {
        guard let cells = scopes[scheme]?.metrics[metric] else { return (nil, nil) }
        return (cells.baseline.flatMap { cellValues[$0] }, cells.target.flatMap { cellValues[$0] })
    }

    private func collectReferences(_ node: SyntaxNode, _ visit: ([String]) -> Void) {
        var pending = [node]
        while let current = pending.popLast() {
            if current.kind == .name { visit(current.nameParts) } else { pending.append(contentsOf: current.childNodes) }
        }
    }

    /// Evaluates an expression in a scope (a scheme's name, or nil at top level). Names are
    /// resolved first (reporting unknown ones), then the evaluator reads their values.
    mutating func evaluate(_ node: SyntaxNode, in scheme: String?) -> Value? {
        var resolved: [Range<Int>: Value] = [:]
        // Most values are a lone literal, with no name to look for.
        var pending = node.kind == .literal ? [] : [node]
        while let current = pending.popLast() {
            if current.kind == .name {
                if let value = valueOf(current, in: scheme) { resolved[current.range] = value }
            } else {
                pending.append(contentsOf: current.childNodes)
            }
        }
        var evaluator = Evaluator(file: node.tree.file, names: resolved)
        let value = evaluator.evaluate(node)
        diagnostics += evaluator.diagnostics
        return value
    }

    /// Evaluates and checks the kind an attribute takes (E301).
    mutating func value(_ node: SyntaxNode, _ expected: ValueKind, for attribute: String, in scheme: String? = nil) -> Value? {
        let value = evaluate(node, in: scheme)
        if value?.fits(expected) ?? true { return value }
        var evaluator = Evaluator(file: node.tree.file, names: [:])
        let checked = evaluator.expect(value, expected, at: node, for: attribute)
        diagnostics += evaluator.diagnostics
        return checked
    }
}

extension Graph {
    /// A closed walk that passes through every member of a strongly connected component, from
    /// its first member back to it, each step along an edge: the whole cycle, in a form a
    /// message can name. Greedy: from where it stands, the walk goes to the nearest member not
    /// yet seen (so a ring comes out as the ring).
    package static func closedWalk(through component: [Int], successors: [[Int]]) -> [Int] {
        let members = Set(component)
        guard let start = component.first else { return [] }
        var seen: Set<Int> = [start]
        var walk = [start]
        func path(from origin: Int, to isTarget: (Int) -> Bool) -> [Int] {
            var previous: [Int: Int] = [:]
            var queue = [origin], head = 0
            while head < queue.count {
                let node = queue[head]; head += 1
                for next in successors[node] where members.contains(next) && previous[next] == nil {
                    previous[next] = node
                    if isTarget(next) {
                        var steps = [next]
                        var at = node
                        while at != origin { steps.append(at); at = previous[at]! }
                        return Array(steps.reversed())
                    }
                    queue.append(next)
                }
            }
            return []
        }
        while seen.count < members.count {
            let steps = path(from: walk.last!) { !seen.contains($0) }
            if steps.isEmpty { break }
            walk += steps
            seen.formUnion(steps)
        }
        walk += path(from: walk.last!) { $0 == start }
        return walk
    }

    /// Where each member first stands in a walk.
    package static func positions(in walk: [Int]) -> [Int: Int] {
        var positions: [Int: Int] = [:]
        for (index, member) in walk.enumerated() where positions[member] == nil { positions[member] = index }
        return positions
    }

    /// The closed walk started at `member` instead: still a walk along the edges. A view, not a
    /// copy: every member of a k-long cycle gets one, and k copies would cost k².
    package struct Rotation {
        let walk: [Int]
        let start: Int

        package init(walk: [Int], member: Int, positions: [Int: Int]) {
            self.walk = walk
            start = walk.count > 1 ? positions[member] ?? 0 : 0
        }

        var count: Int { walk.count }
        package subscript(index: Int) -> Int { walk.count > 1 ? walk[(start + index) % (walk.count - 1)] : walk[index] }
    }

    /// `a → b → c → a` (or another separator), shortened in the middle when very long; only the
    /// members shown are named.
    package static func describeCycle(_ path: Rotation, separator: String = " → ", name: (Int) -> String) -> String {
        let count = path.count
        guard count > 20 else { return (0..<count).map { name(path[$0]) }.joined(separator: separator) }
        return ((0..<10).map { name(path[$0]) } + ["… (\(count - 13) more)"] + ((count - 3)..<count).map { name(path[$0]) })
            .joined(separator: separator)
    }
}
