/// The one table of what each block of a plan may hold: every declaration and attribute, the
/// shape of its arguments, whether it repeats and what is required. The parser uses it only to
/// recover from a missing `}`; the structure check, the formatter's tests, the grammar test and
/// the docs read it. Values are left as expressions here: their kinds are checked by the model.
public enum Grammar {}

/// What kind of value an argument holds. Documentation and a hint for the model; the front end
/// only checks that an expression stands there.
public enum ValueKind: String, Sendable, CaseIterable {
    case any, number, money, percent, date, month, financialYear, years, string

    public var description: String {
        switch self {
        case .any: "a value"
        case .number: "a number"
        case .money: "an amount of money"
        case .percent: "a percent"
        case .date: "a date"
        case .month: "a month"
        case .financialYear: "a financial year"
        case .years: "a financial year or a year range"
        case .string: "a string"
        }
    }
}

/// The kinds of declaration a name may refer to. Resolved by the model, named here for messages.
public enum NameKind: String, Sendable {
    case partner, person, area, scheme, milestone, metric, declaration, monthOfYear, diagnosticCode

    public var description: String {
        switch self {
        case .declaration: "a name for it"
        case .area: "an area"
        case .monthOfYear: "a month of the year (M1 to M12)"
        case .diagnosticCode: "a check code such as W407"
        default: "a \(rawValue)"
        }
    }
}

/// The shape of an attribute's arguments, matched against the statement's elements.
public indirect enum ArgumentPattern: Sendable {
    /// Any expression.
    case value(ValueKind)
    /// A literal token of exactly this kind (keys such as `savings FY22/23`, trajectory months).
    case literal(TokenKind)
    /// A name, plain or dotted.
    case name(NameKind)
    /// A month of the year (`M8`) or a month range (`M8..M12`), taking one value per month.
    case months
    /// One word out of a fixed set (`status delivery`); `what` names the set in messages.
    case keyword(what: String, [String])
    /// A fixed word joining arguments (`by`, `at`).
    case word(String)
    /// `=`.
    case equals
    case sequence([ArgumentPattern])
    case optional(ArgumentPattern)
    /// One or more, separated by commas.
    case list(ArgumentPattern)
}

public enum Repetition: Sendable {
    /// At most once per block (E106 on the second).
    case once
    /// Once per key: the normalised text of the elements matched by names, literals and keywords
    /// (`cap ESNEFT …` once per partner, `delivery 80%` once as the default). E106 on a repeat.
    case perKey
    /// Any number of times (names are checked for duplicates by the model, E201).
    case many
}

/// A class, not a struct: matches and checks pass it around for every line, and a copy of a
/// struct with this many references costs a retain for each.
public final class AttributeSchema: Sendable {
    public let keyword: String
    public let arguments: ArgumentPattern
    public let block: BlockKind?
    public let blockRequired: Bool
    public let repetition: Repetition
    public let required: Bool
    /// One line as a plan writer would type it; shown in help and in the docs.
    public let example: String
    /// Names within one line that must not repeat (E106): band lines (one percent per partner),
    /// `partners`, `schemes`, `after`.
    public let uniqueListEntries: Bool

    /// The line takes either its arguments or its block, not both (`share evenly`, `share { … }`).
    public let blockOrArguments: Bool

    init(_ keyword: String, _ arguments: ArgumentPattern = .sequence([]), block: BlockKind? = nil, blockRequired: Bool = true,
         blockOrArguments: Bool = false, _ repetition: Repetition = .once, required: Bool = false, uniqueListEntries: Bool = false, example: String) {
        self.keyword = keyword
        self.arguments = arguments
        self.block = block
        self.blockOrArguments = blockOrArguments
        self.blockRequired = block != nil && blockRequired && !blockOrArguments
        self.repetition = repetition
        self.required = required
        self.example = example
        self.uniqueListEntries = uniqueListEntries
    }
}

/// A line of a keyed block (`ESNEFT 50%`, `FY22/23 £1.8m`): a key, then the rest, once per key.
public struct KeyedLineSchema: Sendable {
    public let key: ArgumentPattern
    public let value: ArgumentPattern
    public let example: String
}

public enum BlockKind: String, Sendable, CaseIterable {
    case file, plan, confidenceWeights = "confidence-weights", rules, partner, person, envelope
    case scheme, savings, share, milestone, metric, trajectory
    case riskShare = "risk-share", bands, scenario
}

public struct BlockSchema: Sendable {
    public let kind: BlockKind
    /// How messages name the block: "a scheme", "the savings block".
    public let noun: String
    public let attributes: [AttributeSchema]
    public let keyedLine: KeyedLineSchema?

    public func attribute(_ keyword: String) -> AttributeSchema? { attributeIndex(keyword).map { attributes[$0] } }
    func attributeIndex(_ keyword: String) -> Int? { attributes.firstIndex { $0.keyword == keyword } }
    /// The attribute a line's head names, without building the head's text.
    func attributeIndex(of head: SyntaxNode) -> Int? {
        guard let token = head.simpleNameToken else { return nil }
        return attributes.firstIndex { head.tree.spells(token, $0.keyword) }
    }
}

extension Grammar {
    public static let statuses = ["idea", "scoping", "approved", "delivery", "refresh", "closure", "closed", "withdrawn"]
    public static let dimensions = ["cash-releasing", "productivity", "cost-growth-avoided"]
    public static let ragRatings = ["green", "amber", "red"]
    static let metricKinds = ["activity", "productivity", "quality", "outcome"]

    private static let dimension = ArgumentPattern.keyword(what: "a savings dimension", dimensions)
    private static let title = ArgumentPattern.optional(.value(.string))
    private static let approval = ArgumentPattern.sequence([.value(.date), .optional(.sequence([.word("by"), .value(.string)]))])
    private static let partnerPercent = ArgumentPattern.list(.sequence([.name(.partner), .value(.percent)]))
    private static let role = ArgumentPattern.sequence([.name(.person), .optional(.value(.number))])

    public static func schema(_ kind: BlockKind) -> BlockSchema { schemasInOrder[BlockKind.allCases.firstIndex(of: kind)!] }

    /// `schemas` in the order of `BlockKind.allCases`: asked for every block, an array index is
    /// cheaper than hashing the kind's name.
    private static let schemasInOrder = BlockKind.allCases.map { schemas[$0]! }

    /// Declarations that only stand at the top of a file, for recovering from a missing `}`.
    static let topLevelKeywords: Set<String> = Set(schema(.file).attributes.map(\.keyword)).subtracting(["let"])

    public static let schemas: [BlockKind: BlockSchema] = {
        var all: [BlockKind: BlockSchema] = [:]
        func add(_ kind: BlockKind, _ noun: String, _ attributes: [AttributeSchema], keyed: KeyedLineSchema? = nil) {
            all[kind] = BlockSchema(kind: kind, noun: noun, attributes: attributes, keyedLine: keyed)
        }
        add(.file, "the top level of a plan file", [
            .init("include", .literal(.string), .many, example: "include \"schemes/*.accord\""),
            .init("plan", title, block: .plan, .many, example: "plan \"SNEE system efficiency programme\" { … }"),
            .init("partner", .sequence([.name(.declaration), title]), block: .partner, blockRequired: false, .many,
                  example: "partner ESNEFT \"East Suffolk and North Essex NHS FT\" { … }"),
            .init("person", .sequence([.name(.declaration), title]), block: .person, blockRequired: false, .many,
                  example: "person asmith \"A. Smith\" { … }"),
            .init("area", .sequence([.name(.declaration), title]), .many, example: "area planned \"Planned care\""),
            .init("envelope", .name(.partner), block: .envelope, .many, example: "envelope ESNEFT { … }"),
            .init("let", .sequence([.name(.declaration), .equals, .value(.any)]), .many, example: "let fu-cost = £120"),
            .init("scheme", .sequence([.name(.declaration), title]), block: .scheme, .many,
                  example: "scheme PIP-05 \"A new model for outpatient care\" { … }"),
            .init("risk-share", .sequence([.name(.declaration), title]), block: .riskShare, .many,
                  example: "risk-share aic-op \"Outpatient aligned incentive contract\" { … }"),
            .init("scenario", .sequence([.name(.declaration), title]), block: .scenario, .many,
                  example: "scenario downside \"Half delivery on outpatients\" { … }"),
        ])
        add(.plan, "a plan", [
            .init("years", .value(.years), required: true, example: "years FY22/23..FY24/25"),
            .init("as-of", .value(.date), example: "as-of 2022-09-30"),
            .init("approved", approval, example: "approved 2021-07-28 by \"System Finance and Performance Committee\""),
            .init("confidence-weights", block: .confidenceWeights, example: "confidence-weights { green 100%; amber 50%; red 25% }"),
            .init("require-metrics", .list(.keyword(what: "a metric kind", metricKinds)), example: "require-metrics activity, productivity"),
            .init("rules", block: .rules, example: "rules { W407 off; W401 error }"),
        ])
        add(.confidenceWeights, "confidence weights", [],
            keyed: .init(key: .keyword(what: "a confidence rating", ragRatings), value: .value(.percent), example: "amber 50%"))
        add(.rules, "rules", [],
            keyed: .init(key: .name(.diagnosticCode), value: .keyword(what: "a severity", ["off", "warning", "error"]), example: "W407 off"))
        add(.partner, "a partner", [
            .init("type", .keyword(what: "a partner type", ["provider", "commissioner", "local-authority", "ambulance", "other"]), example: "type provider"),
            .init("control-total", .value(.percent), example: "control-total 100%"),
        ])
        add(.person, "a person", [
            .init("partner", .name(.partner), required: true, example: "partner ESNEFT"),
            .init("role", .value(.string), example: "role \"Director of Transformation\""),
            .init("capacity", .value(.number), example: "capacity 0.4"),
        ])
        add(.envelope, "an envelope", [],
            keyed: .init(key: .literal(.financialYear), value: .value(.money), example: "FY22/23 £9.0m"))
        add(.scheme, "a scheme", [
            .init("area", .name(.area), required: true, example: "area planned"),
            .init("level", .keyword(what: "a level", ["system", "place", "organisation"]), example: "level system"),
            .init("status", .keyword(what: "a status", statuses), required: true, example: "status delivery"),
            .init("lead", .name(.partner), required: true, example: "lead ESNEFT"),
            .init("partners", .list(.name(.partner)), uniqueListEntries: true, example: "partners ESNEFT, WSFT, IESCCG"),
            .init("sro", .name(.person), example: "sro asmith"),
            .init("manager", role, .perKey, example: "manager bjones 0.5"),
            .init("clinical-lead", role, .perKey, example: "clinical-lead drlee 0.1"),
            .init("finance-lead", role, .perKey, example: "finance-lead cwu 0.1"),
            .init("approved", approval, example: "approved 2022-04-12 by \"SFPC\""),
            .init("confidence", .keyword(what: "a confidence rating", ragRatings), example: "confidence amber"),
            .init("recurrent", .keyword(what: "yes or no", ["yes", "no"]), example: "recurrent yes"),
            .init("qia", .sequence([.keyword(what: "a QIA state", ["not-started", "in-progress", "signed-off"]), .optional(.value(.date))]),
                  example: "qia signed-off 2022-03-30"),
            .init("savings", .literal(.financialYear), block: .savings, .perKey, example: "savings FY22/23 { … }"),
            // `share evenly` or a `share { … }` block, never both (E104).
            .init("share", .optional(.keyword(what: "an even split", ["evenly"])), block: .share, blockOrArguments: true,
                  example: "share { ESNEFT 50%; WSFT 50% }"),
            .init("milestone", .sequence([.name(.declaration), title]), block: .milestone, .many,
                  example: "milestone M1 \"Virtual clinic platform live\" { … }"),
            .init("metric", .sequence([.name(.declaration), title]), block: .metric, .many,
                  example: "metric fu-f2f \"Face-to-face follow-up appointments\" { … }"),
            .init("let", .sequence([.name(.declaration), .equals, .value(.any)]), .many, example: "let fu-cost = £120"),
        ])
        add(.savings, "a savings block", [
            .init("cash-releasing", .value(.money), example: "cash-releasing £1.2m"),
            .init("productivity", .value(.money), example: "productivity 12 * 4_000 * fu-cost"),
            .init("cost-growth-avoided", .value(.money), example: "cost-growth-avoided £0.3m"),
            // Each month or range takes as many values as it has months (E413, from the model).
            .init("phasing", .sequence([.months, .list(.sequence([.optional(.months), .value(.percent)]))]),
                  example: "phasing M1 0%, M2 0%, M3 5%, …, M12 15%"),
            // Repeats are E409 (a month reported twice), found by the model with the as-of date.
            .init("actual", .sequence([.months, dimension, .list(.value(.money))]), .many, example: "actual M2 cash-releasing £12k"),
            // Year-end (`forecast cash-releasing £1.1m`) or monthly (`forecast M8 …`, E411/E412 from the model).
            .init("forecast", .sequence([.optional(.months), dimension, .list(.value(.money))]), .perKey, example: "forecast cash-releasing £1.1m"),
        ])
        add(.share, "a share block", [],
            keyed: .init(key: .name(.partner), value: .value(.percent), example: "ESNEFT 50%"))
        add(.milestone, "a milestone", [
            .init("due", .value(.date), required: true, example: "due 2022-09-30"),
            .init("critical", example: "critical"),
            .init("owner", .name(.person), example: "owner bjones"),
            .init("done", .value(.date), example: "done 2022-09-15"),
            .init("after", .list(.name(.milestone)), uniqueListEntries: true, example: "after M1, PIP-02.M3"),
            .init("forecast", .value(.date), example: "forecast 2023-06-30"),
        ])
        add(.metric, "a metric", [
            .init("kind", .keyword(what: "a metric kind", metricKinds), example: "kind activity"),
            .init("unit", .value(.string), example: "unit \"appointments per month\""),
            .init("better", .keyword(what: "lower or higher", ["lower", "higher"]), example: "better lower"),
            .init("baseline", .sequence([.value(.any), .word("at"), .literal(.month)]), required: true, example: "baseline 12000 at 2022-03"),
            .init("change", .sequence([.value(.percent), .optional(.sequence([.word("by"), .literal(.month)]))]), example: "change -33% by 2024-03"),
            .init("target", .sequence([.value(.any), .optional(.sequence([.word("by"), .literal(.month)]))]), example: "target 8040 by 2024-03"),
            .init("trajectory", block: .trajectory, example: "trajectory { 2022-12 11000; 2023-06 9500 }"),
            .init("actual", .sequence([.value(.any), .word("at"), .literal(.month)]), .perKey, example: "actual 11200 at 2022-09"),
            .init("owner", .name(.person), example: "owner bjones"),
        ])
        add(.trajectory, "a trajectory", [],
            keyed: .init(key: .literal(.month), value: .value(.any), example: "2022-12 11000"))
        add(.riskShare, "a risk-share term", [
            .init("schemes", .list(.name(.scheme)), required: true, uniqueListEntries: true, example: "schemes PIP-05, PIP-06"),
            .init("measure", .keyword(what: "a measure", dimensions + ["total"]), example: "measure cash-releasing"),
            .init("years", .value(.years), example: "years FY22/23"),
            .init("shortfall", block: .bands, example: "shortfall { up-to £250k ESNEFT 100%; above ESNEFT 50%, WSFT 50% }"),
            .init("gain", block: .bands, example: "gain { above ESNEFT 50%, IESCCG 50% }"),
            .init("cap", .sequence([.name(.partner), .value(.money)]), .perKey, example: "cap ESNEFT £600k"),
        ])
        add(.bands, "a band block", [
            .init("up-to", .sequence([.value(.money), partnerPercent]), .many, uniqueListEntries: true, example: "up-to £250k ESNEFT 100%"),
            .init("above", partnerPercent, .many, uniqueListEntries: true, example: "above ESNEFT 25%, IESCCG 25%, WSFT 50%"),
        ])
        add(.scenario, "a scenario", [
            .init("delivery", .sequence([.optional(.name(.scheme)), .value(.percent)]), .perKey, example: "delivery PIP-05 50%"),
            .init("outturn", .sequence([.name(.scheme), .literal(.financialYear), dimension, .value(.money)]), .perKey,
                  example: "outturn PIP-06 FY22/23 cash-releasing £300k"),
        ])
        return all
    }()

    /// Every keyword the language knows (declarations, attributes, keyword values, joining words).
    public static var allKeywords: Set<String> {
        valueKeywords.union(schemas.values.flatMap { $0.attributes.map(\.keyword) })
    }

    /// The words that stand as values or join arguments (`delivery`, `amber`, `by`), as opposed
    /// to the attribute keywords that start a line. Editor grammars colour the two apart.
    public static var valueKeywords: Set<String> {
        var words: Set<String> = []
        func collect(_ pattern: ArgumentPattern) {
            switch pattern {
            case .keyword(_, let values): words.formUnion(values)
            case .word(let w): words.insert(w)
            case .sequence(let parts): parts.forEach(collect)
            case .optional(let p), .list(let p): collect(p)
            case .value, .literal, .name, .months, .equals: break
            }
        }
        for schema in schemas.values {
            schema.attributes.forEach { collect($0.arguments) }
            if let keyed = schema.keyedLine { collect(keyed.key); collect(keyed.value) }
        }
        return words
    }
}
