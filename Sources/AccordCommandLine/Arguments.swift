import AccordDiagnostics

/// A command's options, declared once: the parser, `--help` and the usage errors read this.
struct CommandSpec: Sendable {
    struct Option: Sendable {
        let name: String
        var short: String? = nil
        /// The placeholder of its value (`FORMAT`), or nil for a flag.
        var value: String? = nil
        let help: String

        /// Options several commands take, worded once so `--help` says the same everywhere.
        static let asOf = Option(name: "as-of", value: "DATE", help: "check as of this date (else the plan's `as-of`, else today)")
        /// The report commands' (`summary`, `history`) formats (summary adds xlsx), file and CSV table.
        static let reportFormat = Option(name: "format", value: "FORMAT", help: "text (default), markdown, json, csv or html")
        static let output = Option(name: "output", short: "o", value: "FILE", help: "write to FILE instead of standard output (csv without --table: a folder)")
        static func table(_ names: [String]) -> Option {
            Option(name: "table", value: "NAME", help: "csv only: the one table to write (\(names.joined(separator: ", ")))")
        }
        static let stdinFilename = Option(name: "stdin-filename", value: "PATH", help: "the name to report for a plan read from `-` (standard input)")
    }

    let name: String
    let usage: String
    let summary: String
    let options: [Option]
    /// Extra paragraphs for `--help`.
    var details: String = ""

    var helpText: String {
        var text = "\(summary)\n\nUsage: \(usage)\n\nOptions:\n"
        let all = options + [Option(name: "help", short: "h", help: "show this help")]
        let labels = all.map { option in
            (option.short.map { "-\($0), " } ?? "    ") + "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
        }
        let width = labels.map(\.count).max() ?? 0
        for (label, option) in zip(labels, all) {
            text += "  \(label)\(String(repeating: " ", count: width - label.count + 2))\(option.help)\n"
        }
        if !details.isEmpty { text += "\n\(details)\n" }
        return text
    }
}

struct UsageError: Error {
    let message: String
}

/// The result of reading a command's arguments.
struct ParsedArguments {
    var flags: Set<String> = []
    var values: [String: String] = [:]
    var positionals: [String] = []
    var wantsHelp = false

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

extension CommandSpec {
    /// Reads `--name`, `--name=value`, `--name value`, `-x value`; `--` ends options; a lone `-`
    /// is a path (standard input). Unknown options are usage errors, as users of linters expect.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "--help" || argument == "-h" { parsed.wantsHelp = true; continue }
            var name = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            let isLong = argument.hasPrefix("--")
            guard let option = options.first(where: { isLong ? $0.name == name : $0.short == name }) else {
                let known = options.map(\.name) + ["help"]
                let hint = Suggestion.closest(to: name, in: known).map { " (did you mean --\($0)?)" } ?? ""
                throw UsageError(message: "unknown option `\(argument)`\(hint)")
            }
            if option.value != nil {
                if let inlineValue {
                    parsed.values[option.name] = inlineValue
                } else if index < arguments.count {
                    parsed.values[option.name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "`--\(option.name)` needs a value: --\(option.name) \(option.value!)")
                }
            } else {
                if inlineValue != nil { throw UsageError(message: "`--\(option.name)` takes no value") }
                parsed.flags.insert(option.name)
            }
        }
        return parsed
    }
}
