import AccordSyntax

/// The plan an import builds up row by row, then writes as Accord text.
struct PlanBuilder {
    /// One scheme's facts, merged from every row with its ref.
    struct Scheme {
        var name: String
        var originalRef: String?
        var sources: [(sheet: String, rows: [Int])] = []
        var title: (text: String, place: Place)?
        /// Attribute lines by keyword (`status delivery`), each with the cell it came from.
        var lines: [String: (text: String, place: Place)] = [:]
        /// TODO comments by where they go: an attribute keyword, `savings FY23/24` or `scheme`.
        var todos: [String: [String]] = [:]
        var savings: [Int: [ImportMap.Field: (amount: String, place: Place)]] = [:]
        var milestones: [(name: String, title: String, due: LiteralText.Date)] = []
    }

    let source: String
    private(set) var schemes: [Scheme] = []
    private var schemeIndex: [String: Int] = [:]
    private var partners = Declared()
    private var areas = Declared()
    private var people = Declared()
    private var planTodos: [String] = []
    /// Row numbers skipped as subtotals or totals, by sheet.
    private var totalRows: [String: [Int]] = [:]
    private(set) var todoCount = 0

    init(source: String) { self.source = source }

    /// Refs (as header keys) that mark a row adding up others rather than a scheme.
    static let totalRefs: Set<String> = ["total", "subtotal", "grandtotal"]

    static let attributeOrder = ["area", "level", "status", "lead", "partners", "sro", "confidence", "recurrent", "approved"]

    mutating func add(_ row: Row, targets: [Int: ImportMap.Target], headers: [String], sheet: String) {
        let mapped = targets.keys.sorted()
        guard mapped.contains(where: { !row[$0].isEmpty }) else { return }
        func place(_ column: Int) -> Place { Place(sheet: sheet, row: row.number, column: column, header: headers[column]) }
        guard let refColumn = targets.first(where: { $0.value == .field(.ref) })?.key else { return }
        let ref: String
        switch CellValues.text(row[refColumn]) {
        case .value(let text) where Self.totalRefs.contains(ImportHeaders.key(text)):
            // A subtotal or total adds up rows already read (the summary's scheme-savings sheet
            // has both); reading it as a scheme would count its savings twice.
            return totalRows[sheet, default: []].append(row.number)
        case .value(let text): ref = text
        case .none:
            let filled = mapped.filter { !row[$0].isEmpty }.map { LiteralText.quoted(headers[$0]) }
            return planTodo("sheet \(LiteralText.quoted(sheet)) row \(row.number): no scheme ref in column \(Sheet.columnName(refColumn)) (\(headers[refColumn])), so its \(filled.joined(separator: ", ")) were not imported")
        case .problem(let reason):
            return planTodo("\(place(refColumn).text): \(reason); the row was not imported")
        }
        let name = ImportNames.name(ref, prefix: "S")
        let index = schemeIndex[name] ?? {
            schemes.append(Scheme(name: name, originalRef: name == ref ? nil : ref))
            schemeIndex[name] = schemes.count - 1
            return schemes.count - 1
        }()
        var scheme = schemes[index]
        defer { schemes[index] = scheme }
        if let last = scheme.sources.indices.last, scheme.sources[last].sheet == sheet { scheme.sources[last].rows.append(row.number) }
        else { scheme.sources.append((sheet, [row.number])) }

        let yearColumn = targets.first { $0.value == .field(.year) }?.key
        let year = yearColumn.map { CellValues.year(row[$0]) }
        for column in mapped where !row[column].isEmpty {
            let at = place(column)
            switch targets[column]! {
            case .field(.ref), .field(.year): break
            case .field(.title):
                guard let title = value(CellValues.text(row[column]), at, "scheme", &scheme) else { break }
                if let existing = scheme.title, existing.text != title {
                    todo("\(at.text): \(LiteralText.quoted(title)) differs from \(existing.place.text); kept \(LiteralText.quoted(existing.text))", "scheme", &scheme)
                } else if scheme.title == nil {
                    scheme.title = (title, at)
                }
            case .field(.area):
                guard let text = value(CellValues.text(row[column]), at, "area", &scheme) else { break }
                set("area \(areas.add(text, prefix: "area"))", at, "area", &scheme)
            case .field(.level):
                let reading = CellValues.keyword(row[column], ["system", "place", "organisation"], aliases: ["organization": "organisation"], what: "a level")
                if let level = value(reading, at, "level", &scheme) { set("level \(level)", at, "level", &scheme) }
            case .field(.status):
                let reading = CellValues.keyword(row[column], Grammar.statuses, aliases: ["complete": "closed", "completed": "closed", "in-delivery": "delivery"], what: "a status")
                if let status = value(reading, at, "status", &scheme) { set("status \(status)", at, "status", &scheme) }
            case .field(.lead):
                guard let text = value(CellValues.text(row[column]), at, "lead", &scheme) else { break }
                set("lead \(partners.add(text, prefix: "P"))", at, "lead", &scheme)
            case .field(.partners):
                guard let text = value(CellValues.text(row[column]), at, "partners", &scheme) else { break }
                let names = Self.splitNames(text).map { partners.add($0, prefix: "P") }
                set("partners \(names.joined(separator: ", "))", at, "partners", &scheme)
            case .field(.sro):
                guard let text = value(CellValues.text(row[column]), at, "sro", &scheme) else { break }
                set("sro \(people.add(text, prefix: "person"))", at, "sro", &scheme)
            case .field(.confidence):
                let reading = CellValues.keyword(row[column], Grammar.ragRatings, aliases: ["g": "green", "a": "amber", "r": "red"], what: "a confidence rating")
                if let rating = value(reading, at, "confidence", &scheme) { set("confidence \(rating)", at, "confidence", &scheme) }
            case .field(.recurrent):
                let aliases = ["y": "yes", "n": "no", "true": "yes", "false": "no", "recurrent": "yes", "non-recurrent": "no", "nonrecurrent": "no",
                               "r": "yes", "nr": "no", "1": "yes", "0": "no"]
                let reading = CellValues.keyword(row[column], ["yes", "no"], aliases: aliases, what: "yes or no")
                if let answer = value(reading, at, "recurrent", &scheme) { set("recurrent \(answer)", at, "recurrent", &scheme) }
            case .field(.approved):
                if let date = value(CellValues.date(row[column]), at, "approved", &scheme) { set("approved \(date.iso)", at, "approved", &scheme) }
            case .field(let dimension):
                switch year {
                case .value(let y)?: saving(CellValues.money(row[column]), year: y, dimension, at, &scheme)
                case .problem(let reason)?: todo("\(place(yearColumn!).text): \(reason), so \(at.text) was not imported", "scheme", &scheme)
                case .none?: todo("\(at.text): an amount with no year in column \(Sheet.columnName(yearColumn!)) (\(headers[yearColumn!]))", "scheme", &scheme)
                case nil: todo("\(at.text): an amount, but no column gives its year (map a `year` column, or `savings FY23/24 \(dimension.rawValue)` columns)", "scheme", &scheme)
                }
            case .savings(let y, let dimension):
                saving(CellValues.money(row[column]), year: y, dimension, at, &scheme)
            case .milestone(let name, let title):
                if let due = value(CellValues.date(row[column]), at, "milestone", &scheme), !scheme.milestones.contains(where: { $0.name == name }) {
                    scheme.milestones.append((name, title, due))
                }
            }
        }
    }

    /// `ESNEFT, WSFT`, `ESNEFT; WSFT` or (names only) `ESNEFT WSFT`.
    static func splitNames(_ text: String) -> [String] {
        let parts = text.split { $0 == "," || $0 == ";" || $0 == "\n" }.map { String($0).trimmed }.filter { !$0.isEmpty }
        if parts.count == 1, parts[0].contains(" ") {
            let words = parts[0].split(separator: " ").map(String.init)
            if words.allSatisfy(ImportNames.isName), words.allSatisfy({ $0 == $0.uppercased() || $0.contains("-") }) { return words }
        }
        return parts
    }

    /// The value read, or nil (with a TODO where `key` goes when the cell could not be read).
    private mutating func value<Value>(_ reading: Reading<Value>, _ at: Place, _ key: String, _ scheme: inout Scheme) -> Value? {
        switch reading {
        case .value(let value): return value
        case .none: return nil
        case .problem(let reason):
            todo("\(at.text): \(reason)", key, &scheme)
            return nil
        }
    }

    private mutating func set(_ line: String, _ at: Place, _ key: String, _ scheme: inout Scheme) {
        if let existing = scheme.lines[key] {
            if existing.text != line { todo("\(at.text) says `\(line)`, but \(existing.place.text) says `\(existing.text)`; kept the first", key, &scheme) }
        } else {
            scheme.lines[key] = (line, at)
        }
    }

    private mutating func saving(_ reading: Reading<String>, year: Int, _ dimension: ImportMap.Field, _ at: Place, _ scheme: inout Scheme) {
        let key = "savings \(LiteralText.financialYear(year))"
        guard let amount = value(reading, at, key, &scheme), amount != "0" else { return }
        if let existing = scheme.savings[year]?[dimension] {
            if existing.amount != amount {
                todo("\(at.text): £\(amount) for \(dimension.rawValue), but \(existing.place.text) gave £\(existing.amount); kept the first", key, &scheme)
            }
        } else {
            scheme.savings[year, default: [:]][dimension] = (amount, at)
        }
    }

    private mutating func todo(_ text: String, _ key: String, _ scheme: inout Scheme) {
        scheme.todos[key, default: []].append(text.oneLine)
        todoCount += 1
    }

    private mutating func planTodo(_ text: String) {
        planTodos.append(text.oneLine)
        todoCount += 1
    }

    /// Partners, people or areas in the order first named, each with the text that named it.
    struct Declared {
        private(set) var all: [(name: String, title: String)] = []
        private var names: Set<String> = []

        /// The name for `text`, added with `text` as its title the first time.
        mutating func add(_ text: String, prefix: String) -> String {
            let name = ImportNames.name(text, prefix: prefix)
            if names.insert(name).inserted { all.append((name, text)) }
            return name
        }
    }

    // MARK: Writing

    func files(title: String?, asOf: LiteralText.Date) -> [(path: String, text: String)] {
        let years = Set(schemes.flatMap(\.savings.keys))
        let first = years.min() ?? asOf.financialYear, last = years.max() ?? asOf.financialYear
        let range = first == last ? LiteralText.financialYear(first) : "\(LiteralText.financialYear(first))..\(LiteralText.financialYear(last))"
        var plan = """
            # Imported from \(source) by `accord import`. Search for TODO: each marks a cell that
            # could not be read, at the place its value belongs.
            include "schemes/*.accord"

            plan \(LiteralText.quoted(title ?? "Imported from \(source)")) {
              years \(range)
              as-of \(asOf.iso)
            }


            """
        for partner in partners.all { plan += "partner \(partner.name) \(LiteralText.quoted(partner.title))\n" }
        if !partners.all.isEmpty { plan += "\n" }
        // Each SRO's partner: the lead of the first scheme they are SRO of that names one.
        var leads: [String: (scheme: String, lead: String)] = [:]
        for scheme in schemes {
            guard let sro = scheme.lines["sro"]?.text, let lead = scheme.lines["lead"]?.text, leads[sro] == nil else { continue }
            leads[sro] = (scheme.name, String(lead.dropFirst("lead ".count)))
        }
        for person in people.all {
            plan += "person \(person.name) \(LiteralText.quoted(person.title)) {\n"
            if let lead = leads["sro \(person.name)"] {
                plan += "  partner \(lead.lead)  # the lead of \(lead.scheme), where this person is SRO: check it\n"
            } else {
                plan += "  # partner: the tracker does not say; add `partner NAME`\n"
            }
            plan += "}\n\n"
        }
        for area in areas.all { plan += "area \(area.name) \(LiteralText.quoted(area.title))\n" }
        for (sheet, rows) in totalRows.sorted(by: { $0.key < $1.key }) {
            plan += "\n# Not imported: sheet \(LiteralText.quoted(sheet)) row\(rows.count == 1 ? "" : "s") \(rows.map(String.init).joined(separator: ", ")), subtotals and totals of the rows read.\n"
        }
        if !planTodos.isEmpty { plan += "\n" + planTodos.map { "# TODO: \($0)\n" }.joined() }
        var files = [(path: "plan.accord", text: plan)]
        var used: Set<String> = []
        for scheme in schemes {
            var file = scheme.name.lowercased(), n = 2
            while used.contains(file) { file = "\(scheme.name.lowercased())-\(n)"; n += 1 }
            used.insert(file)
            files.append(("schemes/\(file).accord", text(scheme)))
        }
        return files
    }

    func text(_ scheme: Scheme) -> String {
        let sources = scheme.sources.map { "sheet \(LiteralText.quoted($0.sheet)) row\($0.rows.count == 1 ? "" : "s") \($0.rows.map(String.init).joined(separator: ", "))" }
        var out = "# Imported from \(source): \(sources.joined(separator: "; ")).\n"
        if let ref = scheme.originalRef { out += "# The tracker's ref is \(LiteralText.quoted(ref)).\n" }
        out += "scheme \(scheme.name)\(scheme.title.map { " " + LiteralText.quoted($0.text) } ?? "") {\n"
        func todos(_ key: String, indent: String = "  ") -> String { (scheme.todos[key] ?? []).map { "\(indent)# TODO: \($0)\n" }.joined() }
        out += todos("scheme")
        for key in Self.attributeOrder {
            if let line = scheme.lines[key] { out += "  \(line.text)\n" }
            out += todos(key)
        }
        let savingsYears = Set(scheme.savings.keys).union(scheme.todos.keys.compactMap { key in
            key.hasPrefix("savings ") ? LiteralText.financialYearStart(String(key.dropFirst("savings ".count))) : nil
        })
        for year in savingsYears.sorted() {
            let key = "savings \(LiteralText.financialYear(year))"
            out += "\n  \(key) {\n"
            for dimension in [ImportMap.Field.cashReleasing, .productivity, .costGrowthAvoided] {
                if let amount = scheme.savings[year]?[dimension] { out += "    \(dimension.rawValue) \(Self.money(amount.amount))\n" }
            }
            out += todos(key, indent: "    ")
            out += "  }\n"
        }
        for milestone in scheme.milestones {
            out += "\n  milestone \(milestone.name) \(LiteralText.quoted(milestone.title)) {\n    due \(milestone.due.iso)\n  }\n"
        }
        out += todos("milestone")
        return out + "}\n"
    }

    /// `1234.5` → `£1234.50`, `-40000` → `-£40000`.
    static func money(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        var digits = negative ? String(plain.dropFirst()) : plain
        if let point = digits.firstIndex(of: "."), digits.distance(from: point, to: digits.endIndex) == 2 { digits += "0" }
        return (negative ? "-£" : "£") + digits
    }
}
