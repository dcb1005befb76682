import AccordCommandLine
import Foundation
import Testing

/// `accord init`: the skeleton checks clean and is already formatted; nothing is overwritten.
final class InitTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-init-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    func accord(_ arguments: String...) -> CommandResult {
        run(Invocation(arguments: arguments, workingDirectory: FileManager.default.temporaryDirectory.path))
    }

    @Test func theSkeletonChecksCleanAndIsFormatted() throws {
        let result = accord("init", folder.path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        for name in ["plan.accord", ".pre-commit-config.yaml", ".gitattributes", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) not written")
            #expect(result.stdout.contains("created \(folder.path)/\(name)\n"))
        }
        let check = accord("check", folder.path)
        #expect(check.exitCode == 0)
        #expect(check.stdout == "checked 1 file: no problems\n")
        #expect(accord("fmt", "--check", folder.path).exitCode == 0, "the skeleton must already be in canonical layout")
        let config = try String(contentsOf: folder.appendingPathComponent(".pre-commit-config.yaml"), encoding: .utf8)
        #expect(config.contains("id: accord-check") && config.contains("id: accord-fmt") && config.contains("files: \\.accord$"))
    }

    @Test func refusesToOverwriteAndWritesNothing() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# my notes\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = accord("init", folder.path)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "accord: not starting a plan in \(folder.path): README.md already exists; nothing was written\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) == "# my notes\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.accord").path))
    }

    @Test func initTwiceRefusesTheSecondTime() {
        #expect(accord("init", folder.path).exitCode == 0)
        let again = accord("init", folder.path)
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("plan.accord, .pre-commit-config.yaml, .gitattributes, README.md already exist"))
    }

    @Test func outlineNamesTheBlocksOfEveryLine() {
        let plan = "scheme S-1 \"Title\" {\n  partners A ,B   # odd spacing\n  savings 2022/23 { cash-releasing £1m; productivity -£5k }\n}\n"
        let result = run(Invocation(arguments: ["outline", "-"], stdin: { Array(plan.utf8) }))
        #expect(result.stdout == """
            scheme S-1 "Title"
            scheme S-1 › partners A, B
            scheme S-1 › savings FY22/23
            scheme S-1 › savings FY22/23 › cash-releasing £1m
            scheme S-1 › savings FY22/23 › productivity -£5k

            """)
    }
}
