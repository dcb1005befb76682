import AccordChecks
import AccordModel
import AccordReports

let modelCommand = Command(
    spec: CommandSpec(
        name: "model",
        usage: "accord model [OPTIONS] [PATH]",
        summary: "Print the checked model of a plan as JSON (schema: docs/model.schema.json).",
        options: [
            .asOf,
            .stdinFilename,
        ],
        details: "Exit status: 0, or 1 if the plan has errors (the model is printed either way), 2 on a usage error."),
    run: { context in
        guard let asOf = context.asOfOption() else { return }
        guard let plan = context.onePlan(for: "model") else { return }
        let checked = PlanCheck.run(plan, asOf: asOf, today: CommandContext.today())
        context.print(ModelJSON.render(checked))
        if checked.hasErrors, context.result.exitCode == 0 { context.result.exitCode = 1 }
    })
