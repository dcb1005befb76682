// libFuzzer entry point over the whole pipeline; built and run by scripts/fuzz.sh, not by SwiftPM.
// Each input is one plan file. Any trap (a crash, an overflow, a failed precondition below) or
// hang is a finding; scripts/fuzz.sh keeps the input that caused it.
import AccordCommandLine
import AccordDiagnostics
import AccordFormat
import AccordSyntax

/// The commands each input goes through, reading the plan from standard input. One line per
/// command: add `["summary", "-"]` and `["eval", "-", "--scenario", "downside"]` when they land.
let commands: [[String]] = [
    ["check", "-", "--as-of", "2022-09-30"],
    ["check", "-", "--format", "json"],
    ["fmt", "-"],
    ["model", "-", "--as-of", "2022-09-30"],
].map { $0 + ["--stdin-filename", home] }

/// The plan's name: in a folder that does not exist, so an `include` finds nothing on disk.
let home = "/nonexistent-accord-fuzz/plan.accord"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The front end's own promises: every byte has a home, every diagnostic lies in its file, and
    // a file without syntax errors formats to text that formats to itself.
    let file = SourceFile(path: "fuzz.accord", bytes: bytes)
    let parsed = parse(file)
    precondition(Array(parsed.tree.sourceText.utf8) == bytes || parsed.syntaxErrors.contains { $0.code == .E109 },
                 "the tree does not print back to its source")
    for diagnostic in parsed.diagnostics {
        precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= bytes.count, "a diagnostic outside its file")
    }
    if parsed.syntaxErrors.isEmpty {
        let once = Formatter.format(parsed.tree)
        let again = parse(SourceFile(path: "fuzz.accord", text: once))
        precondition(again.syntaxErrors.isEmpty, "formatting made a syntax error")
        precondition(Formatter.format(again.tree) == once, "formatting is not idempotent")
    }
    for arguments in commands {
        let result = run(Invocation(arguments: arguments, stdin: { bytes }))
        precondition(result.exitCode >= 0 && result.exitCode <= 2, "exit status \(result.exitCode) from accord \(arguments[0])")
    }
    return 0
}
