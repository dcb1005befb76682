/// Every diagnostic code Accord reports. The codes are the contract of the language brief (§4):
/// add new ones, never renumber. `check`, `explain`, SARIF rules and the docs all read this table.
public enum DiagnosticCode: String, Sendable, CaseIterable, Comparable {
    case E101, E102, E103, E104, E105, E106, E107, E108, E109
    case E201, E202, E203, E204
    case E301, E302, E303, E304
    case E401, E402, E403, E404, E405, E406, E407, E408, E409
    case E411, E412, E413, E414, E415, E416
    case W401, W402, W403, W404, W405, W406, W407, W408, W409, W410, W411, W412, W413, W414, W415, W416, W417, W418, W419, W420

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    public var defaultSeverity: Severity { rawValue.hasPrefix("W") ? .warning : .error }

    /// A short, stable name for the check (SARIF `rules[].name`, headings in `explain`).
    public var title: String {
        switch self {
        case .E101: "invalid character or token"
        case .E102: "unterminated string or block"
        case .E103: "malformed literal"
        case .E104: "unexpected token"
        case .E105: "unknown attribute or keyword"
        case .E106: "attribute given twice"
        case .E107: "required attribute missing"
        case .E108: "include problem"
        case .E109: "file is not valid UTF-8 or too large"
        case .E201: "duplicate name"
        case .E202: "unknown name"
        case .E203: "name of the wrong kind"
        case .E204: "cycle"
        case .E301: "kind or unit mismatch"
        case .E302: "division by zero"
        case .E303: "value out of range"
        case .E304: "year outside the plan's years"
        case .E401: "percents do not sum to 100%"
        case .E402: "partner not among the scheme's partners"
        case .E403: "scheme level does not match its partners"
        case .E404: "closing scheme with an open critical milestone"
        case .E405: "multi-partner scheme without a share"
        case .E406: "risk-share bands out of order"
        case .E407: "lead is not among the partners"
        case .E408: "done or update date after the as-of date"
        case .E409: "actual for a month not begun, or given twice"
        case .E415: "extreme risk without mitigation or owner"
        case .E416: "risk likelihood or impact outside 1 to 5"
        case .E411: "monthly forecast for a month begun, or given twice"
        case .E412: "year-end and monthly forecasts on one line"
        case .E413: "month range with too few or too many values"
        case .E414: "month range that does not run forwards"
        case .W401: "envelope gap"
        case .W402: "milestone overdue"
        case .W403: "required metric kind missing"
        case .W404: "person over capacity"
        case .W405: "milestone due before its prerequisite"
        case .W406: "metric target moves against `better`"
        case .W407: "unused declaration"
        case .W408: "delivering scheme without approval or signed-off QIA"
        case .W409: "refresh scheme with no critical milestone to do"
        case .W410: "metric off trajectory"
        case .W411: "risk share leaves an amount unallocated"
        case .W412: "milestone slipping"
        case .W413: "optimistic confidence"
        case .W414: "behind plan"
        case .W415: "file included by no plan"
        case .W416: "milestone done before its prerequisite"
        case .W417: "bidirectional control character"
        case .W418: "costs exceed cash-releasing savings"
        case .W419: "scheme update missing or stale"
        case .W420: "risk review overdue"
        }
    }
}
