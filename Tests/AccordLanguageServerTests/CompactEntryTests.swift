import AccordLanguageServer
import Testing

/// Monthly forecasts, month ranges and `share evenly` in the editor: completion and hover come
/// from the grammar table, diagnostics point at the value they are about.
struct CompactEntryTests {
    static let schemes = FeatureTests.schemes

    /// The fixture's scheme with `lines` added at the end of its FY22/23 savings block (line 15, 0-based).
    static func withSavingsLines(_ lines: String) -> String {
        Session.fixture()["/ws/\(schemes)"]!.replacingOccurrences(
            of: "    productivity (fu-f2f.baseline - fu-f2f.target) * fu-cost\n",
            with: "    productivity (fu-f2f.baseline - fu-f2f.target) * fu-cost\n\(lines)\n")
    }

    @Test func completionOffersMonthsDimensionsAndEvenly() {
        var session = Session()
        func labels(_ line: String) -> [String] {
            session.open(Self.schemes, text: Self.withSavingsLines(line))
            let items = session.result("textDocument/completion", Session.at(Self.schemes, 15, line.utf16.count))
            return (items.array ?? items["items"].array ?? []).map { $0["label"].string! }
        }
        let months = (1...12).map { "M\($0)" }
        #expect(labels("    actual ").prefix(12) == months[...])
        // A forecast starts with its months (by month) or its dimension (year-end).
        let forecast = labels("    forecast ")
        #expect(forecast.starts(with: months))
        #expect(forecast.contains("cash-releasing"))
        let share = Session.fixture()["/ws/\(Self.schemes)"]!.replacingOccurrences(of: "  confidence green\n", with: "  confidence green\n  share \n")
        session.open(Self.schemes, text: share)
        let items = session.result("textDocument/completion", Session.at(Self.schemes, 11, 8))
        #expect((items.array ?? []).map { $0["label"].string! } == ["evenly"])
    }

    @Test func hoverOnAMonthlyForecastLineShowsTheAttribute() {
        var session = Session()
        session.open(Self.schemes, text: Self.withSavingsLines("    forecast M8..M12 cash-releasing £90k, £90k, £90k, £90k, £90k"))
        let hover = session.result("textDocument/hover", Session.at(Self.schemes, 15, 6))
        #expect(hover["contents"]["value"].string?.contains("**forecast** in a savings block") == true, "\(hover)")
    }

    @Test func aMissingValueIsReportedAtTheRangeAndAnExtraOneAtItself() {
        var session = Session()
        // As of 2022-09-30 (the fixture's plan) M7 is the first month not begun.
        let published = session.open(Self.schemes, text: Self.withSavingsLines(
            "    forecast M7..M9 cash-releasing £90k, £90k\n    actual M1..M2 cash-releasing £80k, £80k, £1"))
        let diagnostics = published[Session.uri(Self.schemes)] ?? []
        #expect(diagnostics.map { $0["code"].string! } == ["E413", "E413"], "\(diagnostics)")
        // `    forecast ` is 13 characters: the range M7..M9 follows.
        #expect(diagnostics.first?["range"].span == [15, 13, 15, 19])
        #expect(diagnostics.first?["message"].string?.contains("but has 2: 1 missing") == true)
        // `£1` is the third value of the actual line, 45 characters in.
        #expect(diagnostics.last?["range"].span == [16, 45, 16, 47])
    }
}
