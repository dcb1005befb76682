import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// Compact entry (`actual M1..M7 cash-releasing £96450, £101200, …`): a month or month range
/// takes one value per month and means exactly the single-month lines it stands for.
extension ModelBuilder {
    /// One month of a line and the value written for it. `ref` is where that month's diagnostics
    /// point: the line's header for a single month (as a one-month line always has), the value
    /// itself within a range.
    struct MonthValue {
        let month: Int
        let value: SyntaxNode
        let ref: SourceRef
        /// The month or range the value belongs to.
        let label: SyntaxNode
        var isInRange: Bool { label.literalToken != nil }
    }

    /// The months of `line` paired with their values, in order; nil when a month or range has too
    /// few or too many values (E413) or a range is malformed (E414, from the lexer).
    mutating func monthValues(_ line: StatementMatch) -> [MonthValue]? {
        var result: [MonthValue] = []
        var fits = true
        var label: SyntaxNode?
        var months: [Int] = []
        var values: [SyntaxNode] = []
        func close(_ builder: inout ModelBuilder) {
            // A malformed range is reported already (E414): no count to check against.
            guard let label, Self.months(label) != nil else { return }
            if values.count != months.count {
                builder.reportCount("\(label.compactText) takes \(months.count) value\(months.count == 1 ? "" : "s") (one per month)", at: label, months: months.count, values: values)
                fits = false
            }
            let single = label.literalToken == nil
            for (month, value) in zip(months, values) {
                result.append(MonthValue(month: month, value: value, ref: single ? SourceRef(header: line.statement) : SourceRef(value), label: label))
            }
        }
        for argument in line.arguments {
            switch argument.pattern {
            case .months:
                close(&self)
                label = argument.node
                values = []
                guard let named = Self.months(argument.node) else { fits = false; months = []; continue }
                months = Array(named)
            case .value:
                values.append(argument.node)
            default:
                break
            }
        }
        close(&self)
        return fits ? result : nil
    }

    /// The months a `.months` argument names: `M8` or `M8..M12`; nil for a malformed range.
    static func months(_ node: SyntaxNode) -> ClosedRange<Int>? {
        if let token = node.literalToken {
            guard token.kind == .monthRange, !token.isMalformed, let range = LiteralText.monthRange(token.text) else { return nil }
            return range.first...range.last
        }
        return node.simpleName.flatMap(LiteralText.monthOfYear).map { $0...$0 }
    }

    /// E413 at the first extra value, or at the month or range when values are missing.
    mutating func reportCount(_ takes: String, at label: SyntaxNode, months: Int, values: [SyntaxNode]) {
        if values.count > months {
            let extra = values.count - months
            report(.E413, values[months], "\(takes) but has \(values.count): \(extra) extra",
                   help: "remove the extra value\(extra == 1 ? "" : "s"), or widen the range to the months they are for")
        } else {
            let missing = months - values.count
            report(.E413, label, "\(takes) but has \(values.count): \(missing) missing",
                   help: "give one value per month, in month order, or shorten the range")
        }
    }
}

extension ModelBuilder {
    /// `share evenly`: each partner (the lead among them) exactly 1/n, so thirds stay thirds
    /// until they are shown (`Shown.partition`).
    static func evenShare(_ partners: [String]) -> [String: Exact] {
        let distinct = Set(partners)
        guard !distinct.isEmpty else { return [:] }
        let part = Exact(reduced: 1, BigInt(distinct.count))
        return Dictionary(uniqueKeysWithValues: distinct.map { ($0, part) })
    }
}
