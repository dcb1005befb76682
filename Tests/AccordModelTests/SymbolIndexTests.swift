import AccordChecks
@testable import AccordModel
import Testing

/// The symbol index editors navigate by: every use the model resolved points at a declaration,
/// and every recorded occurrence is the symbol's name as written.
struct SymbolIndexTests {
    @Test func everyOccurrenceInTheExampleHasADefinitionAndSpellsTheName() {
        let plan = TestPlans.snee()
        #expect(plan.symbols.occurrences.count > 100)
        for occurrence in plan.symbols.occurrences {
            #expect(plan.symbols.definition(of: occurrence.symbol) != nil, "\(occurrence.symbol.qualifiedName)")
            let file = plan.symbols.file(of: occurrence.ref)
            #expect(file?.text(occurrence.ref.range) == occurrence.symbol.name, "\(occurrence.symbol.qualifiedName) at \(file?.path ?? "?"):\(occurrence.ref.range)")
        }
        let definitions = plan.symbols.occurrences.filter(\.isDefinition).map(\.symbol)
        #expect(Set(definitions).count == definitions.count)
    }

    /// The command line never reads the index, so it does not pay for it; the figures and
    /// diagnostics are the same either way.
    @Test func onlyAnEditorsCheckIndexesNames() {
        let text = "plan \"P\" { years FY22/23 }\npartner A { type provider }\n"
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: MemoryFiles(files: ["/plan/plan.accord": text]))
        let command = PlanCheck.run(sources, today: TestPlans.asOf)
        let editor = PlanCheck.run(sources, today: TestPlans.asOf, recordingSymbols: true)
        #expect(command.symbols.occurrences.isEmpty)
        #expect(editor.symbols.occurrences.map(\.symbol.name) == ["A"])
        #expect(command.diagnostics.map(\.message) == editor.diagnostics.map(\.message))
    }

    @Test func dottedNamesRecordEachPart() {
        let plan = TestPlans.check("""
        plan "P" { years FY22/23 }
        partner A { type provider }
        scheme S { lead A
          level organisation
          status idea
          area x
          metric m { baseline 10 at 2022-03 }
          milestone M1 { due 2022-05-01 }
          let here = m.baseline
        }
        scheme T { lead A
          level organisation
          status idea
          area x
          milestone M1 { due 2022-06-01
            after S.M1 }
          let there = S.m.baseline * 2
        }
        area x
        """)
        let uses = plan.symbols.occurrences.filter { !$0.isDefinition }.map { "\($0.symbol.kind.rawValue) \($0.symbol.qualifiedName) @\(plan.symbols.file(of: $0.ref)?.line(of: $0.ref.range.lowerBound) ?? 0)" }
        #expect(uses.contains("metric S.m @9"))
        #expect(uses.contains("scheme S @16"))
        #expect(uses.contains("milestone S.M1 @16"))
        #expect(uses.contains("scheme S @17"))
        #expect(uses.contains("metric S.m @17"))
        #expect(plan.symbols.occurrences(of: Symbol(kind: .partner, name: "A")).count == 3)
    }
}
