import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordReports

/// The forms `accord eval --format` prints an evaluation in.
enum EvalFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv
}

let evalCommand = Command(
    spec: CommandSpec(
        name: "eval",
        usage: "accord eval [OPTIONS] [PATH]",
        summary: "Evaluate the risk-share terms: who bears a shortfall and who keeps a gain, with the working.",
        options: [
            .init(name: "scenario", value: "NAME", help: "a declared scenario, or `all` for every one side by side (default: the plan as written)"),
            .init(name: "format", value: "FORMAT", help: "text (default), markdown, json (schema: docs/eval.schema.json) or csv"),
            .asOf,
            .stdinFilename,
        ],
        details: """
        For each risk-share term, each of its years and the scenario: planned and delivered per
        scheme, the variance, the band-by-band split, each cap round and each partner's result,
        to the penny (docs/eval.md). Without --scenario the plan as written delivers 100% of plan
        and has no variance.

        A plan with errors is not evaluated: its errors are printed and the exit status is 1.
        Exit status: 0, 1 if the plan has errors, 2 on a usage error (an unknown scenario too).
        """),
    run: { context in
        guard let asOf = context.asOfOption() else { return }
        guard let format = context.formatOption(default: EvalFormat.text) else { return }
        guard let plan = context.onePlan(for: "eval") else { return }
        let checked = PlanCheck.run(plan, asOf: asOf, today: CommandContext.today())
        // Figures from a plan with errors (a band short of 100%, a savings line that did not
        // evaluate) would look exact and be wrong: refuse rather than print them.
        let errors = checked.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            context.printError(context.render(errors, as: .text))
            context.printError("accord eval: the plan has \(errors.count) error\(errors.count == 1 ? "" : "s"); an evaluation would not be reliable, so none is shown. Fix them first (`accord check`).\n")
            context.result.exitCode = ExitCode.problems
            return
        }
        guard let scenarios = context.scenarioOption(checked.model) else { return }
        let report = EvalReport(checked, scenarios: scenarios, sideBySide: context.arguments.value("scenario") == "all")
        switch format {
        case .text: context.print(EvalTextRenderer(style: .text).render(report))
        case .markdown: context.print(EvalTextRenderer(style: .markdown).render(report))
        case .json: context.print(EvalJSON.render(report))
        case .csv: context.print(EvalCSV.render(report))
        }
    })

extension CommandContext {
    /// `--scenario`: nil (after a usage error) for an unknown name; `.some(nil)` for the plan as
    /// written; `all` is every declared scenario, in the order declared.
    mutating func scenarioOption(_ model: PlanModel) -> [Scenario]?? {
        guard let name = arguments.value("scenario") else { return .some(nil) }
        let declared = model.scenarios.map(\.name)
        let list = declared.isEmpty ? "the plan declares no scenario" : "declared: \(declared.joined(separator: ", "))"
        if name == "all" {
            guard !declared.isEmpty else {
                fail("--scenario all: the plan declares no scenario (add a `scenario NAME { … }` block)")
                return nil
            }
            return .some(model.scenarios)
        }
        if let scenario = model.scenarios.first(where: { $0.name == name }) { return .some([scenario]) }
        let hint = Suggestion.closest(to: name, in: declared + ["all"]).map { " (did you mean `\($0)`?)" } ?? ""
        fail("unknown scenario `\(name)`\(hint); \(list)")
        return nil
    }
}
