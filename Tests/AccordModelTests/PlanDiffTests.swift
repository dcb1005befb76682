import AccordDiagnostics
@testable import AccordFigures
@testable import AccordModel
import Testing

/// `PlanDiff`: matched by name, moved text and reordered lines are no change, slips in days,
/// diagnostics matched by code and message as a multiset.
struct PlanDiffTests {
    static let plan = """
        plan "P" {
          years FY22/23
        }
        partner A "A" {
          type provider
        }
        area x "X"
        scheme S-1 "One" {
          area x
          level organisation
          status scoping
          lead A
          savings FY22/23 {
            cash-releasing £100k
          }
          milestone M1 "First" {
            due 2022-12-31
          }
        }

        """

    static func diff(_ old: String, _ new: String, files: [String: String] = [:]) -> PlanDiff {
        PlanDiff(old: PlanVersion(TestPlans.check(old)), new: PlanVersion(TestPlans.check(new, files: files)))
    }

    @Test func movingASchemeToAnIncludedFileIsNoChange() {
        let start = Self.plan.range(of: "scheme S-1")!.lowerBound
        let root = "include \"schemes/*.accord\"\n" + Self.plan[..<start]
        let d = Self.diff(Self.plan, root, files: ["schemes/s1.accord": String(Self.plan[start...])])
        #expect(d.isEmpty)
    }

    @Test func aDueDateMovedLaterIsASlipInDays() {
        let d = Self.diff(Self.plan, Self.plan.replacingOccurrences(of: "due 2022-12-31", with: "due 2023-03-01"))
        #expect(d.milestones.count == 1)
        #expect(d.milestones.first?.days == 60)
        #expect(Date.days(from: Date(year: 2024, month: 2, day: 28), to: Date(year: 2024, month: 3, day: 1)) == 2)
    }

    @Test func aChangeNoSectionShowsIsStillReported() {
        let d = Self.diff(Self.plan, Self.plan.replacingOccurrences(of: "area x \"X\"", with: "area x \"Back office\""))
        #expect(d.other.map(\.declaration) == ["area x"])
        #expect(d.other.first?.kind == .changed)
    }

    @Test func withdrawingASchemeTakesItOutOfTheTotals() {
        let d = Self.diff(Self.plan, Self.plan.replacingOccurrences(of: "status scoping", with: "status withdrawn"))
        #expect(d.schemeFields.map(\.field) == ["status"])
        #expect(d.savings.map(\.change) == [PlanDiff.Change(old: TestPlans.money("£100k"), new: .zero)], "its lines leave the totals")
        let total = d.totals.first { $0.dimension == nil }
        #expect(total?.planned.old == TestPlans.money("£100k"))
        #expect(total?.planned.new == .zero)
    }

    @Test func aWithdrawnSchemesSavingsMoveNoTotalButTheChangeIsStillReported() {
        let withdrawn = Self.plan.replacingOccurrences(of: "status scoping", with: "status withdrawn")
        let d = Self.diff(withdrawn, withdrawn.replacingOccurrences(of: "£100k", with: "£500k"))
        #expect(d.savings.isEmpty && d.totals.isEmpty, "it counts in no total, before or after")
        #expect(d.other.map(\.declaration) == ["scheme S-1"])
    }

    @Test func diagnosticsMatchByCodeAndMessageAsOftenAsTheyOccur() {
        let twice = PlanDiff.compareDiagnostics([], [])
        #expect(twice.new.isEmpty && twice.resolved.isEmpty)
        let old = TestPlans.check(Self.plan + "partner B \"B\" {\n  type provider\n}\n").diagnostics
        let new = TestPlans.check(Self.plan + "\n\npartner B \"B\" {\n  type provider\n}\npartner C \"C\" {\n  type provider\n}\n").diagnostics
        let (added, resolved, changed) = PlanDiff.compareDiagnostics(old, new)
        #expect(resolved.isEmpty, "partner B is still unused, on another line")
        #expect(added.map(\.message) == ["partner C is declared but nothing uses it"])
        #expect(changed.isEmpty)
    }

    @Test func aFindingWithOtherFiguresIsChangedNotNewAndResolved() {
        func w401(_ message: String) -> Diagnostic { Diagnostic(.W401, file: nil, range: 0..<0, message: message) }
        let old = [w401("ESNEFT FY23/24: attributed risk-adjusted savings £1,725,000 against an envelope of £2,000,000, short by £275,000")]
        let new = [w401("ESNEFT FY22/23: attributed risk-adjusted savings £1,628,960 against an envelope of £1,800,000, short by £171,040"),
                   w401("ESNEFT FY23/24: attributed risk-adjusted savings £1,620,000 against an envelope of £2,000,000, short by £380,000")]
        let (added, resolved, changed) = PlanDiff.compareDiagnostics(old, new)
        #expect(resolved.isEmpty)
        #expect(added.map(\.message) == [new[0].message], "another year is another finding")
        #expect(changed.map(\.new.message) == [new[1].message])
        #expect(PlanDiff.figuresMasked(w401("S1 FY22/23: -£50,000 is 6.7% behind, 29 days")) == "W401\u{0}S1 FY22/23: # is # behind, 29 days")
    }
}
