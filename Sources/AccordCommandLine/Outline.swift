import AccordFormat
import AccordSyntax

let outlineCommand = Command(
    spec: CommandSpec(
        name: "outline",
        usage: "accord outline [PATH…]",
        summary: "Print plans one fact per line, each naming its scheme and block (for `git diff`).",
        options: [
            .stdinFilename,
        ],
        details: """
        Each line is one statement, prefixed by the blocks it sits in (`scheme PIP-05 › savings
        FY22/23 › cash-releasing £1.2m`); layout and comments are left out. Made to be git's
        textconv for plans, so a plain `git diff` says which scheme each change belongs to:

            echo '*.accord diff=accord' >> .gitattributes
            git config diff.accord.textconv "accord outline"

        Files with syntax errors are shown as far as they parse; the exit status is 0 unless a
        file cannot be read (2).
        """),
    run: { context in
        for file in context.loadSources() {
            context.print(Outline.render(parse(file).tree))
        }
    })
