import AccordCommandLine
import AccordDiagnostics
import Foundation
import Testing

/// `accord check --format json|sarif|github`: what the goldens (`testdata/check/format-*.accord`)
/// cannot show — validity against the SARIF schema, paths that need encoding or escaping, and
/// the shape of every document.
struct DiagnosticFormatTests {
    static let testdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("testdata")
    /// The OASIS SARIF 2.1.0 schema, kept with the tests (its provenance is in `testdata/sarif/README.md`).
    static let sarifSchema = testdata.appendingPathComponent("sarif/sarif-schema-2.1.0.json")

    static let brokenPlan = """
        plan "Broken: 100%, really" {
          years FY22/23..FY23/24
          as-of 2022-09-30
        }

        partner ESNEFT "East Suffolk and North Essex NHS FT" {
          type provder
        }

        scheme S1 "Théâtre" {
          area planned
          status scoping
          lead WSFT
          milestone M1 "One" { due 2022-12-31 }
          milestone M1 "Two" { due 2023-01-31 }
        }

        """

    /// A fresh folder holding `files` (relative path → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-formats-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func check(_ arguments: [String], in folder: URL) -> CommandResult {
        run(Invocation(arguments: ["check"] + arguments, workingDirectory: folder.path))
    }

    static func jsonObject(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    // MARK: Choosing a format

    @Test func unknownFormatIsAUsageErrorListingTheFormats() throws {
        let folder = try Self.folder(["plan.accord": Self.brokenPlan])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.check(["--format", "xml", "plan.accord"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("text, json, sarif, github"))
    }

    @Test(arguments: ["json", "sarif", "github"])
    func otherFormatsPrintNoTallyAndKeepTheExitStatus(_ format: String) throws {
        let folder = try Self.folder(["plan.accord": Self.brokenPlan, "clean/plan.accord": "plan \"Clean\" {\n  years FY22/23\n  as-of 2022-09-30\n}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = Self.check(["--format", format, "plan.accord"], in: folder)
        #expect(broken.exitCode == 1)
        #expect(!broken.stdout.contains("checked 1 file"))
        let clean = Self.check(["--format", format, "clean/plan.accord"], in: folder)
        #expect(clean.exitCode == 0)
        #expect(!clean.stdout.contains("checked 1 file"))
        if format == "json" { #expect(clean.stdout == "[]\n") }
        if format == "github" { #expect(clean.stdout.isEmpty) }
    }

    // MARK: JSON

    @Test func jsonHasEveryFieldForEveryDiagnostic() throws {
        let folder = try Self.folder(["plan.accord": Self.brokenPlan])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.check(["--format", "json", "plan.accord"], in: folder)
        let array = try #require(try Self.jsonObject(result.stdout) as? [[String: Any]])
        #expect(array.count >= 3)
        for object in array {
            #expect(Set(object.keys) == ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "help", "notes"])
            #expect(object["file"] as? String == "plan.accord")
            #expect(object["line"] is Int && object["column"] is Int && object["endLine"] is Int && object["endColumn"] is Int)
            #expect(DiagnosticCode(rawValue: object["code"] as? String ?? "") != nil)
            #expect(["error", "warning"].contains(object["severity"] as? String))
            #expect(object["help"] is String || object["help"] is NSNull)
            #expect(object["notes"] is [Any])
        }
    }

    // MARK: GitHub

    @Test func githubEscapesPropertiesAndMessages() throws {
        let folder = try Self.folder(["plans, v2: draft/100% plan.accord": Self.brokenPlan])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.check(["--format", "github", "./plans, v2: draft/100% plan.accord"], in: folder)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=plans%2C v2%3A draft/100%25 plan.accord,line=") || line.hasPrefix("::warning file=plans%2C v2%3A draft/100%25 plan.accord,line="))
            // Properties end at the first `::`; escaping keeps every `:` of the path out of them.
            let properties = line.dropFirst(2).prefix { $0 != ":" }
            #expect(properties.contains(",title=E") || properties.contains(",title=W"), "\(line)")
        }
        #expect(result.stdout.contains("title=E105::`provder` is not a partner type help: did you mean `provider`?"))
    }

    // MARK: SARIF

    @Test func sarifListsEveryRuleAndResultsPointAtTheirRule() throws {
        let folder = try Self.folder(["plan.accord": Self.brokenPlan])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.check(["--format", "sarif", "plan.accord"], in: folder)
        #expect(result.exitCode == 1)
        let log = try #require(try Self.jsonObject(result.stdout) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "accord")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == DiagnosticCode.allCases.map(\.rawValue))
        let names = rules.compactMap { $0["name"] as? String }
        #expect(Set(names).count == DiagnosticCode.allCases.count, "rule names should be distinct")
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count >= 3)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "plan.accord")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        }
        let base = try #require((runs[0]["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        #expect(base["uri"] as? String == URL(fileURLWithPath: folder.path, isDirectory: true).absoluteString)
    }

    @Test func sarifURIsArePercentEncodedAndAbsolutePathsAreFileURIs() throws {
        let folder = try Self.folder(["my plans/plan #1 é.accord": Self.brokenPlan])
        defer { try? FileManager.default.removeItem(at: folder) }
        let relative = Self.check(["--format", "sarif", "./my plans/plan #1 é.accord"], in: folder)
        #expect(relative.stdout.contains("\"uri\": \"my%20plans/plan%20%231%20%C3%A9.accord\""))
        let absolute = Self.check(["--format", "sarif", folder.appendingPathComponent("my plans/plan #1 é.accord").path], in: folder)
        let fileURI = URL(fileURLWithPath: folder.path + "/my plans/plan #1 é.accord").absoluteString
        #expect(absolute.stdout.contains("\"uri\": \"\(fileURI)\""))
        #expect(!absolute.stdout.contains("\"uriBaseId\""))
    }

    /// Runs `accord check --format sarif` on broken plans and validates each log against the OASIS
    /// schema with Python's `jsonschema`, checking `uri` formats too (jsonschema skips them
    /// unless told how).
    @Test(Tools.needed(SARIFSchemaValidator.isAvailable,
                       "SKIPPED: SARIF schema validation needs python3 with the jsonschema module (pip install jsonschema)"))
    func sarifIsValidAgainstTheOfficialSchema() throws {
        let folder = try Self.folder(["my plans/plan #1.accord": Self.brokenPlan, "clean/plan.accord": "plan \"Clean\" {\n  years FY22/23\n  as-of 2022-09-30\n}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs: [(String, CommandResult)] = [
            ("broken plan", Self.check(["--format", "sarif", "my plans/plan #1.accord"], in: folder)),
            ("absolute path", Self.check(["--format", "sarif", folder.appendingPathComponent("my plans/plan #1.accord").path], in: folder)),
            ("every check golden", Self.check(["--format", "sarif", "check"], in: Self.testdata)),
            ("no problems", Self.check(["--format", "sarif", "clean/plan.accord"], in: folder)),
        ]
        for (name, result) in logs {
            #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
            let failure = try SARIFSchemaValidator.validate(result.stdout)
            #expect(failure == nil, "\(name): SARIF log does not match the schema:\n\(failure ?? "")")
        }
    }
}

/// Validates SARIF with Python's `jsonschema` against the schema in `testdata/sarif`.
enum SARIFSchemaValidator {
    static let script = #"""
        import json, re, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        log = json.load(open(sys.argv[2], encoding="utf-8"))
        checker = jsonschema.FormatChecker()
        URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*$")
        @checker.checks("uri-reference")
        def is_uri_reference(value):
            return not isinstance(value, str) or URI_CHARACTERS.match(value) is not None
        @checker.checks("uri")
        def is_uri(value):
            return is_uri_reference(value) and (not isinstance(value, str) or re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", value) is not None)
        validator = jsonschema.Draft4Validator(schema, format_checker=checker)
        errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """#

    static var isAvailable: Bool { (try? Python.run(["-c", "import jsonschema"]).status) == 0 }

    /// nil when `log` is valid SARIF 2.1.0; otherwise what is wrong.
    static func validate(_ log: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).sarif")
        try log.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Python.run(["-c", script, DiagnosticFormatTests.sarifSchema.path, file.path])
        return status == 0 ? nil : output
    }
}
