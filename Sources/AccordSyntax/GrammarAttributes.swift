/// Each block kind's attributes as a type: one case per line of the grammar table, in its order.
/// The table (Grammar.swift) gives each case its schema through a `switch` with no `default`, and
/// the model reads lines the same way, so an attribute added here does not compile until the
/// grammar says how it is written and the model says what it means (ARCHITECTURE.md).
public protocol BlockAttribute: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {
    static var block: BlockKind { get }
}

extension Grammar {
    /// Every attribute type, for the tests that hold the table and the types in step.
    public static let attributeTypes: [any BlockAttribute.Type] = [
        FileAttribute.self, PlanAttribute.self, PartnerAttribute.self, PersonAttribute.self, SchemeAttribute.self,
        SavingsAttribute.self, MilestoneAttribute.self, MetricAttribute.self, RiskShareAttribute.self,
        BandAttribute.self, ScenarioAttribute.self, RulesAttribute.self, RiskAttribute.self,
    ]
}

public enum FileAttribute: String, BlockAttribute {
    public static let block = BlockKind.file
    case include, plan, partner, person, area, envelope, `let`, scheme, riskShare = "risk-share", scenario, risk
}

public enum PlanAttribute: String, BlockAttribute {
    public static let block = BlockKind.plan
    case years, asOf = "as-of", approved, confidenceWeights = "confidence-weights", requireMetrics = "require-metrics", rules
}

public enum PartnerAttribute: String, BlockAttribute {
    public static let block = BlockKind.partner
    case type, controlTotal = "control-total"
}

public enum PersonAttribute: String, BlockAttribute {
    public static let block = BlockKind.person
    case partner, role, capacity
}

public enum SchemeAttribute: String, BlockAttribute {
    public static let block = BlockKind.scheme
    case area, level, status, lead, partners, sro, manager, clinicalLead = "clinical-lead", financeLead = "finance-lead"
    case approved, confidence, recurrent, qia, savings, share, milestone, metric, `let`, update, risk
}

public enum SavingsAttribute: String, BlockAttribute {
    public static let block = BlockKind.savings
    case cashReleasing = "cash-releasing", productivity, costGrowthAvoided = "cost-growth-avoided", phasing, actual, forecast, cost
}

public enum MilestoneAttribute: String, BlockAttribute {
    public static let block = BlockKind.milestone
    case due, critical, owner, done, after, forecast
}

public enum MetricAttribute: String, BlockAttribute {
    public static let block = BlockKind.metric
    case kind, unit, better, baseline, change, target, trajectory, actual, owner
}

public enum RiskShareAttribute: String, BlockAttribute {
    public static let block = BlockKind.riskShare
    case schemes, measure, years, shortfall, gain, cap
}

public enum BandAttribute: String, BlockAttribute {
    public static let block = BlockKind.bands
    case upTo = "up-to", above
}

public enum ScenarioAttribute: String, BlockAttribute {
    public static let block = BlockKind.scenario
    case delivery, outturn
}

/// The settings a `rules` block takes beside its `CODE severity` lines.
public enum RulesAttribute: String, BlockAttribute {
    public static let block = BlockKind.rules
    case updateWithin = "update-within"
}

public enum RiskAttribute: String, BlockAttribute {
    public static let block = BlockKind.risk
    case likelihood, impact, owner, mitigation, status, review
}
