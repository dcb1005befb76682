import AccordSyntax

/// Which tracker column holds what (`accord import --map FILE`). One fact a line, `#` comments:
///
///     sheet "Schemes"                       # xlsx: a sheet to read (repeatable); default: guessed
///     header-row 2                          # default: found by its recognised headers
///     plan-title "SNEE efficiency programme"
///     as-of 2022-09-30
///     ref "Scheme ref"                      # FIELD "Column header", for each field below
///     savings FY23/24 cash-releasing "FY23/24 CR"
///     milestone M1 "Business case approved" "BC date"
///
/// Headers match ignoring case, spaces and punctuation (`"Scheme ref"` finds `SCHEME_REF`).
public struct ImportMap: Sendable, Equatable {
    /// What a column holds.
    public enum Field: String, CaseIterable, Sendable {
        case ref, title, area, level, status, lead, partners, sro, confidence, recurrent, approved, year
        case cashReleasing = "cash-releasing", productivity, costGrowthAvoided = "cost-growth-avoided"

        var isAmount: Bool { [.cashReleasing, .productivity, .costGrowthAvoided].contains(self) }
    }

    public enum Target: Sendable, Equatable {
        case field(Field)
        /// One year's savings in one dimension, the tracker's "wide" layout (`FY23/24 CR`).
        case savings(year: Int, dimension: Field)
        /// A milestone whose due date the column holds.
        case milestone(name: String, title: String)
    }

    public struct Column: Sendable, Equatable {
        public var target: Target
        public var header: String
    }

    public var sheets: [String] = []
    public var headerRow: Int?
    public var planTitle: String?
    public var asOf: LiteralText.Date?
    public var columns: [Column] = []

    public init() {}

    /// Reads a map file; a line it cannot read is an error naming `file:line`.
    public static func parse(_ text: String, file: String) throws(SpreadsheetError) -> ImportMap {
        var map = ImportMap()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let place = "\(file):\(index + 1)"
            let words: [Word]
            do throws(SpreadsheetError) { words = try Word.split(String(line)) } catch { throw SpreadsheetError("\(place): \(error.message)") }
            guard let head = words.first else { continue }
            func fail(_ message: String) -> SpreadsheetError { SpreadsheetError("\(place): \(message)") }
            func quoted(_ i: Int) throws(SpreadsheetError) -> String {
                guard i < words.count, words[i].quoted else { throw fail("`\(head.text)` takes a quoted column header or name, as in: \(head.text) \"Scheme ref\"") }
                return words[i].text
            }
            switch head.text {
            case "sheet":
                map.sheets.append(try quoted(1))
            case "header-row":
                guard words.count == 2, let n = Int(words[1].text), n >= 1 else { throw fail("`header-row` takes a row number, as in: header-row 2") }
                map.headerRow = n
            case "plan-title":
                map.planTitle = try quoted(1)
            case "as-of":
                guard words.count == 2, let date = LiteralText.date(words[1].text) else { throw fail("`as-of` takes a date, as in: as-of 2022-09-30") }
                map.asOf = date
            case "savings":
                guard words.count == 4, let year = LiteralText.financialYearStart(words[1].text),
                      let dimension = Field(rawValue: words[2].text), dimension.isAmount else {
                    throw fail("write: savings FY23/24 cash-releasing \"Column header\" (dimensions: cash-releasing, productivity, cost-growth-avoided)")
                }
                map.columns.append(Column(target: .savings(year: year, dimension: dimension), header: try quoted(3)))
            case "milestone":
                guard words.count == 4, !words[1].quoted, ImportNames.isName(words[1].text) else {
                    throw fail("write: milestone M1 \"Milestone title\" \"Column header\"")
                }
                map.columns.append(Column(target: .milestone(name: words[1].text, title: try quoted(2)), header: try quoted(3)))
            default:
                guard let field = Field(rawValue: head.text) else {
                    let known = ["sheet", "header-row", "plan-title", "as-of", "savings", "milestone"] + Field.allCases.map(\.rawValue)
                    throw fail("unknown line `\(head.text)`; a map line starts with one of: \(known.joined(separator: ", "))")
                }
                guard words.count == 2 else { throw fail("write: \(field.rawValue) \"Column header\"") }
                map.columns.append(Column(target: .field(field), header: try quoted(1)))
            }
        }
        guard map.columns.contains(where: { $0.target == .field(.ref) }) else {
            throw SpreadsheetError("\(file): the map names no `ref` column (the scheme reference), as in: ref \"Scheme ref\"")
        }
        return map
    }

    /// The map as text `parse` reads back: what `--example-map` prints and a guess shows.
    public var text: String {
        var lines: [String] = []
        if let planTitle { lines.append("plan-title \(LiteralText.quoted(planTitle))") }
        if let asOf { lines.append("as-of \(asOf.iso)") }
        lines += sheets.map { "sheet \(LiteralText.quoted($0))" }
        if let headerRow { lines.append("header-row \(headerRow)") }
        for column in columns {
            let header = LiteralText.quoted(column.header)
            switch column.target {
            case .field(let field): lines.append("\(field.rawValue) \(header)")
            case .savings(let year, let dimension): lines.append("savings \(LiteralText.financialYear(year)) \(dimension.rawValue) \(header)")
            case .milestone(let name, let title): lines.append("milestone \(name) \(LiteralText.quoted(title)) \(header)")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A map for the workbook `accord summary --format xlsx` writes, each line explained.
    public static let example = """
        # An `accord import` map: which tracker column holds what. One line each; `#` starts a
        # comment. Headers match ignoring case, spaces and punctuation. This one reads the workbook
        # `accord summary --format xlsx` writes; change the headers in quotes to your tracker's.
        plan-title "Imported programme"   # the plan's title (default: from the file name)
        # as-of 2022-09-30                # the plan's as-of date (default: today)
        sheet "schemes"                   # xlsx: the sheets to read, rows merged by ref (default: guessed)
        sheet "scheme-savings"
        # header-row 1                    # the row of headers (default: found)
        ref "scheme"                      # the scheme reference: one row per scheme, or per scheme and year
        title "title"
        area "area"
        level "level"                     # system, place or organisation
        status "status"                   # idea, scoping, approved, delivery, refresh, closure, closed, withdrawn
        lead "lead"                       # the lead partner
        partners "partners"               # partners, separated by commas (or spaces)
        # sro "SRO"                       # the senior responsible officer (a person)
        confidence "confidence"           # green, amber, red (or G, A, R)
        recurrent "recurrent"             # yes or no
        # approved "Approval date"
        year "year"                       # the year of a row's amounts (FY23/24, 2023/24)
        cash-releasing "CR"               # planned amounts: numbers, or text such as £1.2m, 250k, (1,000)
        productivity "prod."
        cost-growth-avoided "CGA"
        # savings FY23/24 cash-releasing "FY23/24 CR"      # one year and dimension per column
        # milestone M1 "Business case approved" "BC date"  # a milestone's due date per column

        """
}

/// A word or a quoted string of a map line.
struct Word: Equatable {
    var text: String
    var quoted: Bool

    static func split(_ line: String) throws(SpreadsheetError) -> [Word] {
        var words: [Word] = [], current = "", inQuotes = false, escaped = false, wasQuoted = false
        func flush() {
            if !current.isEmpty || wasQuoted { words.append(Word(text: current, quoted: wasQuoted)) }
            current = ""
            wasQuoted = false
        }
        for c in line {
            if inQuotes {
                if escaped { current.append(c == "n" ? "\n" : c == "t" ? "\t" : c); escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { inQuotes = false }
                else { current.append(c) }
            } else if c == "\"" {
                flush()
                inQuotes = true
                wasQuoted = true
            } else if c == "#" {
                break
            } else if c.isWhitespace {
                flush()
            } else {
                current.append(c)
            }
        }
        if inQuotes { throw SpreadsheetError("a quoted header is never closed (a `\"` is missing)") }
        flush()
        return words
    }
}
