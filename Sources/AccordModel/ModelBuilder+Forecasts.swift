import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// Monthly forecasts in a savings block (`forecast M8 cash-releasing £110k`, `forecast M8..M12 …`).
extension ModelBuilder {
    mutating func readMonthlyForecast(_ line: StatementMatch, _ dimension: Dimension, into savings: inout YearSavings, scheme: String) {
        guard let months = monthValues(line) else { return }
        for entry in months {
            guard let amount = quantity(entry.value, .money, for: "forecast", in: scheme) else { continue }
            // Overlapping ranges (the same line twice is E106 already).
            if let first = savings.monthlyForecasts.first(where: { $0.month == entry.month && $0.dimension == dimension }) {
                report(.E411, entry.ref, "the forecast for M\(entry.month) \(dimension.rawValue) of \(LiteralText.financialYear(savings.year)) is given twice",
                       help: "keep one forecast per month and dimension",
                       notes: [note("first given here", first.ref)])
                continue
            }
            savings.monthlyForecasts.append(SavingsActual(month: entry.month, dimension: dimension, amount: amount, ref: entry.ref))
        }
    }

    /// E412: a dimension forecast both for the year and by month.
    mutating func checkForecastForms(_ savings: YearSavings, yearEnd: [Dimension: SourceRef]) {
        for dimension in Dimension.allCases {
            guard let ref = yearEnd[dimension], let monthly = savings.monthlyForecasts.first(where: { $0.dimension == dimension }) else { continue }
            report(.E412, ref, "\(dimension.rawValue) of \(LiteralText.financialYear(savings.year)) has both a year-end `forecast` and monthly forecasts",
                   help: "keep one form: the year-end figure, or the monthly `forecast` lines (the outturn is then actuals + forecasts + the phased plan of the other months)",
                   notes: [note("a monthly forecast", monthly.ref)])
        }
    }
}

extension YearSavings {
    /// Whether `dimension` is forecast by month.
    public func hasMonthlyForecasts(_ dimension: Dimension) -> Bool { monthlyForecasts.contains { $0.dimension == dimension } }

    /// Forecast outturn of one dimension (brief §3, "In-year tracking"): the year-end `forecast`;
    /// else, with monthly forecasts, each month's actual, else its forecast, else its phased plan;
    /// else the year's plan.
    public func forecastOutturn(_ dimension: Dimension) -> Exact {
        if let forecast = forecasts[dimension] { return forecast }
        guard hasMonthlyForecasts(dimension) else { return amount(dimension) }
        let phasing = self.phasing ?? Array(repeating: Exact.twelfth, count: 12)
        var months = phasing.map { amount(dimension).multiplied(by: $0) }
        for forecast in monthlyForecasts where forecast.dimension == dimension { months[forecast.month - 1] = forecast.amount }
        for actual in actuals where actual.dimension == dimension { months[actual.month - 1] = actual.amount }
        return Exact.sum(months)
    }
}
