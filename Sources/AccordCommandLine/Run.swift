#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordDiagnostics
import AccordModel

/// What a command printed and how it ended; `main.swift` writes these out and exits.
public struct CommandResult: Sendable, Equatable {
    public var stdout: String = ""
    public var stderr: String = ""
    public var exitCode: Int32 = 0

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// Everything a command may read from the outside world, so tests run commands in-process.
public struct Invocation: Sendable {
    public var arguments: [String]
    public var stdin: @Sendable () -> [UInt8]
    public var environment: [String: String]
    /// Whether standard output is a terminal (colour is only ever used there).
    public var stdoutIsTerminal: Bool
    /// Relative paths are read from here; nil means the process's current folder.
    public var workingDirectory: String?

    public init(arguments: [String], stdin: @escaping @Sendable () -> [UInt8] = { [] }, environment: [String: String] = [:],
                stdoutIsTerminal: Bool = false, workingDirectory: String? = nil) {
        self.arguments = arguments
        self.stdin = stdin
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.workingDirectory = workingDirectory
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    var colour: Bool { stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty }

    /// A user-given path as the file system should see it.
    func resolve(_ path: String) -> String {
        guard let workingDirectory, !path.hasPrefix("/") else { return path }
        return Path.join(workingDirectory, path)
    }
}

/// Exit statuses, as ruff and ESLint use them.
enum ExitCode {
    static let clean: Int32 = 0
    static let problems: Int32 = 1
    static let usage: Int32 = 2
}

public let accordVersion = "0.1.0"

/// Runs one `accord` command line.
public func run(arguments: [String], stdin: @escaping @Sendable () -> [UInt8] = { [] }, environment: [String: String] = [:]) -> CommandResult {
    run(Invocation(arguments: arguments, stdin: stdin, environment: environment))
}

public func run(_ invocation: Invocation) -> CommandResult {
    var arguments = invocation.arguments
    guard let name = arguments.first else { return CommandResult(stdout: mainHelp) }
    arguments.removeFirst()
    switch name {
    case "--version", "-V", "version":
        return CommandResult(stdout: "accord \(accordVersion)\n")
    case "--help", "-h":
        return CommandResult(stdout: mainHelp)
    case "help":
        guard let topic = arguments.first else { return CommandResult(stdout: mainHelp) }
        guard let command = commands.first(where: { $0.spec.name == topic }) else { return unknownCommand(topic) }
        return CommandResult(stdout: command.spec.helpText)
    default:
        guard let command = commands.first(where: { $0.spec.name == name }) else { return unknownCommand(name) }
        do {
            let parsed = try command.spec.parse(arguments)
            if parsed.wantsHelp { return CommandResult(stdout: command.spec.helpText) }
            var context = CommandContext(invocation: invocation, arguments: parsed)
            command.run(&context)
            return context.result
        } catch {
            return CommandResult(stderr: "accord \(name): \(error.message)\nRun `accord \(name) --help` for its options.\n", exitCode: ExitCode.usage)
        }
    }
}

/// A command: its options and what it does.
struct Command: Sendable {
    let spec: CommandSpec
    let run: @Sendable (inout CommandContext) -> Void
}

/// The state one command works in: its invocation, its arguments, and what it has printed.
struct CommandContext {
    let invocation: Invocation
    let arguments: ParsedArguments
    var result = CommandResult()

    mutating func print(_ text: String) { result.stdout += text }
    mutating func printError(_ text: String) { result.stderr += text }

    /// Reports a usage or I/O problem; the command ends with exit status 2. The message often
    /// quotes a path or argument: shown escaped, it stays one line and sends no terminal escape.
    mutating func fail(_ message: String) {
        result.stderr += "accord: \(DisplayText.escaped(message))\n"
        result.exitCode = ExitCode.usage
    }

    var colour: Bool { invocation.colour }
}

let commands: [Command] = [checkCommand, formatCommand, summaryCommand, evalCommand, diffCommand, historyCommand, modelCommand, outlineCommand, explainCommand, initCommand, importCommand, languageServerCommand]

private func unknownCommand(_ name: String) -> CommandResult {
    let hint = Suggestion.closest(to: name, in: commands.map(\.spec.name)).map { " (did you mean `accord \($0)`?)" } ?? ""
    return CommandResult(stderr: "accord: unknown command `\(name)`\(hint)\nRun `accord --help` for the list of commands.\n", exitCode: ExitCode.usage)
}

private var mainHelp: String {
    let width = commands.map(\.spec.name.count).max() ?? 0
    let list = commands.map { "  \($0.spec.name)\(String(repeating: " ", count: width - $0.spec.name.count + 2))\($0.spec.summary)" }
    return """
    accord \(accordVersion): check, format and report on system savings plans.

    Usage: accord COMMAND [OPTIONS] [PATH…]

    Commands:
    \(list.joined(separator: "\n"))
      help COMMAND  show the options of a command

    Run `accord COMMAND --help` for a command's options. Exit status: 0 clean (warnings allowed),
    1 the plan has errors, 2 the tool was used wrongly.

    """
}

/// The process environment as a dictionary.
public func currentEnvironment() -> [String: String] {
    var variables: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
        let pair = String(cString: entry)
        if let equals = pair.firstIndex(of: "=") { variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]) }
        pointer += 1
    }
    return variables
}

/// Writes a result to the real standard output and error, and ends the process with its status.
public func writeAndExit(_ result: CommandResult) -> Never {
    // Nothing is left to tell of a standard output or error that cannot be written.
    _ = POSIX.writeAll(1, Array(result.stdout.utf8))
    _ = POSIX.writeAll(2, Array(result.stderr.utf8))
    exit(result.exitCode)
}
