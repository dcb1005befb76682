import AccordSyntax

/// A tracker (rows of schemes, or of schemes and years) turned into a plan folder: `plan.accord`
/// with the partners, people and areas found, and one file per scheme under `schemes/`. Rows of
/// the same scheme ref are merged, across sheets too. Every cell that cannot be read becomes a
/// `# TODO` comment where its value belongs, naming its sheet, row and column; nothing is
/// dropped without a word. The text is laid out roughly; the command formats it.
public enum TrackerImport {
    public struct Output: Sendable {
        public var files: [(path: String, text: String)]
        /// The map used: the one given, or the guess from the headers.
        public var map: ImportMap
        /// Columns with a header that nothing reads, and map headers no sheet has.
        public var unmapped: [String]
        public var todos: Int
        public var schemes: Int
    }

    /// `source` names the tracker in comments; `today` is the as-of date when the map gives none.
    public static func run(_ sheets: [Sheet], map given: ImportMap?, source: String, today: LiteralText.Date) throws(SpreadsheetError) -> Output {
        var builder = PlanBuilder(source: source)
        var map = given ?? ImportMap()
        var unmapped: [String] = []
        var found: Set<String> = []
        for sheet in try chooseSheets(sheets, map: given) {
            let headerIndex: Int
            if let row = given?.headerRow {
                guard let index = sheet.rows.firstIndex(where: { $0.number == row }) else {
                    throw SpreadsheetError("sheet \"\(sheet.name)\" has no row \(row) (the map's header-row)")
                }
                headerIndex = index
            } else if let index = ImportHeaders.findHeaderRow(sheet, map: given) {
                headerIndex = index
            } else {
                throw SpreadsheetError("sheet \"\(sheet.name)\": no row in the first 20 has a scheme reference header (such as \"Scheme ref\"); write a map (`accord import --example-map`) and pass it with --map")
            }
            let headers = ImportHeaders.headers(sheet, row: headerIndex)
            var targets: [Int: ImportMap.Target] = [:]
            var milestones = 0
            for (column, header) in headers.enumerated() where !header.isEmpty {
                let target: ImportMap.Target?
                if let given {
                    target = given.columns.first { ImportHeaders.key($0.header) == ImportHeaders.key(header) }?.target
                } else {
                    target = ImportHeaders.guess(header, milestoneNumber: milestones + 1)
                    if case .milestone? = target { milestones += 1 }
                    if let target, !map.columns.contains(where: { $0.target == target && ImportHeaders.key($0.header) == ImportHeaders.key(header) }) {
                        map.columns.append(ImportMap.Column(target: target, header: header))
                    }
                }
                if let target, !targets.values.contains(target) {
                    targets[column] = target
                    found.insert(ImportHeaders.key(header))
                } else {
                    unmapped.append("sheet \(LiteralText.quoted(sheet.name)) column \(Sheet.columnName(column)) \(LiteralText.quoted(header))")
                }
            }
            guard targets.values.contains(.field(.ref)) else {
                let wanted = given?.columns.first { $0.target == .field(.ref) }.map { " (the map's ref \(LiteralText.quoted($0.header)))" } ?? ""
                throw SpreadsheetError("sheet \(LiteralText.quoted(sheet.name)) has no scheme ref column\(wanted) in row \(sheet.rows[headerIndex].number)")
            }
            if given == nil, sheets.count > 1 { map.sheets.append(sheet.name) }
            for row in sheet.rows[(headerIndex + 1)...] {
                builder.add(row, targets: targets, headers: headers, sheet: sheet.name)
            }
        }
        for column in given?.columns ?? [] where !found.contains(ImportHeaders.key(column.header)) {
            unmapped.append("map column \(LiteralText.quoted(column.header)): no sheet has this header")
        }
        let files = builder.files(title: given?.planTitle, asOf: given?.asOf ?? today)
        return Output(files: files, map: map, unmapped: unmapped, todos: builder.todoCount, schemes: builder.schemes.count)
    }

    /// The map's sheets, or every sheet with a scheme reference header and more (a CSV's one).
    static func chooseSheets(_ sheets: [Sheet], map: ImportMap?) throws(SpreadsheetError) -> [Sheet] {
        if let map, !map.sheets.isEmpty {
            var chosen: [Sheet] = []
            for name in map.sheets {
                guard let sheet = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw SpreadsheetError("the workbook has no sheet \(LiteralText.quoted(name)); its sheets are \(sheets.map { LiteralText.quoted($0.name) }.joined(separator: ", "))")
                }
                chosen.append(sheet)
            }
            return chosen
        }
        if sheets.count == 1 || map != nil { return Array(sheets.prefix(1)) }
        let withSchemes = sheets.filter { sheet in
            guard let index = ImportHeaders.findHeaderRow(sheet) else { return false }
            let targets = ImportHeaders.headers(sheet, row: index).compactMap { ImportHeaders.guess($0, milestoneNumber: 1) }
            return targets.contains { target in
                if case .field(let field) = target { return ![.ref, .title, .year].contains(field) }
                return true
            }
        }
        return withSchemes.isEmpty ? Array(sheets.prefix(1)) : withSchemes
    }
}

/// Where a cell is, as a TODO names it.
struct Place {
    var sheet: String
    var row: Int
    var column: Int
    var header: String
    var text: String { "sheet \(LiteralText.quoted(sheet)) row \(row) column \(Sheet.columnName(column)) (\(header))" }
}

/// A cell read as one kind of value: the value, nothing, or why it could not be read.
enum Reading<Value> {
    case value(Value)
    case none
    case problem(String)
}

/// Reading cells as Accord values.
enum CellValues {
    static func text(_ cell: Cell) -> Reading<String> {
        switch cell {
        case .empty: .none
        // Line breaks and tabs stay (a string literal escapes them); other control characters,
        // which no plan string may hold, become spaces.
        case .text(let text): text.trimmed.isEmpty ? .none : .value(String(text.trimmed.unicodeScalars.map {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" ? " " : Character($0)
        }))
        case .number(let number): .value(number)
        case .date(let y, let m, let d): .value(LiteralText.Date(year: y, month: m, day: d).iso)
        case .boolean(let b): .value(b ? "yes" : "no")
        case .unreadable(let reason): .problem(reason)
        }
    }

    /// `£1.2m`, `250k`, `(1,000)`, `-£40,000.50`, a number cell: plain decimal pounds, rounded
    /// half-even to the penny.
    static func money(_ cell: Cell) -> Reading<String> {
        let raw: String
        switch cell {
        case .number(let number): raw = number
        case .text(let text): raw = text
        case .empty: return .none
        case .unreadable(let reason): return .problem(reason)
        case .date, .boolean: return .problem("\(shown(cell)) is not an amount of money")
        }
        var t = raw.trimmed.lowercased().filter { $0 != "," && $0 != " " && $0 != "£" && $0 != "_" }
        if ["", "-", "–", "—", "nil"].contains(t) { return .none }
        var negative = false
        if t.hasPrefix("("), t.hasSuffix(")") { negative = true; t = String(t.dropFirst().dropLast()) }
        var exponent = 0
        for (suffix, power) in [("bn", 9), ("m", 6), ("k", 3)] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count))
            exponent = power
            break
        }
        guard !t.contains("e"), let plain = DecimalText.plain(t + "e\(exponent)") else { return .problem("\(LiteralText.quoted(raw)) is not an amount of money") }
        let pennies = roundedToPennies(plain)
        return .value(negative && pennies != "0" ? (pennies.hasPrefix("-") ? String(pennies.dropFirst()) : "-" + pennies) : pennies)
    }

    /// Plain decimal text rounded half-even to two places, without trailing zeros.
    static func roundedToPennies(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count > 2 else { return plain }
        var kept = Array(parts[0] + parts[1].prefix(2)).map { Int(String($0))! }
        let rest = parts[1].dropFirst(2)
        let first = Int(String(rest.first!))!, tail = rest.dropFirst().contains { $0 != "0" }
        if first > 5 || (first == 5 && (tail || kept.last! % 2 == 1)) {
            var i = kept.count - 1
            while i >= 0 { kept[i] += 1; if kept[i] < 10 { break }; kept[i] = 0; i -= 1 }
            if i < 0 { kept.insert(1, at: 0) }
        }
        let text = kept.map(String.init).joined()
        return DecimalText.plain((negative ? "-" : "") + text.dropLast(2) + "." + text.suffix(2)) ?? plain
    }

    /// A date cell, or text as `2022-04-12`, `12/04/2022` or `12/04/22` (day first, as in the UK).
    static func date(_ cell: Cell) -> Reading<LiteralText.Date> {
        switch cell {
        case .empty: return .none
        case .date(let y, let m, let d):
            let date = LiteralText.Date(year: y, month: m, day: d)
            return isValid(date) ? .value(date) : .problem("\(date.iso) is not a date")
        case .unreadable(let reason): return .problem(reason)
        case .text(let raw):
            let t = raw.trimmed
            if t.isEmpty { return .none }
            if let date = LiteralText.date(String(t.prefix(10))), isValid(date), t.count == 10 || t.dropFirst(10).first == "T" || t.dropFirst(10).first == " " {
                return .value(date)
            }
            let parts = t.split { $0 == "/" || $0 == "." || $0 == "-" }
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 {
                if parts[2].count == 2 { y += 2000 }
                let date = LiteralText.Date(year: y, month: m, day: d)
                if isValid(date) { return .value(date) }
            }
            return .problem("\(LiteralText.quoted(t)) is not a date (write 2022-04-12 or 12/04/2022)")
        default: return .problem("\(shown(cell)) is not a date")
        }
    }

    static func isValid(_ d: LiteralText.Date) -> Bool {
        (1900...9999).contains(d.year) && (1...12).contains(d.month) && d.day >= 1 && d.day <= LiteralText.daysInMonth(year: d.year, month: d.month)
    }

    /// `FY23/24`, `2023/24`, `23/24`, `2023-24`, or a starting year `2023`.
    static func year(_ cell: Cell) -> Reading<Int> {
        switch text(cell) {
        case .none: return .none
        case .problem(let reason): return .problem(reason)
        case .value(let t):
            if let (year, rest) = ImportHeaders.yearPrefix(t), rest.isEmpty { return .value(year) }
            if t.count == 4, let year = Int(t), year >= 1900 { return .value(year) }
            return .problem("\(LiteralText.quoted(t)) is not a financial year (write FY23/24 or 2023/24)")
        }
    }

    /// One of `allowed`, matched ignoring case, with spaces as `-`; `aliases` map other spellings.
    static func keyword(_ cell: Cell, _ allowed: [String], aliases: [String: String] = [:], what: String) -> Reading<String> {
        switch text(cell) {
        case .none: return .none
        case .problem(let reason): return .problem(reason)
        case .value(let t):
            let k = t.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
            if allowed.contains(k) { return .value(k) }
            if let alias = aliases[k] { return .value(alias) }
            return .problem("\(LiteralText.quoted(t)) is not \(what) (\(allowed.joined(separator: ", ")))")
        }
    }

    static func shown(_ cell: Cell) -> String {
        if case .value(let t) = text(cell) { return LiteralText.quoted(t) }
        return "the cell"
    }
}
