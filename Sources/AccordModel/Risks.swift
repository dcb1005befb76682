import AccordSyntax

/// `update DATE "text"` in a scheme: dated commentary for the board.
public struct SchemeUpdate: Sendable {
    public var date: Date
    public var text: String
    public var ref: SourceRef
}

public enum RiskStatus: String, Sendable, CaseIterable { case open, closed }

/// The NHS 5×5 risk matrix's bands of likelihood × impact: 1–3 low, 4–6 moderate, 8–12 high,
/// 15–25 extreme (no product of two whole numbers from 1 to 5 falls between the bands).
public enum RiskBand: String, Sendable, CaseIterable {
    case low, moderate, high, extreme

    public init(score: Int) {
        switch score {
        case ..<4: self = .low
        case ..<8: self = .moderate
        case ..<15: self = .high
        default: self = .extreme
        }
    }
}

/// `risk ID "title" { … }`, in a scheme or at the top level (`scheme` nil: a programme risk).
public struct Risk: Sendable {
    public var scheme: String?
    public var name: String
    public var title: String
    /// Whole numbers 1 to 5; nil when missing or out of range (reported).
    public var likelihood: Int?
    public var impact: Int?
    public var owner: String?
    /// An `owner` line is there, even if its name did not resolve (E202 already): not also E415.
    public var hasOwnerLine = false
    public var mitigation: String?
    public var status: RiskStatus = .open
    public var review: Date?
    public var reviewRef: SourceRef?
    public var ref: SourceRef

    public var score: Int? {
        guard let likelihood, let impact else { return nil }
        return likelihood * impact
    }
    public var band: RiskBand? { score.map(RiskBand.init(score:)) }
    /// "PIP-05.R1", or "R1" for a programme risk.
    public var qualifiedName: String { scheme.map { "\($0).\(name)" } ?? name }
}

extension PlanModel {
    /// Every risk, programme and scheme alike (not a withdrawn scheme's), as a register lists
    /// them: highest score first, then id, then scheme (programme risks first). A risk without a
    /// score (its likelihood or impact reported already) goes last.
    public var riskRegister: [Risk] {
        (risks + schemes.filter(\.counts).flatMap(\.risks)).sorted(by: Risk.registerOrder)
    }
}

extension Risk {
    static func registerOrder(_ a: Risk, _ b: Risk) -> Bool {
        let sa = a.score ?? 0, sb = b.score ?? 0
        if sa != sb { return sa > sb }
        if a.name != b.name { return a.name < b.name }
        return (a.scheme ?? "") < (b.scheme ?? "")
    }
}

extension Scheme {
    /// The latest update dated on or before `asOf` (a later one is E408, and not counted); the
    /// latest of all when there is no as-of date (a plan compared without one). Of two on
    /// the same day, the one written later.
    public func latestUpdate(asOf: Date?) -> SchemeUpdate? {
        updates.reduce(nil) { latest, update in
            guard asOf.map({ update.date <= $0 }) ?? true else { return latest }
            return latest.map { update.date >= $0.date } ?? true ? update : latest
        }
    }
}
