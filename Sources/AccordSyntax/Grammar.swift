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

    init(_ attribute: some BlockAttribute, _ arguments: ArgumentPattern = .sequence([]), block: BlockKind? = nil, blockRequired: Bool = true,
         blockOrArguments: Bool = false, _ repetition: Repetition = .once, required: Bool = false, uniqueListEntries: Bool = false, example: String) {
        self.keyword = attribute.rawValue
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
    case riskShare = "risk-share", bands, scenario, risk
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
    private static let riskHeader = ArgumentPattern.sequence([.name(.declaration), .value(.string)])
    private static let role = ArgumentPattern.sequence([.name(.person), .optional(.value(.number))])

    public static func schema(_ kind: BlockKind) -> BlockSchema { schemasInOrder[BlockKind.allCases.firstIndex(of: kind)!] }

    /// `schemas` in the order of `BlockKind.allCases`: asked for every block, an array index is
    /// cheaper than hashing the kind's name.
    private static let schemasInOrder = BlockKind.allCases.map { schemas[$0]! }

    /// Declarations that only stand at the top of a file, for recovering from a missing `}`.
    static let topLevelKeywords: Set<String> = Set(schema(.file).attributes.map(\.keyword)).subtracting(["let"])

    public static let schemas: [BlockKind: BlockSchema] = {
        var all: [BlockKind: BlockSchema] = [:]
        // A block's lines come from its attribute enum, one case each in the enum's order, through
        // a `switch` with no `default`: a case added to the enum is a line to write here.
        func add<A: BlockAttribute>(_: A.Type, _ noun: String, keyed: KeyedLineSchema? = nil, _ line: (A) -> AttributeSchema) {
            all[A.block] = BlockSchema(kind: A.block, noun: noun, attributes: A.allCases.map(line), keyedLine: keyed)
        }
        func add(_ kind: BlockKind, _ noun: String, keyed: KeyedLineSchema) {
            all[kind] = BlockSchema(kind: kind, noun: noun, attributes: [], keyedLine: keyed)
        }
        let declaration = ArgumentPattern.sequence([.name(.declaration), title])
        let letLine = ArgumentPattern.sequence([.name(.declaration), .equals, .value(.any)])
        add(FileAttribute.self, "the top level of a plan file") { a in
            switch a {
            case .include: .init(a, .literal(.string), .many, example: "include \"schemes/*.accord\"")
            case .plan: .init(a, title, block: .plan, .many, example: "plan \"SNEE system efficiency programme\" { … }")
            case .partner: .init(a, declaration, block: .partner, blockRequired: false, .many,
                                 example: "partner ESNEFT \"East Suffolk and North Essex NHS FT\" { … }")
            case .person: .init(a, declaration, block: .person, blockRequired: false, .many, example: "person asmith \"A. Smith\" { … }")
            case .area: .init(a, declaration, .many, example: "area planned \"Planned care\"")
            case .envelope: .init(a, .name(.partner), block: .envelope, .many, example: "envelope ESNEFT { … }")
            case .let: .init(a, letLine, .many, example: "let fu-cost = £120")
            case .scheme: .init(a, declaration, block: .scheme, .many, example: "scheme PIP-05 \"A new model for outpatient care\" { … }")
            case .riskShare: .init(a, declaration, block: .riskShare, .many,
                                   example: "risk-share aic-op \"Outpatient aligned incentive contract\" { … }")
            case .scenario: .init(a, declaration, block: .scenario, .many, example: "scenario downside \"Half delivery on outpatients\" { … }")
            case .risk: .init(a, riskHeader, block: .risk, .many, example: "risk R1 \"Shared records not ready for go-live\" { … }")
            }
        }
        add(PlanAttribute.self, "a plan") { a in
            switch a {
            case .years: .init(a, .value(.years), required: true, example: "years FY22/23..FY24/25")
            case .asOf: .init(a, .value(.date), example: "as-of 2022-09-30")
            case .approved: .init(a, approval, example: "approved 2021-07-28 by \"System Finance and Performance Committee\"")
            case .confidenceWeights: .init(a, block: .confidenceWeights, example: "confidence-weights { green 100%; amber 50%; red 25% }")
            case .requireMetrics: .init(a, .list(.keyword(what: "a metric kind", metricKinds)), example: "require-metrics activity, productivity")
            case .rules: .init(a, block: .rules, example: "rules { W407 off; W401 error }")
            }
        }
        add(.confidenceWeights, "confidence weights",
            keyed: .init(key: .keyword(what: "a confidence rating", ragRatings), value: .value(.percent), example: "amber 50%"))
        // A keyed block may also take attributes: a line whose head is one is read as that attribute.
        add(RulesAttribute.self, "rules",
            keyed: .init(key: .name(.diagnosticCode), value: .keyword(what: "a severity", ["off", "warning", "error"]), example: "W407 off")) { a in
            switch a {
            case .updateWithin: .init(a, .sequence([.value(.number), .word("days")]), example: "update-within 45 days")
            }
        }
        add(PartnerAttribute.self, "a partner") { a in
            switch a {
            case .type: .init(a, .keyword(what: "a partner type", ["provider", "commissioner", "local-authority", "ambulance", "other"]),
                              example: "type provider")
            case .controlTotal: .init(a, .value(.percent), example: "control-total 100%")
            }
        }
        add(PersonAttribute.self, "a person") { a in
            switch a {
            case .partner: .init(a, .name(.partner), required: true, example: "partner ESNEFT")
            case .role: .init(a, .value(.string), example: "role \"Director of Transformation\"")
            case .capacity: .init(a, .value(.number), example: "capacity 0.4")
            }
        }
        add(.envelope, "an envelope", keyed: .init(key: .literal(.financialYear), value: .value(.money), example: "FY22/23 £9.0m"))
        add(SchemeAttribute.self, "a scheme") { a in
            switch a {
            case .area: .init(a, .name(.area), required: true, example: "area planned")
            case .level: .init(a, .keyword(what: "a level", ["system", "place", "organisation"]), example: "level system")
            case .status: .init(a, .keyword(what: "a status", statuses), required: true, example: "status delivery")
            case .lead: .init(a, .name(.partner), required: true, example: "lead ESNEFT")
            case .partners: .init(a, .list(.name(.partner)), uniqueListEntries: true, example: "partners ESNEFT, WSFT, IESCCG")
            case .sro: .init(a, .name(.person), example: "sro asmith")
            case .manager: .init(a, role, .perKey, example: "manager bjones 0.5")
            case .clinicalLead: .init(a, role, .perKey, example: "clinical-lead drlee 0.1")
            case .financeLead: .init(a, role, .perKey, example: "finance-lead cwu 0.1")
            case .approved: .init(a, approval, example: "approved 2022-04-12 by \"SFPC\"")
            case .confidence: .init(a, .keyword(what: "a confidence rating", ragRatings), example: "confidence amber")
            case .recurrent: .init(a, .keyword(what: "yes or no", ["yes", "no"]), example: "recurrent yes")
            case .qia: .init(a, .sequence([.keyword(what: "a QIA state", ["not-started", "in-progress", "signed-off"]), .optional(.value(.date))]),
                             example: "qia signed-off 2022-03-30")
            case .savings: .init(a, .literal(.financialYear), block: .savings, .perKey, example: "savings FY22/23 { … }")
            // `share evenly` or a `share { … }` block, never both (E104).
            case .share: .init(a, .optional(.keyword(what: "an even split", ["evenly"])), block: .share, blockOrArguments: true,
                                example: "share { ESNEFT 50%; WSFT 50% }")
            case .milestone: .init(a, declaration, block: .milestone, .many, example: "milestone M1 \"Virtual clinic platform live\" { … }")
            case .metric: .init(a, declaration, block: .metric, .many, example: "metric fu-f2f \"Face-to-face follow-up appointments\" { … }")
            case .let: .init(a, letLine, .many, example: "let fu-cost = £120")
            case .update: .init(a, .sequence([.value(.date), .value(.string)]), .many,
                                example: "update 2022-09-14 \"Clinic space agreed; recruitment under way\"")
            case .risk: .init(a, riskHeader, block: .risk, .many, example: "risk R1 \"Consultant job plans not agreed\" { … }")
            }
        }
        add(SavingsAttribute.self, "a savings block") { a in
            switch a {
            case .cashReleasing: .init(a, .value(.money), example: "cash-releasing £1.2m")
            case .productivity: .init(a, .value(.money), example: "productivity 12 * 4_000 * fu-cost")
            case .costGrowthAvoided: .init(a, .value(.money), example: "cost-growth-avoided £0.3m")
            // Each month or range takes as many values as it has months (E413, from the model).
            case .phasing: .init(a, .sequence([.months, .list(.sequence([.optional(.months), .value(.percent)]))]),
                                 example: "phasing M1 0%, M2 0%, M3 5%, …, M12 15%")
            // Repeats are E409 (a month reported twice), found by the model with the as-of date.
            case .actual: .init(a, .sequence([.months, dimension, .list(.value(.money))]), .many, example: "actual M2 cash-releasing £12k")
            // Year-end (`forecast cash-releasing £1.1m`) or monthly (`forecast M8 …`, E411/E412 from the model).
            case .forecast: .init(a, .sequence([.optional(.months), dimension, .list(.value(.money))]), .perKey,
                                  example: "forecast cash-releasing £1.1m")
            case .cost: .init(a, .value(.money), example: "cost £150k")
            }
        }
        add(.share, "a share block", keyed: .init(key: .name(.partner), value: .value(.percent), example: "ESNEFT 50%"))
        add(MilestoneAttribute.self, "a milestone") { a in
            switch a {
            case .due: .init(a, .value(.date), required: true, example: "due 2022-09-30")
            case .critical: .init(a, example: "critical")
            case .owner: .init(a, .name(.person), example: "owner bjones")
            case .done: .init(a, .value(.date), example: "done 2022-09-15")
            case .after: .init(a, .list(.name(.milestone)), uniqueListEntries: true, example: "after M1, PIP-02.M3")
            case .forecast: .init(a, .value(.date), example: "forecast 2023-06-30")
            }
        }
        add(MetricAttribute.self, "a metric") { a in
            switch a {
            case .kind: .init(a, .keyword(what: "a metric kind", metricKinds), example: "kind activity")
            case .unit: .init(a, .value(.string), example: "unit \"appointments per month\"")
            case .better: .init(a, .keyword(what: "lower or higher", ["lower", "higher"]), example: "better lower")
            case .baseline: .init(a, .sequence([.value(.any), .word("at"), .literal(.month)]), required: true, example: "baseline 12000 at 2022-03")
            case .change: .init(a, .sequence([.value(.percent), .optional(.sequence([.word("by"), .literal(.month)]))]), example: "change -33% by 2024-03")
            case .target: .init(a, .sequence([.value(.any), .optional(.sequence([.word("by"), .literal(.month)]))]), example: "target 8040 by 2024-03")
            case .trajectory: .init(a, block: .trajectory, example: "trajectory { 2022-12 11000; 2023-06 9500 }")
            case .actual: .init(a, .sequence([.value(.any), .word("at"), .literal(.month)]), .perKey, example: "actual 11200 at 2022-09")
            case .owner: .init(a, .name(.person), example: "owner bjones")
            }
        }
        add(.trajectory, "a trajectory", keyed: .init(key: .literal(.month), value: .value(.any), example: "2022-12 11000"))
        add(RiskShareAttribute.self, "a risk-share term") { a in
            switch a {
            case .schemes: .init(a, .list(.name(.scheme)), required: true, uniqueListEntries: true, example: "schemes PIP-05, PIP-06")
            case .measure: .init(a, .keyword(what: "a measure", dimensions + ["total"]), example: "measure cash-releasing")
            case .years: .init(a, .value(.years), example: "years FY22/23")
            case .shortfall: .init(a, block: .bands, example: "shortfall { up-to £250k ESNEFT 100%; above ESNEFT 50%, WSFT 50% }")
            case .gain: .init(a, block: .bands, example: "gain { above ESNEFT 50%, IESCCG 50% }")
            case .cap: .init(a, .sequence([.name(.partner), .value(.money)]), .perKey, example: "cap ESNEFT £600k")
            }
        }
        add(BandAttribute.self, "a band block") { a in
            switch a {
            case .upTo: .init(a, .sequence([.value(.money), partnerPercent]), .many, uniqueListEntries: true, example: "up-to £250k ESNEFT 100%")
            case .above: .init(a, partnerPercent, .many, uniqueListEntries: true, example: "above ESNEFT 25%, IESCCG 25%, WSFT 50%")
            }
        }
        add(ScenarioAttribute.self, "a scenario") { a in
            switch a {
            case .delivery: .init(a, .sequence([.optional(.name(.scheme)), .value(.percent)]), .perKey, example: "delivery PIP-05 50%")
            case .outturn: .init(a, .sequence([.name(.scheme), .literal(.financialYear), dimension, .value(.money)]), .perKey,
                                 example: "outturn PIP-06 FY22/23 cash-releasing £300k")
            }
        }
        add(RiskAttribute.self, "a risk") { a in
            switch a {
            case .likelihood: .init(a, .value(.number), required: true, example: "likelihood 4")
            case .impact: .init(a, .value(.number), required: true, example: "impact 3")
            case .owner: .init(a, .name(.person), example: "owner asmith")
            case .mitigation: .init(a, .value(.string), example: "mitigation \"Weekly job-planning clinics with the clinical directors\"")
            case .status: .init(a, .keyword(what: "open or closed", ["open", "closed"]), example: "status open")
            case .review: .init(a, .value(.date), example: "review 2022-10-31")
            }
        }
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
