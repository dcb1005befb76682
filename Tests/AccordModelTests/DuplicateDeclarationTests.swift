@testable import AccordChecks
@testable import AccordModel
import Foundation
import Testing

/// A declaration given twice is reported once (E201) and set aside: the first, and everything
/// that refers to it, stays whole.
struct DuplicateDeclarationTests {
    /// The SNEE example with scheme SE-07 renamed SE-05, so the copy takes the name of a scheme
    /// whose productivity saving reads its own metric (`fu-f2f.baseline - fu-f2f.target`).
    @Test func aSchemeCopiedUnderATakenNameLeavesTheFirstWhole() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/snee")
        var files: [String: String] = [:]
        for path in ["plan.accord"] + (try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("schemes").path)).map({ "schemes/\($0)" }) {
            files["/plan/" + path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        let copy = try #require(files["/plan/schemes/se-07-pharmacy.accord"])
        files["/plan/schemes/se-07-pharmacy.accord"] = copy.replacingOccurrences(of: "scheme SE-07", with: "scheme SE-05")
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: MemoryFiles(files: files))
        let checked = PlanCheck.run(sources, today: TestPlans.asOf)

        let errors = checked.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.E201], "one E201 and no E202 inside the first SE-05: \(errors.map(\.message))")
        #expect(checked.diagnostics.map(\.code).filter { $0 != .E201 } == TestPlans.snee().diagnostics.map(\.code),
                "the example's own warnings, and nothing more")
        let schemes = checked.model.schemes.filter { $0.name == "SE-05" }
        #expect(schemes.count == 1)
        #expect(schemes.first?.title == "A new model for outpatient care")
        #expect(checked.model.programmeSavings(year: 2022, dimension: .productivity).planned == TestPlans.money("£1425600"),
                "SE-05's productivity saving still counts")
    }
}
