import AccordLanguageServer

let languageServerCommand = Command(
    spec: CommandSpec(
        name: "lsp",
        usage: "accord lsp [--stdio]",
        summary: "Serve the Language Server Protocol to an editor over standard input and output.",
        options: [
            .init(name: "stdio", help: "talk over standard input and output (the only transport; editors often pass it)"),
        ],
        details: """
        Speaks LSP 3.17 (JSON-RPC with Content-Length framing) on standard input and output:
        diagnostics as you type, checked with the whole plan (a fragment with the root plan that
        includes it), hover, go to definition, references, outline, formatting (as `accord fmt`),
        completion, rename and "did you mean" quick fixes. Point your editor's LSP client at
        `accord lsp` for `.accord` files. Exit status: 0 after the editor's shutdown and exit, 1
        when the input ends without them.
        """),
    run: { context in
        var server = LanguageServer(disk: DiskAccess(), today: CommandContext.today())
        context.result.exitCode = server.serveStandardIO()
    })
