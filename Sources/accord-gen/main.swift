#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordCommandLine
import AccordModel
import AccordPlanGenerator

// accord-gen: writes generated plans (and the benchmark's peer ledgers). See docs/performance.md.
let usage = """
Usage: accord-gen N [--files K] [--seed S] [--awkward] [--out DIR]
       accord-gen --hledger LINES | --beancount LINES

Writes a realistic plan of N schemes that checks without errors. Without --out it is printed as
one file; with --out DIR it is written as DIR/plan.accord and, with --files K (K ≥ 2), the
schemes spread over K - 1 files DIR/schemes/part-NNNN.accord that the root plan includes.
--awkward writes figures that test rounding: thirds of pennies, two-decimal percents, caps.
--hledger / --beancount print a journal or ledger of about LINES lines for the benchmark.

"""

func fail(_ message: String) -> Never {
    writeAndExit(CommandResult(stderr: "accord-gen: \(message)\n\(usage)", exitCode: 2))
}

var arguments = Array(CommandLine.arguments.dropFirst())
var options: [String: Int] = [:]
var out: String?
var count: Int?
var awkward = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--help", "-h": writeAndExit(CommandResult(stdout: usage))
    case "--awkward": awkward = true
    case "--out":
        guard !arguments.isEmpty else { fail("--out takes a folder") }
        out = arguments.removeFirst()
    case "--files", "--seed", "--hledger", "--beancount":
        guard let value = arguments.first.flatMap({ Int($0) }), value >= 0 else { fail("\(argument) takes a whole number") }
        arguments.removeFirst()
        options[argument] = value
    default:
        guard count == nil, let n = Int(argument), n > 0 else { fail("unexpected `\(argument)`") }
        count = n
    }
}

if let lines = options["--hledger"] { writeAndExit(CommandResult(stdout: PeerLedger.hledger(lines: lines))) }
if let lines = options["--beancount"] { writeAndExit(CommandResult(stdout: PeerLedger.beancount(lines: lines))) }
guard let count else { fail("give the number of schemes") }
var plan = SyntheticPlan(schemes: count, files: options["--files"] ?? 1, seed: UInt64(options["--seed"] ?? 1), awkward: awkward)
let files = plan.write()
guard let out else {
    guard files.count == 1 else { fail("--files needs --out DIR") }
    writeAndExit(CommandResult(stdout: files[0].text))
}
for folder in [out] + (files.count > 1 ? [Path.join(out, "schemes")] : []) where !FileSystem.isDirectory(folder) {
    if mkdir(folder, 0o755) != 0 { fail("cannot create \(folder)") }
}
for file in files {
    do { try FileSystem.write(Path.join(out, file.path), Array(file.text.utf8)) } catch { fail("cannot write \(file.path): \(error.reason)") }
}
writeAndExit(CommandResult())
