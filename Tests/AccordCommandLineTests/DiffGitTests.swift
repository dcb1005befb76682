import AccordCommandLine
import AccordModel
import Foundation
import Testing

/// `accord diff REV:PATH …` and `--git REV` against a real scratch repository: the old version and
/// the files it includes come from the revision, not from the working tree.
/// git is found on PATH, as the product finds it; under CI a missing git fails these tests.
@Suite(Tools.needed(Tools.git != nil, "git is not on PATH: the REV:PATH tests need it"))
final class DiffGitTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans/schemes"), withIntermediateDirectories: true)
        try git("init", "-q")
        try write("plans/plan.accord", """
            include "schemes/*.accord"

            plan "Git test" {
              years FY22/23
              as-of 2022-09-30
            }

            partner TRUST "A trust" {
              type provider
            }

            area corporate "Back office"

            """)
        try write("plans/schemes/a.accord", Self.scheme("A-01", savings: "£100k"))
        try write("plans/schemes/b.accord", Self.scheme("B-02", savings: "£50k"))
        try git("add", ".")
        try git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func scheme(_ name: String, savings: String) -> String {
        """
        scheme \(name) "Scheme \(name)" {
          area corporate
          level organisation
          status scoping
          lead TRUST

          savings FY22/23 {
            cash-releasing \(savings)
          }
        }

        """
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> Int32 {
        guard let git = Tools.git else {
            Issue.record("git is not on PATH")
            return -1
        }
        return try Tools.run(git, arguments, in: folder).status
    }

    func accord(_ arguments: String...) -> CommandResult {
        run(Invocation(arguments: arguments, workingDirectory: folder.path))
    }

    @Test func readsTheOldVersionAndItsIncludesFromTheRevision() throws {
        try write("plans/schemes/a.accord", Self.scheme("A-01", savings: "£120k"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("plans/schemes/b.accord"))
        try write("plans/schemes/c.accord", Self.scheme("C-03", savings: "£10k"))

        let result = accord("diff", "--exit-code", "HEAD:plans/plan.accord", "plans/plan.accord")
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("HEAD:plans/plan.accord → plans/plan.accord: 1 scheme added, 1 scheme removed, 3 savings lines changed\n"))
        #expect(result.stdout.contains("  C-03    Scheme C-03  scoping  £10,000"))
        #expect(result.stdout.contains("  B-02    Scheme B-02  scoping  £50,000"))
        #expect(result.stdout.contains("  A-01    FY22/23  cash-releasing  £100,000  £120,000  +£20,000"))
        #expect(result.stdout.contains("  FY22/23  cash-releasing  £150,000        £130,000       £75,000               £65,000\n"))
        #expect(!result.stdout.contains("all years"), "one year: no separate all-years rows")
    }

    /// A path that leaves the repository is unreadable (exit 2), never an empty plan whose
    /// diagnostics are then "resolved".
    @Test func aRevisionPathOutsideTheRepositoryIsAnError() throws {
        for argument in ["HEAD:..", "HEAD:../..", "HEAD:plans/../.."] {
            let result = accord("diff", argument, "plans/plan.accord")
            #expect(result.exitCode == 2, "\(argument): \(result.stdout)")
            #expect(!result.stdout.contains("resolved"))
        }
    }

    @Test func gitComparesEveryRootPlan() throws {
        #expect(accord("diff", "--git", "HEAD", "--exit-code").stdout == "HEAD:plans/plan.accord → plans/plan.accord: no changes\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
        try write("other/plan.accord", "plan \"Second\" {\n  years FY22/23\n}\n")
        try git("add", "other/plan.accord")
        let result = accord("diff", "--git", "HEAD", "--exit-code")
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("(no plan) → other/plan.accord: 1 other change\n"))
        #expect(result.stdout.contains("HEAD:plans/plan.accord → plans/plan.accord: no changes\n"))
    }

    /// `--git` compares what git tracks, as `git diff` does: an ignored scratch folder and an
    /// untracked draft are not plans of the repository.
    @Test func gitReadsOnlyTrackedFiles() throws {
        try write(".gitignore", "scratch/\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scratch"), withIntermediateDirectories: true)
        try write("scratch/plan.accord", "plan \"Scratch\" {\n  years FY22/23\n}\n")
        try write("draft.accord", "plan \"Draft\" {\n  years FY22/23\n}\n")
        try write("plans/schemes/untracked.accord", Self.scheme("U-09", savings: "£1k"))
        let result = accord("diff", "--git", "HEAD", "--exit-code")
        #expect(result.stdout == "HEAD:plans/plan.accord → plans/plan.accord: no changes\n", "\(result.stdout)")
        #expect(result.exitCode == 0)
    }

    @Test func aPureReformatInGitIsNoChange() throws {
        #expect(accord("fmt", "plans").exitCode == 0)
        try write("plans/schemes/a.accord", "# moved and reformatted\n" + Self.scheme("A-01", savings: "£100k").replacingOccurrences(of: "\n  ", with: "\n      "))
        let result = accord("diff", "--exit-code", "HEAD:plans/plan.accord", "plans/plan.accord")
        #expect(result.exitCode == 0)
        #expect(result.stdout == "HEAD:plans/plan.accord → plans/plan.accord: no changes\n")
    }

    @Test func includesFromARevisionMayNotLeaveThePlanFolder() throws {
        try write("plans/plan.accord", "include \"../stray.accord\"\n" + (try String(contentsOf: folder.appendingPathComponent("plans/plan.accord"), encoding: .utf8)))
        try write("stray.accord", "area stray \"Stray\"\n")
        try git("add", ".")
        try git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "stray include")
        try write("plans/plan.accord", (try String(contentsOf: folder.appendingPathComponent("plans/plan.accord"), encoding: .utf8))
            .replacingOccurrences(of: "include \"../stray.accord\"\n", with: ""))
        let result = accord("diff", "HEAD:plans/plan.accord", "plans/plan.accord")
        #expect(result.stdout.contains("Resolved diagnostics"))
        #expect(result.stdout.contains("HEAD:plans/plan.accord:1:1  error[E108]  `../stray.accord` is outside the plan's folder"))
    }

    @Test func anUnknownRevisionIsAUsageError() {
        let result = accord("diff", "no-such-branch:plans/plan.accord", "plans/plan.accord")
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("accord: cannot read no-such-branch:plans/plan.accord: "))
        #expect(accord("diff", "HEAD:plans/missing.accord", "plans/plan.accord").stderr == "accord: cannot read HEAD:plans/missing.accord: no such file in HEAD\n")
    }
}
