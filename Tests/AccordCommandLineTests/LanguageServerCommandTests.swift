import AccordCommandLine
import Testing

/// `accord lsp` itself talks over the process's standard input and output (driven by a real
/// client in scripts/lsp-real-client.sh, and in memory in AccordLanguageServerTests); here, that
/// it is a listed command with its help.
struct LanguageServerCommandTests {
    @Test func listedWithItsHelp() {
        #expect(run(arguments: ["--help"]).stdout.contains("  lsp "))
        let help = run(arguments: ["lsp", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("accord lsp [--stdio]"))
        #expect(help.stdout.contains("Language Server Protocol"))
        #expect(run(arguments: ["help", "lsp"]) == help)
        #expect(run(arguments: ["lsp", "--tcp"]).exitCode == 2)
    }
}
