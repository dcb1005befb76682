// The one place figures are rounded for showing (LANGUAGE.md §3 "Showing amounts"). Every
// output — check messages, summary, eval, diff, hover, model JSON, CSV, HTML — takes its pennies
// from here, so the same figure shows the same pennies everywhere and every table foots:
//
// 1. a single amount is its exact value rounded half-even to the penny (`Shown.amount`);
// 2. the parts of a shown whole are rounded by largest remainder against that whole, ties to the
//    key that sorts first by bytes, `(unallocated)` after every partner (`Shown.partition`); a
//    part that is the whole of a finer partition passes its pennies down (`whole:`);
// 3. sums and differences are taken from the shown figures (plain `Exact` arithmetic on what
//    these functions return), and percents from exact values, one decimal at most (`Shown.percent`).

/// Rounding for showing. Renderers call these and never round on their own.
public enum Shown {
    /// Pennies.
    public static let places = 2
    /// The decimals a percent is shown with (of the percent, so 12.5%).
    public static let percentPlaces = 1

    /// Rule 1: a figure that is no part of a shown whole, half-even to the penny.
    public static func amount(_ exact: Exact) -> Exact { exact.rounded(places: places) }

    /// Rule 2: `parts` rounded by largest remainder so that they add to the shown whole: `whole`
    /// when a parent partition has already shown it, else the parts' exact sum rounded half-even.
    /// Ties go to the key that sorts first by bytes; use `unallocatedKey` for what no partner
    /// bears and `orderedKey` for parts ordered by position (bands, months).
    public static func partition(_ parts: [(key: String, value: Exact)], whole: Exact? = nil) -> RoundedPartition {
        Exact.roundedPartition(parts, places: places, whole: whole)
    }

    /// Rule 3, percents: `part ÷ whole` from exact values, rounded half-even to one decimal of a
    /// percent (0.125 is 12.5%); nil when the whole is zero.
    public static func percent(_ part: Exact, of whole: Exact) -> Exact? {
        part.dividedUnlessZero(by: whole)?.rounded(places: percentPlaces + 2)
    }

    /// A percent the plan states (a delivery %, a share, a control total) as every output shows
    /// it: half-even to one decimal, as the text reports print it.
    public static func percent(_ stated: Exact) -> Exact { stated.rounded(places: percentPlaces + 2) }

    /// The key of what no partner bears: it sorts after every partner name (U+10FFFF is the
    /// largest scalar), so rounding ties go to partners first. Shown as `(unallocated)`.
    public static let unallocatedKey = "\u{10FFFF}"

    /// A key for the part at `index` of a partition ordered by position rather than by name (a
    /// shortfall's bands, lowest first): keys sort as the indexes do, before `unallocatedKey`.
    public static func orderedKey(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
