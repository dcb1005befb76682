import AccordDiagnostics
@testable import AccordFigures
@testable import AccordModel
import Foundation
import Testing

/// Scores, bands and the register's order; the hand-worked example of
/// Tests/AccordCommandLineTests/testdata/summary/register.md.
@Suite struct RiskRegisterTests {
    @Test func bandsFollowTheNHSMatrix() {
        var bands: [Int: RiskBand] = [:]
        for l in 1...5 { for i in 1...5 { bands[l * i] = RiskBand(score: l * i) } }
        #expect(bands.keys.sorted() == [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25])
        #expect(bands.filter { $0.value == .low }.keys.sorted() == [1, 2, 3])
        #expect(bands.filter { $0.value == .moderate }.keys.sorted() == [4, 5, 6])
        #expect(bands.filter { $0.value == .high }.keys.sorted() == [8, 9, 10, 12])
        #expect(bands.filter { $0.value == .extreme }.keys.sorted() == [15, 16, 20, 25])
    }

    static func risk(_ scheme: String?, _ name: String, _ l: Int?, _ i: Int?) -> Risk {
        Risk(scheme: scheme, name: name, title: name, likelihood: l, impact: i, ref: SourceRef(file: SourceFile(path: "t.accord", text: ""), range: 0..<0))
    }

    @Test func registerSortsByScoreThenIdThenScheme() {
        let risks = [Self.risk("B", "R1", 3, 4), Self.risk(nil, "R9", nil, 2), Self.risk("A", "R2", 4, 3), Self.risk("A", "R1", 3, 4),
                     Self.risk(nil, "R1", 4, 3), Self.risk("A", "R3", 1, 1)]
        let sorted = risks.sorted(by: Risk.registerOrder).map(\.qualifiedName)
        #expect(sorted == ["R1", "A.R1", "B.R1", "A.R2", "A.R3", "R9"])
        #expect(risks[1].score == nil && risks[1].band == nil)
    }

    @Test func handWorkedRegister() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../AccordCommandLineTests/testdata/summary/register.accord").standardized.path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let checked = TestPlans.check(text)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        let register = checked.model.riskRegister.map { r in "\(r.scheme ?? "programme") \(r.name) \(r.score!) \(r.band!.rawValue) \(r.status.rawValue)" }
        #expect(register == [
            "SE-01 R3 25 extreme closed", "programme P1 16 extreme open", "SE-04 P1 15 extreme open",
            "SE-01 R1 12 high open", "SE-02 R1 12 high open", "SE-01 R2 12 high open",
            "programme P2 6 moderate open", "SE-04 R2 4 moderate open", "SE-04 R1 3 low open",
        ])
        let summary = ProgrammeSummary(checked)
        #expect(summary.updates.map { "\($0.scheme) \($0.latest.map { $0.date.iso } ?? "none") \($0.ageDays.map(String.init) ?? "—") \($0.stale)" } == [
            "SE-01 2022-09-12 18 false", "SE-02 2022-08-01 60 false", "SE-03 none — false", "SE-04 2022-09-30 0 false",
        ])
    }
}
