import AccordNumbers
import AccordSyntax

/// The value of an expression. Numbers, money and percents are exact; a percent is kept as a
/// fraction (50% is 1/2).
public enum Value: Sendable, Equatable {
    case number(Exact)
    case money(Exact)
    case percent(Exact)
    case date(LiteralText.Date)
    case month(LiteralText.Month)
    /// The calendar year the financial year starts in (FY22/23 is 2022).
    case financialYear(Int)
    case yearRange(Int, Int)
    case string(String)

    public var kind: ValueKind {
        switch self {
        case .number: .number
        case .money: .money
        case .percent: .percent
        case .date: .date
        case .month: .month
        case .financialYear: .financialYear
        case .yearRange: .years
        case .string: .string
        }
    }

    /// The exact quantity of a number, an amount of money or a percent.
    public var quantity: Exact? {
        switch self {
        case .number(let x), .money(let x), .percent(let x): x
        default: nil
        }
    }

    /// Whether a value of this kind may stand where `expected` is wanted.
    func fits(_ expected: ValueKind) -> Bool {
        switch (expected, self) {
        case (.any, _): true
        case (.years, .financialYear), (.years, .yearRange): true
        default: kind == expected
        }
    }
}

extension ValueKind {
    /// Used in messages such as "cannot add money and a number".
    var shortName: String {
        switch self {
        case .money: "money"
        case .number: "a number"
        case .percent: "a percent"
        case .date: "a date"
        case .month: "a month"
        case .financialYear: "a financial year"
        case .years: "a year range"
        case .string: "a string"
        case .any: "a value"
        }
    }
}

