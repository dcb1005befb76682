import AccordModel
import AccordReports
import AccordSyntax

let initCommand = Command(
    spec: CommandSpec(
        name: "init",
        usage: "accord init [DIR]",
        summary: "Start a new plan: a skeleton that checks clean, pre-commit hooks and a README.",
        options: [],
        details: """
        Writes plan.accord, .pre-commit-config.yaml, .gitattributes and README.md into DIR (the
        current folder without DIR; created if missing). The plan's years start with the current
        financial year and its as-of date is today. Nothing is ever overwritten: if any of the
        files exists, nothing is written and the exit status is 2.
        """),
    run: { context in
        guard context.arguments.positionals.count <= 1 else { return context.fail("`accord init` takes one folder") }
        let folder = context.arguments.positionals.first ?? "."
        let files = PlanTemplate.files(today: CommandContext.today())
        let target = context.invocation.resolve(folder)
        let existing = files.map(\.name).filter { FileSystem.isTaken(Path.join(target, $0)) }
        guard existing.isEmpty else {
            return context.fail("not starting a plan in \(folder): \(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); nothing was written")
        }
        do throws(FileError) {
            try FileSystem.createFolders(target)
            for file in files {
                try FileSystem.createNew(Path.join(target, file.name), Array(file.text.utf8))
                context.print("created \(Path.join(folder, file.name))\n")
            }
        } catch {
            return context.fail("cannot write \(error.path): \(error.reason)")
        }
        context.print("""

        Next: edit plan.accord, then `accord check \(folder)`. With pre-commit installed
        (pip install pre-commit), run `pre-commit install` to check every commit.

        """)
    })

/// The files `accord init` writes.
enum PlanTemplate {
    static func files(today: Date) -> [(name: String, text: String)] {
        [("plan.accord", plan(today: today)), (".pre-commit-config.yaml", preCommitConfig), (".gitattributes", gitattributes), ("README.md", readme)]
    }

    /// A plan that checks clean as of `today`: a scheme at `scoping`, so no metric, approval or
    /// quality assessment is due yet, with one milestone due at the end of this financial year.
    static func plan(today: Date) -> String {
        let first = today.month >= 4 ? today.year : today.year - 1
        let year = LiteralText.financialYear(first), next = LiteralText.financialYear(first + 1)
        return """
        # A new Accord plan. `accord check` checks it, `accord fmt` lays it out, `accord diff`
        # shows what a change means. Replace the examples below with your own programme.
        plan "New savings programme" {
          years \(year)..\(next)
          as-of \(ModelJSON.iso(today))  # the position date for overdue and in-year checks
        }

        partner TRUST "A partner NHS trust" {
          type provider
        }

        partner ICB "The integrated care board" {
          type commissioner
        }

        person lead "Programme lead" {
          partner TRUST
          capacity 0.5
        }

        area planned "Planned care"

        envelope TRUST {  # what the partner must find, per year
          \(year) £100k
        }

        scheme PC-01 "A first system scheme" {
          area planned
          status scoping
          lead TRUST
          partners TRUST, ICB
          sro lead
          confidence amber

          savings \(year) {
            cash-releasing £400k
          }

          share {
            TRUST 50%
            ICB 50%
          }

          milestone M1 "Business case approved" {
            due \(first + 1)-03-31
            critical
            owner lead
          }
        }

        """
    }

    static let preCommitConfig = """
        # pre-commit (https://pre-commit.com) checks and formats plans on every commit:
        # `pip install pre-commit`, then `pre-commit install` in this repository.
        repos:
          # These hooks run the `accord` on your PATH. To have pre-commit build Accord from its
          # own repository instead, use:
          #   - repo: <URL of the Accord repository>
          #     rev: <a tag or commit>
          #     hooks: [{id: accord-check}, {id: accord-fmt}]
          - repo: local
            hooks:
              # Every commit checks every plan (a deleted or renamed file can break one);
              # the changed files' problems come first.
              - id: accord-check
                name: accord check
                entry: accord check --all-plans
                language: system
                files: \\.accord$
                always_run: true
              - id: accord-fmt
                name: accord fmt
                entry: accord fmt
                language: system
                files: \\.accord$

        """

    static let gitattributes = """
        # `git diff` shows plans one fact per line once you run, in this repository:
        #   git config diff.accord.textconv "accord outline"
        *.accord diff=accord

        """

    static let readme = """
        # Savings programme plan

        The plan lives in `plan.accord` (and any files it includes), written in the Accord plan
        language. Change it by pull request; every change is checked.

        - `accord check` checks the plan and explains every problem (`accord explain CODE` for more).
        - `accord fmt` lays the files out the standard way, keeping comments.
        - `accord diff main:plan.accord plan.accord` shows what a change means: schemes, savings and
          totals, milestone slips, shares, new and resolved problems.

        Hooks: `pip install pre-commit && pre-commit install` checks and formats plans on every
        commit (see `.pre-commit-config.yaml`). For readable `git diff`s of plans, run once:
        `git config diff.accord.textconv "accord outline"` (`.gitattributes` already asks for it).

        """
}
