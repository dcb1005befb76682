import AccordCommandLine
import AccordModel
import Foundation
import Testing

/// The guards between `accord` and the files around a plan (docs/limits.md): includes stay inside
/// the plan's folder however the plan is named, walks never follow linked folders, only regular
/// files are read, and a file that cannot be read is said at the file with the real reason.
final class FileGuardTests {
    let folder: URL
    /// A line that must never appear in any output: it lives only in files outside the plan.
    static let secret = "SECRET-TOKEN-d41d8cd9"

    init() throws {
        folder = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).appendingPathComponent("accord-guards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let plan = "plan \"Guarded\" {\n  years FY22/23\n  as-of 2022-09-30\n}\n\npartner TRUST \"A trust\" {\n  type provider\n}\n\narea corporate \"Back office\"\n"
    static let scheme = "scheme CIP-01 \"Agency\" {\n  area corporate\n  level organisation\n  status scoping\n  lead TRUST\n}\n"

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    func accord(_ arguments: [String], in relative: String = "") -> CommandResult {
        run(Invocation(arguments: arguments, workingDirectory: relative.isEmpty ? folder.path : path(relative)))
    }

    /// `plan/plan.accord` with `include`, and a secret in `outside/secret.accord` beside `plan/`.
    func planIncluding(_ patterns: [String]) throws {
        try write("plan/plan.accord", patterns.map { "include \"\($0)\"\n" }.joined() + "\n" + Self.plan)
        try write("outside/secret.accord", "\(Self.secret) = 1\npartner \(Self.secret) \"\(Self.secret)\"\n")
    }

    // MARK: Walk-around 1: includes stay inside the plan's folder

    /// The built `accord`, run as a process: only a real current folder shows how a plan named
    /// without a folder part (`accord check`, `check plan.accord`, `check .`) finds its folder.
    static let binary: URL? = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("accord") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    func accordProcess(_ arguments: [String], in relative: String) throws -> (output: String, status: Int32) {
        guard let binary = Self.binary else {
            Issue.record("the accord binary was not built beside the tests (swift build builds it)")
            return ("", -1)
        }
        let result = try Tools.run(binary.path, arguments, in: relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative))
        return (result.output, result.status)
    }

    @Test func includesStayInsideThePlanFolderHoweverThePlanIsNamed() throws {
        try planIncluding(["../outside/secret.accord"])
        try link("linked", to: "plan")
        let runs: [(folder: String, arguments: [String])] = [
            ("plan", []), ("plan", ["plan.accord"]), ("plan", ["."]), ("plan", ["./plan.accord"]),
            ("", ["plan"]), ("", ["plan/plan.accord"]), ("", ["linked"]), ("", ["linked/plan.accord"]),
            ("linked", []), ("linked", ["plan.accord"]), ("/", [path("plan/plan.accord")]), ("/", [path("linked")]),
        ]
        for run in runs {
            for format in ["text", "json", "github", "sarif"] {
                let (output, status) = try accordProcess(["check", "--format", format] + run.arguments, in: run.folder)
                let label = "accord check --format \(format) \(run.arguments.joined(separator: " ")) in \(run.folder.isEmpty ? "the parent" : run.folder)"
                #expect(output.contains("E108"), "\(label): \(output)")
                #expect(!output.contains(Self.secret), "\(label) read a file outside the plan: \(output)")
                #expect(status == 1, "\(label)")
            }
        }
    }

    @Test func anAbsoluteIncludeIsAlwaysRefused() throws {
        try write("plan/schemes/a.accord", Self.scheme)
        try planIncluding([path("plan/schemes/a.accord"), path("outside/secret.accord"), "/etc/*.conf", "/proc/self/*"])
        let result = accord(["check", "plan"])
        #expect(result.stdout.components(separatedBy: "is an absolute path").count - 1 == 4, "\(result.stdout)")
        #expect(!result.stdout.contains(Self.secret))
        #expect(!result.stdout.contains("E101"), "a system file was read: \(result.stdout)")
    }

    @Test func patternsAndLinksCannotReachOutside() throws {
        try write("plan/schemes/a.accord", Self.scheme)
        try link("plan/shared", to: "../outside")
        try link("plan/secret.accord", to: "../outside/secret.accord")
        try planIncluding(["../*/secret.accord", "../**/*.accord", "schemes/../../outside/*.accord", "shared/*.accord", "*/secret.accord",
                           "secret.accord", "schemes/*.accord"])
        for arguments in [["check", "plan"], ["check", "--format", "json", "plan/plan.accord"]] {
            let result = accord(arguments)
            #expect(!result.stdout.contains(Self.secret), "\(arguments): \(result.stdout)")
        }
        let result = accord(["check", "plan"])
        for outside in ["`../*/secret.accord` is outside", "`../**/*.accord` is outside", "`schemes/../../outside/*.accord` is outside",
                        "`plan/shared` is outside", "`plan/secret.accord` is outside"] {
            #expect(result.stdout.contains(outside), "\(outside): \(result.stdout)")
        }
        #expect(result.stdout.contains("checked 2 files"), "\(result.stdout)")
    }

    // MARK: Walks: `**` once, never through a linked folder; folder scans stay inside

    /// Checks `plan` including `pattern`: it must finish in seconds, finding the plan and one scheme.
    func expectQuickCleanCheck(including pattern: String, _ label: String) throws {
        try write("plan/plan.accord", "include \"\(pattern)\"\n\n" + Self.plan)
        let started = Date()
        let result = accord(["check", "plan"])
        #expect(Date().timeIntervalSince(started) < 10, "\(label) took \(Date().timeIntervalSince(started)) s")
        #expect(result.stdout == "checked 2 files: no problems\n", "\(result.stdout)")
    }

    @Test func manyDoubleStarsOverADeepChainFinishFast() throws {
        try write((0..<60).reduce("plan") { "\($0)/d\($1)" } + "/deep.accord", Self.scheme)
        try expectQuickCleanCheck(including: "**/**/**/**/*.accord", "four `**` over a 60-deep chain")
    }

    @Test func doubleStarNeverEntersALinkedFolder() throws {
        try write("plan/schemes/a.accord", Self.scheme)
        try link("plan/root", to: "/")
        try link("plan/loop", to: ".")
        try expectQuickCleanCheck(including: "**/*.accord", "`**` beside a link to /")
    }

    @Test func folderScansDoNotFollowLinksOutside() throws {
        try write("repo/plan.accord", Self.plan)
        try write("outside/messy.accord", "partner   X   \"X\"\n")
        try link("repo/link", to: "../outside")
        try link("repo/messy.accord", to: "../outside/messy.accord")
        let formatted = accord(["fmt"], in: "repo")
        #expect(formatted.exitCode == 0, "\(formatted)")
        #expect(try String(contentsOfFile: path("outside/messy.accord"), encoding: .utf8) == "partner   X   \"X\"\n", "fmt rewrote a file outside the folder")
        let checked = accord(["check"], in: "repo")
        #expect(checked.stdout.hasSuffix("checked 1 file: 0 errors, 2 warnings\n"), "\(checked.stdout)")
        #expect(!checked.stdout.contains("messy") && !checked.stdout.contains("link"), "\(checked.stdout)")
    }

    // MARK: Walk-around 2: the hook checks every plan, the changed files first

    @Test func allPlansChecksEveryPlanWithTheNamedFilesFirst() throws {
        let share = "\nrisk-share agency \"Agency\" {\n  schemes CIP-01\n  measure cash-releasing\n  years FY22/23\n  shortfall {\n    above TRUST 100%\n  }\n}\n"
        try write("repo/plan.accord", "include \"schemes/*.accord\"\n\n" + Self.plan + share)
        try write("repo/schemes/b.accord", Self.scheme.replacingOccurrences(of: "CIP-01", with: "CIP-02").replacingOccurrences(of: "lead TRUST", with: "lead TRUTS"))
        // As a hook sees a commit deleting schemes/a.accord, which the risk-share term names: no file to name.
        let deleted = accord(["check", "--all-plans"], in: "repo")
        #expect(deleted.stdout.contains("error[E202]: unknown scheme `CIP-01`"), "\(deleted.stdout)")
        #expect(deleted.exitCode == 1)
        // A changed file's problems come first, then the rest of its plan's.
        let named = accord(["check", "--all-plans", "schemes/b.accord"], in: "repo")
        #expect(named.stdout.hasPrefix("schemes/b.accord:5:8: error[E202]: unknown partner `TRUTS`"), "\(named.stdout)")
        #expect(named.stdout.contains("plan.accord:15:11: error[E202]: unknown scheme `CIP-01`"), "\(named.stdout)")
        #expect(named.stdout.contains("checked 2 files: "), "\(named.stdout)")
    }

    // MARK: Walk-around 5: a fragment no plan includes, checked alone

    @Test func aFragmentNoPlanIncludesSaysW415AndNothingFalse() throws {
        try write("plan/plan.accord", "include \"schemes/*.accord\"\n\n" + Self.plan)
        try write("plan/schemes/a.accord", Self.scheme)
        try write("plan/new.accord", Self.scheme.replacingOccurrences(of: "CIP-01", with: "CIP-02"))
        let result = accord(["check", "new.accord"], in: "plan")
        #expect(result.stdout.contains("warning[W415]: new.accord is included by no plan"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("checked 1 file: 0 errors, 1 warning\n"), "\(result.stdout)")
        #expect(result.exitCode == 0)
    }

    // MARK: Walk-around 3: files that cannot be read are said at the file, with the real reason

    /// A sparse file of `size` bytes: no disk is used.
    func makeLarge(_ relative: String, size: UInt64) throws {
        #expect(FileManager.default.createFile(atPath: path(relative), contents: nil))
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(relative))
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    @Test func aFileOverTheLimitIsE109WhereverItIsFound() throws {
        try write("plan/plan.accord", "include \"schemes/*.accord\"\n\n" + Self.plan)
        try write("plan/schemes/a.accord", Self.scheme)
        try makeLarge("plan/schemes/huge.accord", size: 100 * 1024 * 1024)
        try makeLarge("plan/alone.accord", size: 100 * 1024 * 1024)
        let message = "error[E109]: this file is 100 MiB; Accord reads plans of at most 64 MiB"
        let included = accord(["check", "plan/plan.accord"])
        #expect(included.stdout.contains("plan/schemes/huge.accord:1:1: \(message)"), "\(included.stdout)")
        let inFolder = accord(["check", "plan"])
        #expect(inFolder.stdout.contains("plan/alone.accord:1:1: \(message)"), "\(inFolder.stdout)")
        #expect(!inFolder.stdout.contains("W415"), "\(inFolder.stdout)")
        let alone = accord(["check", "plan/alone.accord"])
        #expect(alone.stdout.contains("plan/alone.accord:1:1: \(message)"), "\(alone.stdout)")
        #expect(alone.exitCode == 1)
        for command in ["fmt", "outline"] {
            let result = accord([command, "plan/alone.accord"])
            #expect(result.exitCode == 2, "\(command)")
            #expect(result.stdout.isEmpty, "\(command) printed \(result.stdout.count) characters")
            #expect(result.stderr.contains("this file is 100 MiB"), "\(command): \(result.stderr)")
        }
    }

    @Test func fifosAndOtherSpecialFilesAreNeverRead() throws {
        try write("plan/plan.accord", "include \"f.accord\"\n\n" + Self.plan)
        #expect(mkfifo(path("plan/f.accord"), 0o644) == 0)
        let message = "error[E109]: cannot read this file: not a regular file"
        for arguments in [["check", "plan"], ["check", "plan/plan.accord"], ["check", "plan/f.accord"]] {
            let result = accord(arguments)
            #expect(result.stdout.components(separatedBy: "plan/f.accord:1:1: \(message)").count == 2, "\(arguments): \(result.stdout)")
            #expect(result.exitCode == 1)
        }
        for command in ["fmt", "outline"] {
            let result = accord([command, "plan"])
            #expect(result.exitCode == 2, "\(command)")
            #expect(result.stderr.contains("cannot read plan/f.accord: not a regular file"), "\(command): \(result.stderr)")
        }
        let device = accord(["check", "/dev/zero"])
        #expect(device.stdout.contains("/dev/zero:1:1: \(message)"), "\(device.stdout)")
    }
}
