import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// Where something was written, for diagnostics and editors: a file and a byte range, in 16 bytes.
///
/// The file is named by its identity, not held: every line of the model carries a reference, and
/// holding the file would make each copy of a record a reference count update. The plan's own
/// files, which the model keeps alive, turn it back into a file (`PlanModel.file(of:)`).
public struct SourceRef: Sendable, Hashable {
    public let fileID: ObjectIdentifier
    private let start: UInt32
    private let end: UInt32

    public var range: Range<Int> { Int(start)..<Int(end) }

    /// Plan files are at most 64 MiB (docs/limits.md), so offsets fit in 32 bits.
    init(file: SourceFile, range: Range<Int>) {
        fileID = ObjectIdentifier(file)
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
    }
    init(_ node: SyntaxNode) { self.init(file: node.tree.file, range: node.trimmedRange) }
    init(header statement: StatementSyntax) { self.init(file: statement.node.tree.file, range: statement.headerRange) }

    public func isIn(_ file: SourceFile) -> Bool { fileID == ObjectIdentifier(file) }
}

public typealias Date = LiteralText.Date
public typealias Month = LiteralText.Month

public enum Status: String, Sendable, CaseIterable, Comparable {
    case idea, scoping, approved, delivery, refresh, closure, closed, withdrawn

    /// idea < scoping < approved < delivery < refresh < closure < closed; `withdrawn` stands outside.
    public var order: Int? { self == .withdrawn ? nil : Status.allCases.firstIndex(of: self) }

    /// "from approved on", "delivery or later": never true for `withdrawn`.
    public func isAtLeast(_ other: Status) -> Bool {
        guard let a = order, let b = other.order else { return false }
        return a >= b
    }

    public static func < (a: Status, b: Status) -> Bool {
        (a.order ?? Int.max) < (b.order ?? Int.max)
    }
}

public enum Confidence: String, Sendable, CaseIterable { case green, amber, red }
public enum Level: String, Sendable, CaseIterable { case system, place, organisation }
public enum Dimension: String, Sendable, CaseIterable, Comparable {
    case cashReleasing = "cash-releasing", productivity, costGrowthAvoided = "cost-growth-avoided"

    public static func < (a: Dimension, b: Dimension) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Cash-releasing and productivity savings are attributed to partners; cost growth avoided
    /// is assessed at system level only.
    public var isAttributed: Bool { self != .costGrowthAvoided }
}
public enum MetricKind: String, Sendable, CaseIterable { case activity, productivity, quality, outcome }
public enum Better: String, Sendable { case lower, higher }

public struct Plan: Sendable {
    public var title: String = ""
    /// First and last financial year (by starting calendar year).
    public var years: ClosedRange<Int>?
    public var asOf: Date?
    /// An `as-of` line is there but its date could not be read (already reported).
    public var asOfUnreadable = false
    public var approvedOn: Date?
    public var approvedBy: String?
    public var confidenceWeights: [Confidence: Exact] = [.green: .one, .amber: Exact.half, .red: Exact.quarter]
    public var requiredMetricKinds: [MetricKind] = [.activity, .productivity]
    /// Severity overrides: nil means `off`.
    public var rules: [DiagnosticCode: Severity?] = [:]
    /// W419: a scheme in delivery or refresh needs an update at most this many days old.
    public var updateWithinDays = 45
    /// Some scheme has an `update`, or `rules` sets `update-within`: only then is W419 checked.
    public var judgesUpdates = false
    public var ref: SourceRef?
}

public struct Partner: Sendable {
    public var name: String
    public var title: String?
    public var type: String?
    /// Inclusion in the system control total, as a fraction (default 1).
    public var controlTotal: Exact = .one
    public var ref: SourceRef
}

public struct Person: Sendable {
    public var name: String
    public var title: String?
    public var partner: String?
    public var role: String?
    public var capacity: Exact = .one
    public var ref: SourceRef
}

public struct Area: Sendable {
    public var name: String
    public var title: String?
    public var ref: SourceRef
}

public struct EnvelopeLine: Sendable {
    public var year: Int
    public var amount: Exact
    public var ref: SourceRef
}

public struct Envelope: Sendable {
    public var partner: String
    /// Nil only while the model is being read.
    public package(set) var partnerID: PartnerID?
    public var lines: [EnvelopeLine] = []
    public var ref: SourceRef
}

public struct Role: Sendable {
    /// `sro`, `manager`, `clinical-lead`, `finance-lead`.
    public var role: String
    public var person: String
    /// FTE given to the scheme, if stated.
    public var fte: Exact?
    public var ref: SourceRef
}

public struct SavingsActual: Sendable {
    /// M1 (April) … M12 (March).
    public var month: Int
    public var dimension: Dimension
    public var amount: Exact
    public var ref: SourceRef
}

/// An amount for each dimension given: a savings year has at most three, so three fields rather
/// than a hash table per year.
public struct DimensionAmounts: Sendable {
    private var cashReleasing: Exact?
    private var productivity: Exact?
    private var costGrowthAvoided: Exact?

    public init() {}

    public subscript(dimension: Dimension) -> Exact? {
        get {
            switch dimension {
            case .cashReleasing: cashReleasing
            case .productivity: productivity
            case .costGrowthAvoided: costGrowthAvoided
            }
        }
        set {
            switch dimension {
            case .cashReleasing: cashReleasing = newValue
            case .productivity: productivity = newValue
            case .costGrowthAvoided: costGrowthAvoided = newValue
            }
        }
    }

    /// The dimensions given, in the brief's order.
    public var keys: [Dimension] { Dimension.allCases.filter { self[$0] != nil } }
}

public struct YearSavings: Sendable {
    public var year: Int
    public var amounts = DimensionAmounts()
    /// Twelve fractions summing to 1, M1 first; nil means even phasing.
    public var phasing: [Exact]?
    public var phasingRef: SourceRef?
    public var actuals: [SavingsActual] = []
    public var forecasts = DimensionAmounts()
    /// The year's cost to deliver (`cost`); nil without a `cost` line (Costs.swift).
    public var cost: Exact?
    /// Monthly forecasts (`forecast M8 cash-releasing £110k`), for months not begun (E411).
    public var monthlyForecasts: [SavingsActual] = []
    public var ref: SourceRef

    public func amount(_ dimension: Dimension) -> Exact { amounts[dimension] ?? .zero }
}

public struct Milestone: Sendable {
    public var scheme: String
    public var name: String
    public var title: String?
    public var due: Date?
    public var dueRef: SourceRef?
    public var critical = false
    public var owner: String?
    public var done: Date?
    public var doneRef: SourceRef?
    /// Prerequisites, as written and resolved.
    public var after: [MilestoneLink] = []
    public var forecast: Date?
    public var ref: SourceRef
    public package(set) var id = MilestoneID(scheme: SchemeID(index: -1), index: -1)

    public var qualifiedName: String { "\(scheme).\(name)" }
}

/// `after PIP-02.M3`: the prerequisite's scheme and name, and its id once names are resolved
/// (nil for a milestone the model does not hold).
public struct MilestoneLink: Sendable {
    public var scheme: String
    public var milestone: String
    public var ref: SourceRef
    public package(set) var target: MilestoneID?

    init(scheme: String, milestone: String, ref: SourceRef) {
        self.scheme = scheme
        self.milestone = milestone
        self.ref = ref
    }
}

public struct MetricPoint: Sendable {
    public var month: Month
    public var value: Exact
    public var ref: SourceRef
}

public struct Metric: Sendable {
    public var scheme: String
    public var name: String
    public var title: String?
    public var kind: MetricKind?
    public var unit: String?
    public var better: Better?
    /// Number, percent or money: every value of the metric shares it.
    public var valueKind: ValueKind?
    public var baseline: MetricPoint?
    public var target: Exact?
    public var targetMonth: Month?
    /// The relative change, when the target was given as `change`.
    public var change: Exact?
    public var targetRef: SourceRef?
    public var trajectory: [MetricPoint] = []
    public var actuals: [MetricPoint] = []
    public var owner: String?
    public var ref: SourceRef

    public var qualifiedName: String { "\(scheme).\(name)" }
}

public struct Scheme: Sendable {
    public var name: String
    /// Its position in `PlanModel.schemes`, given once the model is read.
    public package(set) var id = SchemeID(index: -1)
    public var title: String?
    public var area: String?
    public var level: Level = .system
    public var status: Status?
    public var lead: String?
    public var partners: [String] = []
    public var partnersRef: SourceRef?
    public var roles: [Role] = []
    public var approvedOn: Date?
    public var approvedBy: String?
    public var confidence: Confidence = .amber
    public var recurrent = true
    public var qia: String?
    public var qiaDate: Date?
    public var savings: [YearSavings] = []
    /// Fractions by partner; nil when no `share` block was given.
    public var share: [String: Exact]?
    public var shareRef: SourceRef?
    public var shareLines: [(partner: String, ref: SourceRef)] = []
    /// The share (or the one partner) resolved to partner ids, in partner order: what attribution splits by.
    public package(set) var shareParts: [SharePart] = []
    public var milestones: [Milestone] = []
    public var metrics: [Metric] = []
    /// `update DATE "text"` lines, as written.
    public var updates: [SchemeUpdate] = []
    public var risks: [Risk] = []
    public var ref: SourceRef
    /// Where each attribute read once (`level`, `confidence`, `qia`, …) was given, so a check
    /// about it points at its line rather than the scheme's header.
    public var attributeRefs: [SchemeAttribute: SourceRef] = [:]

    public var sro: String? { roles.first { $0.role == "sro" }?.person }
    public func savings(in year: Int) -> YearSavings? { savings.first { $0.year == year } }
    /// Withdrawn schemes count in no total; every other status counts.
    public var counts: Bool { status != .withdrawn }
}

public struct Band: Sendable {
    /// nil for `above`.
    public var upTo: Exact?
    public var splits: [(partner: String, share: Exact, ref: SourceRef)]
    public var ref: SourceRef
}

public enum Measure: String, Sendable {
    case cashReleasing = "cash-releasing", productivity, costGrowthAvoided = "cost-growth-avoided", total

    public var dimensions: [Dimension] {
        switch self {
        case .cashReleasing: [.cashReleasing]
        case .productivity: [.productivity]
        case .costGrowthAvoided: [.costGrowthAvoided]
        case .total: Dimension.allCases
        }
    }
}

public struct RiskShareTerm: Sendable {
    public var name: String
    public var title: String?
    public var schemes: [String] = []
    public var measure: Measure = .cashReleasing
    /// nil means every plan year.
    public var years: ClosedRange<Int>?
    public var shortfall: [Band] = []
    public var shortfallRef: SourceRef?
    public var gain: [Band] = []
    public var gainRef: SourceRef?
    public var caps: [(partner: String, amount: Exact, ref: SourceRef)] = []
    public var ref: SourceRef
}

public struct Outturn: Sendable {
    public var scheme: String
    public var year: Int
    public var dimension: Dimension
    public var amount: Exact
    public var ref: SourceRef
}

public struct Scenario: Sendable {
    public var name: String
    public var title: String?
    /// The default share of plan every scheme delivers (nil: 100%).
    public var defaultDelivery: Exact?
    public var delivery: [String: Exact] = [:]
    public var outturns: [Outturn] = []
    public var ref: SourceRef
}

/// The checked model of one plan: every declaration of the root file and the files it includes,
/// with every value evaluated. Values that could not be evaluated are absent (a diagnostic says why).
public struct PlanModel: Sendable {
    public var plan = Plan()
    public var partners: [Partner] = []
    public var people: [Person] = []
    public var areas: [Area] = []
    public var envelopes: [Envelope] = []
    public var schemes: [Scheme] = []
    public var riskShares: [RiskShareTerm] = []
    public var scenarios: [Scenario] = []
    /// Top-level (programme) risks; a scheme's own are in the scheme.
    public var risks: [Risk] = []
    /// Evaluated `let`s, top-level ones by name and scheme ones as `SCHEME.name`.
    public var lets: [String: Value] = [:]
    /// Every declared name to its id (Identifiers.swift).
    public package(set) var names = NameTable()
    /// The plan's files, root first: what its `SourceRef`s point into.
    public package(set) var files: [SourceFile] = []

    public init() {}

    public func partner(_ name: String) -> Partner? { names.partner(name).map { self[$0] } }
    public func person(_ name: String) -> Person? { names.person(name).map { self[$0] } }
    public func scheme(_ name: String) -> Scheme? { names.scheme(name).map { self[$0] } }
    /// The file `ref` points into; nil for a reference from another plan.
    public func file(of ref: SourceRef) -> SourceFile? { files.file(of: ref) }

    public func weight(_ confidence: Confidence) -> Exact { plan.confidenceWeights[confidence] ?? .one }
}

extension LiteralText.Month {
    package var index: Int { year * 12 + month - 1 }
}

extension Status {
    /// "in delivery", "in closure", but "closed" and "withdrawn": for "scheme S1 is …".
    package var phrase: String { self == .closed || self == .withdrawn ? rawValue : "in \(rawValue)" }
}

extension [SourceFile] {
    /// The file `ref` points into, if it is one of these.
    package func file(of ref: SourceRef) -> SourceFile? { first { ref.isIn($0) } }
}
