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

        Given a folder or several files, each file's lines follow a `# PATH` line. Files with
        syntax errors are shown as far as they parse; the exit status is 0 unless a file cannot
        be read (2).
        """),
    run: { context in
        // Over a folder or several files, each file is named before its lines; git's textconv
        // passes one file, whose outline stays as it is.
        let paths = context.arguments.positionals
        let naming = paths.count != 1 || (paths[0] != "-" && FileSystem.isDirectory(context.invocation.resolve(paths[0])))
        for (index, file) in context.loadSources().enumerated() {
            if naming { context.print("\(index == 0 ? "" : "\n")# \(file.path)\n") }
            context.print(Outline.render(parse(file).tree))
        }
    })
