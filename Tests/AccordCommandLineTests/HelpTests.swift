import AccordCommandLine
import Foundation
import Testing

struct HelpTests {
    /// The commands `accord help` lists, read from its "Commands:" section.
    static func listedCommands() -> [String] {
        let help = run(arguments: ["help"]).stdout
        let section = help.components(separatedBy: "Commands:\n")[1].components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
    }

    @Test func theReadmeTableListsEveryCommand() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md"), encoding: .utf8)
        let commands = Self.listedCommands()
        #expect(commands.count >= 10)
        for command in commands {
            #expect(readme.contains("| `accord \(command)"), "README's command table lacks `accord \(command)`")
        }
    }

    @Test func checkHelpDocumentsSelectAndIgnore() {
        let help = run(arguments: ["check", "--help"]).stdout
        #expect(help.contains("--select CODES"))
        #expect(help.contains("--ignore CODES"))
        #expect(help.contains("rules { … }"))
    }
}
