import AccordCommandLine
import AccordDiagnostics
import AccordReports
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15: hostile plans and hostile file shapes. Nothing hangs, no file is harmed, and no
/// output carries a terminal escape, a forged workflow command or a live formula.
final class HostileInputTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-hostile-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    static let header = "plan \"Hostile\" {\n  years FY22/23\n  as-of 2022-09-30\n}\n"

    func accord(_ arguments: String...) -> CommandResult {
        run(Invocation(arguments: arguments, workingDirectory: folder.path))
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func info(_ name: String) -> stat {
        var info = stat()
        lstat(folder.appendingPathComponent(name).path, &info)
        return info
    }

    /// Seconds `body` takes.
    func timed(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: Hangs

    /// 20,000 `$` on one line were 20,000 diagnostics, each re-reading the line (8 s in JSON, 21 s
    /// and 600 MB in text): now the first few of a kind on a line, then "and N more like this".
    @Test func manyDiagnosticsOnOneLineAreCappedAndQuick() throws {
        try write("dollars.accord", Self.header + "let x = 1 " + String(repeating: "$", count: 20_000) + "\n")
        var text = CommandResult(), json = CommandResult()
        let seconds = timed {
            text = accord("check", "dollars.accord")
            json = accord("check", "--format", "json", "dollars.accord")
        }
        #expect(seconds < 5, "took \(seconds) s")
        #expect(text.stdout.utf8.count < 250_000, "\(text.stdout.utf8.count) bytes of text")
        #expect(text.stdout.contains("and 19,990 more like this"), "\(text.stdout.prefix(2000))")
        #expect(json.stdout.components(separatedBy: "\"E101\"").count - 1 == 10)
    }

    @Test func manyUnknownNamesInOnePartnersLineAreQuick() throws {
        let names = (0..<8000).map { "P\($0)" }.joined(separator: ", ")
        try write("partners.accord", Self.header + "partner A \"A\" { type provider }\narea a \"A\"\nscheme S \"S\" {\n  area a\n  status scoping\n  lead A\n  level organisation\n  partners \(names)\n}\n")
        var result = CommandResult()
        let seconds = timed { result = accord("check", "partners.accord") }
        #expect(seconds < 5, "took \(seconds) s")
        #expect(result.stdout.contains("more like this"))
    }

    // MARK: Harm to files

    static let unformatted = HostileInputTests.header.replacingOccurrences(of: "  years", with: "years")

    @Test func fmtWritesThroughASymlinkToTheRealFile() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        try write("real/p.accord", Self.unformatted)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.accord").path, withDestinationPath: "real/p.accord")
        let result = accord("fmt", "link.accord")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(info("link.accord").st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
        #expect(try read("real/p.accord") == Self.header)
    }

    @Test func fmtKeepsHardLinksOwnerAndMode() throws {
        try write("p.accord", Self.unformatted)
        let path = folder.appendingPathComponent("p.accord").path
        #expect(link(path, folder.appendingPathComponent("hard.accord").path) == 0)
        #expect(chmod(path, 0o640) == 0)
        // Root formats a file another user owns: the file stays theirs (not root's).
        let owner: uid_t = getuid() == 0 ? 4321 : getuid(), group: gid_t = getuid() == 0 ? 4321 : getgid()
        #expect(chown(path, owner, group) == 0)
        let before = info("p.accord")
        let result = accord("fmt", "p.accord")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let after = info("p.accord")
        #expect(after.st_ino == before.st_ino && after.st_nlink == 2, "the hard link was split")
        #expect(try read("hard.accord") == Self.header)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_uid == owner && after.st_gid == group)
    }

    @Test func fmtKeepsOwnerAndModeOfARenamedFile() throws {
        try write("q.accord", Self.unformatted)
        let path = folder.appendingPathComponent("q.accord").path
        #expect(chmod(path, 0o604) == 0)
        let owner: uid_t = getuid() == 0 ? 4321 : getuid()
        #expect(chown(path, owner, getgid()) == 0)
        #expect(accord("fmt", "q.accord").exitCode == 0)
        let after = info("q.accord")
        #expect(after.st_mode & 0o7777 == 0o604 && after.st_uid == owner)
        #expect(try read("q.accord") == Self.header)
    }

    @Test func fmtHandlesTheLongestNames() throws {
        let name = String(repeating: "n", count: 241) + ".accord"
        try write(name, Self.unformatted)
        let result = accord("fmt", name)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try read(name) == Self.header)
    }

    /// A FIFO given to `-o` is written as a stream, never replaced by a regular file.
    @Test func summaryToAFifoStreamsIntoIt() throws {
        try write("plan.accord", Self.header)
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Held open for reading and writing, so the command's open neither blocks nor fails.
        let reader = open(fifo, O_RDWR | O_NONBLOCK)
        defer { close(reader) }
        let result = accord("summary", "-o", "out.fifo", "plan.accord")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(info("out.fifo").st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { POSIX.read(reader, into: $0) }
        #expect(count > 0 && String(decoding: buffer[..<max(count, 0)], as: UTF8.self).contains("Hostile"))
    }

    /// `accord init` promises to write nothing when a target exists, a dangling link included.
    @Test func initWritesNothingWhenReadmeIsADanglingLink() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("README.md").path, withDestinationPath: "nowhere/README.md")
        let result = accord("init", ".")
        #expect(result.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.accord").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitattributes").path))
    }

    /// `FY99/00` means 2099: a year outside 2000–2099 keeps its full form, so `fmt` keeps its meaning.
    @Test func fmtKeepsYearsTwoDigitsWouldChange() throws {
        let plan = "plan \"Centuries\" {\n  years 2099/00..2100/01\n  as-of 2099-09-30\n}\nlet old = 1999/00\nlet older = 0999/00\n"
        try write("years.accord", plan.replacingOccurrences(of: "  years", with: "years"))
        #expect(accord("fmt", "years.accord").exitCode == 0)
        let formatted = try read("years.accord")
        #expect(formatted.contains("years FY99/00..2100/01") && formatted.contains("1999/00") && formatted.contains("0999/00"), "\(formatted)")
        #expect(accord("check", "years.accord").stdout.contains("E103") == false)
    }

    // MARK: Injection and confusion

    /// A file name holding a newline cannot forge a GitHub workflow command in the text output,
    /// and terminal escapes from plan text never reach the terminal.
    @Test func textOutputEscapesControlCharacters() throws {
        let name = "\n::error file=forged.accord,line=1::FORGED.accord"
        try write(name, Self.header + "let title = \"\u{1B}]0;pwned\u{07}\u{1B}[2J\" + $\n")
        let result = accord("check", ".")
        #expect(result.exitCode == 1)
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stdout.contains("\\u{1b}]0;pwned\\u{7}"), "\(result.stdout)")
    }

    @Test func bidirectionalOverridesAreEscapedInMessages() throws {
        try write("bidi.accord", Self.header + "# access granted \u{202E} }⁦ if (admin)\nlet x = \"\u{2066}\" + $\n")
        let result = accord("check", "bidi.accord")
        #expect(!result.stdout.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(result.stdout.contains("\\u{202e}"))
    }

    @Test func evalMarkdownDefusesMentionsAndLineBreaks() throws {
        let plan = try String(contentsOf: GoldenTests.testdata.appendingPathComponent("eval/gain-markdown.accord"), encoding: .utf8)
            .replacingOccurrences(of: "plan \"Gain share | <b>pilot</b> *draft*\"", with: "plan \"Ping @octocat\\n# heading\"")
        try write("eval.accord", plan)
        let result = accord("eval", "--format", "markdown", "eval.accord")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("@octocat"), "\(result.stdout.prefix(300))")
        #expect(!result.stdout.contains("\n# heading") && result.stdout.contains("heading"), "\(result.stdout.prefix(300))")
    }

    @Test func csvNeutralisesFormulaLookAlikes() {
        for hostile in ["\n=1+1", "\u{A0}=1+1", "\u{200B}@SUM(A1)", "\u{FF1D}1+1", "\u{FE63}1", "\u{FF0B}1", "\u{FF20}x", "\r=1", " =1", "\t=1", "\u{FE66}1", "\u{2212}1"] {
            #expect(SummaryCSV.neutralised(hostile).hasPrefix("'"), "\(hostile.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(EvalCSV.text(hostile).hasPrefix("'") || EvalCSV.text(hostile).hasPrefix("\"'"), "\(hostile.debugDescription)")
        }
        #expect(SummaryCSV.neutralised("Outpatients") == "Outpatients")
    }

    /// `# header` then a lone CR: the comment ends there, as it does for an editor.
    @Test func aLoneCarriageReturnEndsAComment() throws {
        try write("cr.accord", Self.header + "# header\rpartner P \"P\" { type provider }\n")
        let result = accord("check", "cr.accord")
        #expect(result.stdout.contains("W407"), "\(result.stdout)")
        #expect(result.stdout.contains("cr.accord:6:"), "\(result.stdout)")
    }

    @Test func datesBeforeTheYear1000KeepFourDigits() throws {
        try write("old.accord", "plan \"Old\" {\n  years FY22/23\n  as-of 0999-01-01\n}\n")
        let model = accord("model", "old.accord")
        #expect(model.stdout.contains("\"0999-01-01\""), "\(model.stdout.prefix(400))")
        let summary = accord("summary", "--format", "json", "old.accord")
        #expect(summary.stdout.contains("\"0999-01-01\""))
        try write("due.accord", Self.header + "partner P \"P\" { type provider }\narea a \"A\"\nscheme S \"S\" {\n  area a\n  status scoping\n  lead P\n  level organisation\n  milestone M0 { due 0999-01-01 }\n}\n")
        let csv = accord("summary", "--format", "csv", "--table", "milestones", "due.accord")
        #expect(csv.stdout.contains("0999-01-01") && !csv.stdout.contains(",999-01-01"), "\(csv.stdout)")
    }
}
