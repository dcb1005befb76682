import AccordDiagnostics
import AccordModel
import AccordSyntax

/// Monthly forecasts: only for months not begun (E411, the mirror of E409), and an outturn built
/// from them below the year's plan (W414, as for a year-end `forecast`).
extension PlanRules {
    mutating func checkMonthlyForecasts(_ savings: YearSavings, asOf: Date) {
        let begun = Date.monthsBegun(year: savings.year, asOf: asOf)
        for forecast in savings.monthlyForecasts where forecast.month <= begun {
            let first = Date.firstDay(ofMonth: forecast.month, year: savings.year)
            report(.E411, forecast.ref, "a forecast for M\(forecast.month) of \(LiteralText.financialYear(savings.year)) (from \(first.iso)), a month that has begun by the as-of date \(asOf.iso)",
                   help: "report a month that has begun with `actual`; forecast only the months after the as-of month")
        }
    }

    /// Quotes the in-year line's shown figures, as the summary prints them.
    mutating func checkMonthlyOutturn(_ scheme: Scheme, _ savings: YearSavings, _ dimension: Dimension) {
        guard let asOf, savings.forecastOutturn(dimension) < savings.amount(dimension),
              let figures = shownFigures(scheme, dimension, year: savings.year, asOf: asOf) else { return }
        report(.W414, savings.ref, "\(scheme.name) \(LiteralText.financialYear(savings.year)) \(dimension.rawValue): forecast outturn \(figures.forecastOutturn.formattedMoney()) is below the plan of \(figures.yearPlan.formattedMoney())",
               help: "close the gap, or reflect it in the plan and the envelope")
    }
}
