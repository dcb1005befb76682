import AccordCommandLine
import AccordModel
import Foundation
import Testing

/// `git` as found on PATH; nil when it is not there.
private let gitOnPath: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
/// Under CI a missing git fails these tests rather than skipping them.
private let underCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

/// `accord history` against a scratch repository of thirteen commits over eleven months: the plan
/// appears (after a commit without it), schemes are added, withdrawn and re-scored, savings and
/// envelopes change, actuals arrive, critical milestones slip and complete, and August's only
/// commit breaks the plan. Every format is compared with `testdata/history/NAME.expected`
/// (`ACCORD_UPDATE_GOLDEN=1 swift test` rewrites them).
@Suite(.enabled(if: gitOnPath != nil || underCI, "git is not on PATH (with CI set, this fails instead)"))
final class HistoryTests {
    let folder: URL

    init() throws {
        guard let git = gitOnPath else { throw GitMissing() }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans/schemes"), withIntermediateDirectories: true)
        try Self.git(git, ["init", "-q", "-b", "main"], in: folder)
        for step in HistoryRepository.steps {
            for (path, text) in step.files {
                let url = folder.appendingPathComponent(path)
                if let text { try text.write(to: url, atomically: true, encoding: .utf8) } else { try FileManager.default.removeItem(at: url) }
            }
            try Self.git(git, ["add", "-A"], in: folder)
            try Self.git(git, ["commit", "-q", "-m", step.message], in: folder, date: step.date)
            if let tag = step.tag { try Self.git(git, ["tag", tag], in: folder) }
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct GitMissing: Error, CustomStringConvertible {
        var description: String { "git is not on PATH, and CI is set: install git" }
    }

    static func git(_ git: String, _ arguments: [String], in folder: URL, date: String = "2022-01-01T12:00:00+00:00") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1",
                               "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    func accord(_ arguments: [String]) -> CommandResult {
        run(Invocation(arguments: arguments, workingDirectory: folder.path))
    }

    func transcript(_ arguments: [String]) -> String {
        let result = accord(arguments)
        var text = "$ accord \(arguments.joined(separator: " "))\n\(result.stdout)"
        if !result.stderr.isEmpty { text += "--- stderr\n\(result.stderr)" }
        return text + "--- exit \(result.exitCode)\n"
    }

    static let goldens: [(name: String, arguments: [String])] = [
        ("text", ["history", "plans/plan.accord"]),
        ("markdown", ["history", "--format", "markdown", "plans"]),
        ("json", ["history", "--format", "json", "plans"]),
        ("html", ["history", "--format", "html", "plans"]),
        ("weeks", ["history", "--every", "week", "--since", "2022-09-01", "plans"]),
        ("board", ["history", "--at", "board-*,HEAD", "plans"]),
        ("commits-between-tags", ["history", "--every", "commit", "--since", "board-2022-09", "--until", "board-2022-12", "--format", "markdown", "plans"]),
    ]

    @Test(arguments: goldens.map(\.name))
    func golden(_ name: String) throws {
        let arguments = Self.goldens.first { $0.name == name }!.arguments
        try GoldenTests.match(transcript(arguments), GoldenTests.testdata.appendingPathComponent("history/\(name).expected"), "history/\(name)")
    }

    /// Every CSV table, one after another in one golden file.
    @Test func csvTables() throws {
        let text = ["periods", "position", "savings", "partners", "movement", "in-year", "scheme-movement", "scheme-changes", "milestones", "slips"]
            .map { transcript(["history", "--format", "csv", "--table", $0, "plans"]) }.joined()
        try GoldenTests.match(text, GoldenTests.testdata.appendingPathComponent("history/csv.expected"), "history/csv")
    }

    @Test func csvFolderAndOutputFile() throws {
        #expect(accord(["history", "--format", "csv", "-o", "out", "plans"]).exitCode == 0)
        let table = try String(contentsOf: folder.appendingPathComponent("out/slips.csv"), encoding: .utf8)
        #expect(table == accord(["history", "--format", "csv", "--table", "slips", "plans"]).stdout)
        #expect(accord(["history", "--format", "html", "-o", "history.html", "plans"]).stdout.isEmpty)
        #expect(try String(contentsOf: folder.appendingPathComponent("history.html"), encoding: .utf8)
                == accord(["history", "--format", "html", "plans"]).stdout)
    }

    /// The broken revision is counted, never charted as zeros, and movement runs around it.
    @Test func theBrokenRevisionIsLeftOutNotZero() throws {
        let json = try JSONSerialization.jsonObject(with: Data(accord(["history", "--format", "json", "plans"]).stdout.utf8)) as! [String: Any]
        let periods = json["periods"] as! [[String: Any]]
        #expect(periods.map { $0["period"] as! String } == ["2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12", "2023-01"],
                "March has no plan yet: skipped")
        let august = periods[4]
        #expect(august["errors"] as? Int == 1)
        #expect(august["figures"] is NSNull)
        let movements = json["movements"] as! [[String: Any]]
        let around = movements.first { $0["from"] as? String == "2022-07" }!
        #expect(around["to"] as? String == "2022-09")
        #expect(around["passedOver"] as? [String] == ["2022-08"])
        // Ending at the broken commit: its plan has errors, so the exit status says so.
        let ending = accord(["history", "--until", "HEAD~6", "plans"])
        #expect(ending.exitCode == 1)
        #expect(ending.stdout.contains("  2022-08-09  2022-08-31       1         7        —  left out: the plan has errors"))
    }

    /// A plan at the top of its repository: the commits are those of the whole tree.
    @Test func aPlanAtTheTop() throws {
        let top = folder.appendingPathComponent("top")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        try Self.git(gitOnPath!, ["init", "-q"], in: top)
        for (month, asOf) in [("05", "2022-05-31"), ("06", "2022-06-30")] {
            try HistoryRepository.plan(asOf: asOf).replacingOccurrences(of: "include \"schemes/*.accord\"\n", with: "")
                .write(to: top.appendingPathComponent("plan.accord"), atomically: true, encoding: .utf8)
            try Self.git(gitOnPath!, ["add", "-A"], in: top)
            try Self.git(gitOnPath!, ["commit", "-q", "-m", "month \(month)"], in: top, date: "2022-\(month)-10T10:00:00+00:00")
        }
        let result = accord(["history", "--format", "csv", "--table", "periods", "top/plan.accord"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").dropFirst().map { $0.prefix(8) } == ["\"2022-05", "\"2022-06"])
    }

    @Test func jsonValidatesAgainstItsSchema() throws {
        let (status, messages) = try JSONSchemaValidator.validate(document: accord(["history", "--format", "json", "plans"]).stdout,
                                                                  against: SummaryTests.root.appendingPathComponent("docs/history.schema.json").path)
        #expect(status == 0, "\(messages)")
    }

    @Test func usageErrors() {
        #expect(accord(["history", "--every", "year", "plans"]).stderr.hasPrefix("accord: unknown --every `year`"))
        #expect(accord(["history", "--at", "HEAD", "--every", "week", "plans"]).exitCode == 2)
        #expect(accord(["history", "--format", "csv", "plans"]).exitCode == 2)
        #expect(accord(["history", "--until", "no-such-rev", "plans"]).stderr.hasPrefix("accord: cannot read the history of "))
        #expect(accord(["history", "--since", "2030-01-01", "plans"]).stderr == "accord: no revision in the range has plans/plan.accord\n")
    }
}

/// The commits of the scratch repository: each step's files (nil deletes) and its date.
enum HistoryRepository {
    struct Step {
        var date: String
        var message: String
        var files: [String: String?]
        var tag: String? = nil
    }

    static func plan(asOf: String, trustEnvelope: String = "£300k") -> String {
        """
        include "schemes/*.accord"

        plan "History test programme" {
          years FY22/23..FY23/24
          as-of \(asOf)
        }

        partner TRUST "A trust" {
          type provider
        }
        partner CCG "A commissioner" {
          type commissioner
        }

        person pat "Pat Lee" {
          partner TRUST
          capacity 1
        }

        area corporate "Back office"

        envelope TRUST {
          FY22/23 \(trustEnvelope)
        }
        envelope CCG {
          FY22/23 £100k
        }

        """
    }

    /// A-01: delivery, with a critical milestone and a metric.
    static func agency(lead: String = "TRUST", confidence: String = "amber", inYear: String = "", milestone: String = "", nextYear: String = "£250k",
                       metric: String = "") -> String {
        """
        scheme A-01 "Agency rates" {
          area corporate
          level organisation
          status delivery
          lead \(lead)
          sro pat
          confidence \(confidence)

          savings FY22/23 {
            cash-releasing £200k
            productivity £50k\(inYear)
          }
          savings FY23/24 {
            cash-releasing \(nextYear)
          }

          milestone M1 "Rate card agreed" {
            due 2022-07-31
            critical\(milestone)
          }

          metric shifts "Agency shifts" {
            kind activity
            better lower
            baseline 400 at 2022-03
            target 300 by 2023-03\(metric)
          }
        }

        """
    }

    static func estates(amount: String, status: String = "scoping") -> String {
        """
        scheme B-02 "Estates rationalisation" {
          area corporate
          level organisation
          status \(status)
          lead CCG
          confidence red

          savings FY22/23 {
            cash-releasing \(amount)
          }
        }

        """
    }

    static func outpatients(amount: String, status: String = "scoping", confidence: String = "amber", extra: String = "", milestone: String = "") -> String {
        """
        scheme C-03 "Outpatients" {
          area corporate
          level system
          status \(status)
          lead TRUST
          partners TRUST, CCG
          confidence \(confidence)

          savings FY22/23 {
            cash-releasing \(amount)\(extra)
          }

          share {
            TRUST 60%
            CCG 40%
          }\(milestone)
        }

        """
    }

    static let julyActuals = "\n    actual M1 cash-releasing £15k\n    actual M2 cash-releasing £15k\n    actual M3 cash-releasing £20k\n    forecast cash-releasing £180k"
    static let septemberActuals = julyActuals + "\n    actual M4 cash-releasing £10k\n    actual M5 cash-releasing £10k"
    static let octoberActuals = septemberActuals.replacingOccurrences(of: "£180k", with: "£170k") + "\n    actual M6 cash-releasing £20k"
    static let clinics = "\n\n  milestone M1 \"Virtual clinics live\" {\n    due 2023-01-31\n    critical\n  }"
    static let clinicsSlip = "\n\n  milestone M1 \"Virtual clinics live\" {\n    due 2023-01-31\n    critical\n    forecast 2023-02-28\n  }"
    static let delivered = "\n    cost-growth-avoided £40k"

    static let steps: [Step] = [
        Step(date: "2022-03-20T10:00:00+00:00", message: "Start the plan folder", files: ["plans/README.md": "The programme's plan will live here.\n"]),
        Step(date: "2022-04-12T10:00:00+01:00", message: "First plan", files: [
            "plans/plan.accord": plan(asOf: "2022-04-30"), "plans/schemes/a.accord": agency(), "plans/schemes/b.accord": estates(amount: "£100k")]),
        Step(date: "2022-04-28T16:30:00+01:00", message: "Estates grows", files: ["plans/schemes/b.accord": estates(amount: "£120k")]),
        Step(date: "2022-05-20T09:00:00+01:00", message: "Add outpatients", files: [
            "plans/plan.accord": plan(asOf: "2022-05-31"), "plans/schemes/c.accord": outpatients(amount: "£80k")]),
        Step(date: "2022-06-15T11:00:00+01:00", message: "A-01 green; rate card slips a month", files: [
            "plans/plan.accord": plan(asOf: "2022-06-30"),
            "plans/schemes/a.accord": agency(confidence: "green", milestone: "\n    forecast 2022-08-31")]),
        Step(date: "2022-07-10T14:00:00+01:00", message: "July actuals", files: [
            "plans/plan.accord": plan(asOf: "2022-07-31"),
            "plans/schemes/a.accord": agency(confidence: "green", inYear: julyActuals, milestone: "\n    forecast 2022-08-31", metric: "\n    actual 390 at 2022-06")]),
        Step(date: "2022-08-09T10:00:00+01:00", message: "=Work in progress | <b>draft</b> @pmo", files: [
            "plans/plan.accord": plan(asOf: "2022-08-31"),
            "plans/schemes/a.accord": agency(lead: "NOBODY", confidence: "green", inYear: julyActuals, milestone: "\n    forecast 2022-08-31", metric: "\n    actual 390 at 2022-06")]),
        Step(date: "2022-09-14T10:00:00+01:00", message: "Fix the lead; withdraw estates; rate card slips again", files: [
            "plans/plan.accord": plan(asOf: "2022-09-30"),
            "plans/schemes/a.accord": agency(confidence: "green", inYear: septemberActuals, milestone: "\n    forecast 2022-10-31", metric: "\n    actual 390 at 2022-06"),
            "plans/schemes/b.accord": estates(amount: "£120k", status: "withdrawn")], tag: "board-2022-09"),
        Step(date: "2022-10-03T10:00:00+01:00", message: "Outpatients grows and starts delivery", files: [
            "plans/plan.accord": plan(asOf: "2022-10-31"),
            "plans/schemes/c.accord": outpatients(amount: "£120k", status: "delivery", extra: delivered).replacingOccurrences(of: "  lead TRUST\n", with: "  lead TRUST\n  sro pat\n")]),
        Step(date: "2022-10-27T17:00:00+01:00", message: "October actuals", files: [
            "plans/schemes/a.accord": agency(confidence: "green", inYear: octoberActuals, milestone: "\n    forecast 2022-10-31", metric: "\n    actual 390 at 2022-06")]),
        Step(date: "2022-11-18T10:00:00+00:00", message: "Rate card done; virtual clinics milestone", files: [
            "plans/plan.accord": plan(asOf: "2022-11-30"),
            "plans/schemes/a.accord": agency(confidence: "green", inYear: octoberActuals, milestone: "\n    forecast 2022-10-31\n    done 2022-11-10", metric: "\n    actual 390 at 2022-06"),
            "plans/schemes/c.accord": outpatients(amount: "£120k", status: "delivery", extra: delivered, milestone: clinics).replacingOccurrences(of: "  lead TRUST\n", with: "  lead TRUST\n  sro pat\n")]),
        Step(date: "2022-12-09T10:00:00+00:00", message: "Virtual clinics slip; trust envelope raised", files: [
            "plans/plan.accord": plan(asOf: "2022-12-31", trustEnvelope: "£400k"),
            "plans/schemes/c.accord": outpatients(amount: "£120k", status: "delivery", extra: delivered, milestone: clinicsSlip).replacingOccurrences(of: "  lead TRUST\n", with: "  lead TRUST\n  sro pat\n")],
            tag: "board-2022-12"),
        Step(date: "2023-01-20T10:00:00+00:00", message: "Confidence review", files: [
            "plans/plan.accord": plan(asOf: "2023-01-31", trustEnvelope: "£400k"),
            "plans/schemes/a.accord": agency(confidence: "green", inYear: octoberActuals, milestone: "\n    forecast 2022-10-31\n    done 2022-11-10", nextYear: "£300k", metric: "\n    actual 390 at 2022-06"),
            "plans/schemes/c.accord": outpatients(amount: "£120k", status: "delivery", confidence: "green", extra: delivered, milestone: clinicsSlip).replacingOccurrences(of: "  lead TRUST\n", with: "  lead TRUST\n  sro pat\n")]),
    ]
}
