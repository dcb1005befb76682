@testable import AccordChecks
import AccordDiagnostics
import AccordFormat
@testable import AccordModel
import AccordPlanGenerator
import AccordReports
import AccordSyntax
import Foundation
import Testing

/// Thousands of small mutations of the example plans and of a generated one, with a fixed seed:
/// every one goes through parse → check → fmt → model without a trap or a hang, every diagnostic
/// (and note) lies inside its file, and a mutant without syntax errors formats to text that
/// parses cleanly and formats to itself. `ACCORD_MUTATIONS=50000 swift test --filter Mutation`
/// searches longer; scripts/fuzz.sh searches with coverage guidance.
struct MutationTests {
    @Test func mutatedPlansNeverBreakThePipeline() {
        let seeds = Inputs.seeds()
        #expect(seeds.count >= 5, "too few seed plans under \(Inputs.examples.path)")
        let count = Int(ProcessInfo.processInfo.environment["ACCORD_MUTATIONS"] ?? "") ?? 2000
        var random = SeededRandom(seed: 2026)
        var failures: [String] = []
        for index in 0..<count {
            let seed = seeds[index % seeds.count]
            let mutant = Mutator.mutate(seed.bytes, random: &random)
            let problems = Pipeline.problems(with: mutant)
            // A few failures say enough; each is printed so it can become a regression test.
            if !problems.isEmpty, failures.count < 3 {
                failures.append("mutation \(index) of \(seed.name): \(problems.joined(separator: "; "))\n--- input\n\(String(decoding: mutant, as: UTF8.self))")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}

/// scripts/fuzz.sh compiles the modules itself, outside SwiftPM: a library added to the package
/// but not to its list would break the fuzz build without any other test noticing.
@Test func fuzzScriptBuildsEveryLibraryOfThePackage() throws {
    let package = try String(contentsOf: Inputs.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let script = try String(contentsOf: Inputs.root.appendingPathComponent("scripts/fuzz.sh"), encoding: .utf8)
    let libraries = package.split(separator: "\n").compactMap { line -> String? in
        guard let start = line.range(of: ".target(name: \"") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != "\"" })
    }
    let built = script.split(separator: "\n").first { $0.hasPrefix("for module in ") }.map { $0.split { $0 == " " || $0 == ";" }.map(String.init) } ?? []
    // The generator feeds accord-gen and the tests, not the tool the fuzzer drives.
    let needed = libraries.filter { $0 != "AccordPlanGenerator" }
    #expect(needed.count >= 7, "found \(needed) in Package.swift")
    for library in needed { #expect(built.contains(library), "scripts/fuzz.sh does not build \(library)") }
    // Modules share `package` declarations, which swiftc compiles only with a package name.
    let usesPackageAccess = try FileManager.default.subpathsOfDirectory(atPath: Inputs.root.appendingPathComponent("Sources").path)
        .filter { $0.hasSuffix(".swift") }
        .contains { try String(contentsOf: Inputs.root.appendingPathComponent("Sources/\($0)"), encoding: .utf8).contains("package func ") }
    #expect(!usesPackageAccess || script.contains("-package-name "), "scripts/fuzz.sh compiles `package` declarations without -package-name")
}

enum Inputs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")

    /// The bundled examples, file by file, and a small generated plan.
    static func seeds() -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        let walker = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)
        for case let url as URL in walker?.allObjects ?? [] where url.pathExtension == "accord" {
            if let data = FileManager.default.contents(atPath: url.path) { seeds.append((url.lastPathComponent, Array(data))) }
        }
        seeds.sort { $0.name < $1.name }
        var generated = SyntheticPlan(schemes: 1, seed: 7)
        seeds.append(("generated", Array(generated.write()[0].text.utf8)))
        return seeds
    }
}

/// Byte- and token-level edits of the kinds a hurried editor, a bad merge or a broken encoding make.
enum Mutator {
    static let fragments: [String] = [
        "{", "}", "(", ")", "\"", "#", ";", ",", ".", "..", "=", "-", "+", "*", "/", "£", "%", "\n", "\r\n", "\r", "\t", " ",
        "after M1", "after M1, M2", "£999999999999bn * 1000", "1 / 0", "FY22/24", "2022-02-30", "M13", "1.2.3", "£1.234",
        "let x = x", "scheme", "plan \"p\" {", "milestone M1 {", "include \"*.accord\"", "\u{FEFF}", "é", "“", "\\", "_",
        "00000000000000000000000000000000000000000", "-(-(-(1)))", "share { A 150% }", "actual M12 cash-releasing £1",
    ]

    static func mutate(_ input: [UInt8], random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<random.int(1...3) {
            let at = bytes.isEmpty ? 0 : random.int(0...bytes.count)
            let span = min(random.int(1...12), bytes.count - at)
            switch random.int(0...6) {
            case 0 where span > 0: bytes.removeSubrange(at..<(at + span))
            case 1 where span > 0: bytes.insert(contentsOf: bytes[at..<(at + span)], at: at)
            case 2 where at < bytes.count: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 3: bytes.insert(contentsOf: Array(random.pick(fragments).utf8), at: at)
            case 4: bytes.insert(0xFF, at: at) // never valid UTF-8
            case 5:
                // Swap two lines, as a bad merge does.
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                lines.swapAt(random.int(0...(lines.count - 1)), random.int(0...(lines.count - 1)))
                bytes = Array(lines.joined(separator: [0x0A]))
            default: bytes.removeSubrange(at...) // a file cut short
            }
        }
        return bytes
    }
}

/// One plan file through every stage, returning what went wrong (nothing, normally).
enum Pipeline {
    struct OneFile: PlanFileAccess {
        let bytes: [UInt8]
        func read(_ path: String) throws(FileAccessError) -> [UInt8] {
            guard path == "/plan/plan.accord" else { throw FileAccessError("no such file") }
            return bytes
        }
        func entries(_ folder: String) -> [String] { folder == "/plan" ? ["plan.accord"] : [] }
        func isDirectory(_ path: String) -> Bool { path == "/plan" }
        func isSymbolicLink(_ path: String) -> Bool { false }
        func realPath(_ path: String) -> String? { path == "/plan/plan.accord" || path == "/plan" ? path : nil }
    }

    static func problems(with bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let parsed = parse(SourceFile(path: "plan.accord", bytes: bytes))
        if parsed.syntaxErrors.isEmpty {
            let once = Formatter.format(parsed.tree)
            let again = parse(SourceFile(path: "plan.accord", text: once))
            if !again.syntaxErrors.isEmpty { problems.append("formatting made a syntax error") }
            if Formatter.format(again.tree) != once { problems.append("formatting twice differs from once") }
        }
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: OneFile(bytes: bytes), rootBytes: bytes, rootParse: parsed)
        let checked = PlanCheck.run(sources, today: AccordModel.Date(year: 2022, month: 9, day: 30))
        for diagnostic in checked.diagnostics {
            let places = [(diagnostic.file, diagnostic.range)] + diagnostic.notes.map { ($0.file, $0.range) }
            for (file, range) in places {
                guard let file else { continue }
                if range.lowerBound < 0 || range.upperBound > file.bytes.count {
                    problems.append("\(diagnostic.code) at \(range) outside its file of \(file.bytes.count) bytes")
                }
            }
            _ = diagnostic.start // line and column of every diagnostic can be shown
        }
        _ = ModelJSON.render(checked)
        return problems
    }
}
