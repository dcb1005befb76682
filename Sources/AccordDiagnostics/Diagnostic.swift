/// How much a diagnostic matters; plans may change it per code (`rules { W407 off }`).
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A secondary place that explains a diagnostic ("first declared here").
public struct DiagnosticNote: Sendable {
    public var message: String
    public var file: SourceFile?
    public var range: Range<Int>

    public init(_ message: String, file: SourceFile?, range: Range<Int>) {
        self.message = message
        self.file = file
        self.range = range
    }
}

/// One problem found in a plan: a value, collected in a list and rendered separately per format.
public struct Diagnostic: Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// nil only for problems that belong to no file (for example, no `plan` block anywhere).
    public var file: SourceFile?
    /// Byte offsets in `file`; may be empty (a point, such as end of file).
    public var range: Range<Int>
    public var message: String
    public var help: String?
    public var notes: [DiagnosticNote]
    /// The text that fixes the problem when it replaces `range` (the "did you mean" of E105,
    /// E202 and E203), for editors' quick fixes.
    public var replacement: String?

    public init(_ code: DiagnosticCode, file: SourceFile?, range: Range<Int>, message: String,
                help: String? = nil, notes: [DiagnosticNote] = [], replacement: String? = nil) {
        self.code = code
        self.severity = code.defaultSeverity
        self.file = file
        self.range = range
        self.message = message
        self.help = help
        self.notes = notes
        self.replacement = replacement
    }

    public var start: SourceLocation { file?.location(of: range.lowerBound) ?? SourceLocation(line: 1, column: 1) }
    public var end: SourceLocation { file?.location(of: range.upperBound) ?? SourceLocation(line: 1, column: 1) }
}

extension Array where Element == Diagnostic {
    /// Sorts by file (in the given order of files, unknown files last, by path), line, column, code.
    public mutating func sortForDisplay(fileOrder: [String] = []) {
        var rank: [String: Int] = [:]
        for (index, path) in fileOrder.enumerated() where rank[path] == nil { rank[path] = index }
        // Offsets order positions within a file exactly as line and column do, and are cheaper.
        self = enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            let pathA = a.file?.path ?? "", pathB = b.file?.path ?? ""
            if pathA != pathB {
                let rankA = rank[pathA] ?? Int.max, rankB = rank[pathB] ?? Int.max
                return rankA != rankB ? rankA < rankB : pathA < pathB
            }
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}

extension Array where Element == Diagnostic {
    /// At most `limit` diagnostics of one code on one line, in order; the last one kept says how
    /// many more there were ("and 19,990 more like this on this line"). One bad line can hold
    /// tens of thousands of the same mistake, and showing each would bury everything else.
    public func cappedPerLine(_ limit: Int = 10) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> LineKind? { d.file.map { LineKind(path: $0.path, line: $0.line(of: d.range.lowerBound), code: d.code) } }
        var totals: [LineKind: Int] = [:]
        for diagnostic in self { if let key = key(diagnostic) { totals[key, default: 0] += 1 } }
        guard totals.values.contains(where: { $0 > limit }) else { return self }
        var seen: [LineKind: Int] = [:]
        var kept: [Diagnostic] = []
        for var diagnostic in self {
            guard let key = key(diagnostic), let total = totals[key], total > limit else { kept.append(diagnostic); continue }
            seen[key, default: 0] += 1
            let count = seen[key]!
            if count > limit { continue }
            if count == limit {
                diagnostic.notes.append(DiagnosticNote("and \(Self.grouped(total - limit)) more like this on this line", file: nil, range: 0..<0))
            }
            kept.append(diagnostic)
        }
        return kept
    }

    /// `19990` as `19,990`.
    static func grouped(_ n: Int) -> String {
        let digits = [Character](String(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}

/// One kind of diagnostic on one line, for `cappedPerLine`.
private struct LineKind: Hashable {
    let path: String, line: Int, code: DiagnosticCode
}
