import AccordSyntax

/// Names as Accord writes them, made from tracker text.
enum ImportNames {
    /// Whether `text` is an Accord name: a letter, then letters, digits and `_`, single `-` between.
    static func isName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLetter(first), bytes.last != UInt8(ascii: "-") else { return false }
        for (i, b) in bytes.enumerated() where !(isLetter(b) || isDigit(b) || b == UInt8(ascii: "_")) {
            guard b == UInt8(ascii: "-"), bytes[i - 1] != UInt8(ascii: "-") else { return false }
        }
        return true
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// A name for `text`: itself when it is one, else its letters and digits joined by `-`
    /// (`A. Smith` → `A-Smith`), starting with `prefix` when it would not start with a letter.
    static func name(_ text: String, prefix: String) -> String {
        let trimmed = text.trimmed
        if isName(trimmed) { return trimmed }
        var out = "", gap = false
        for scalar in trimmed.unicodeScalars {
            if scalar.isASCII, isLetter(UInt8(scalar.value)) || isDigit(UInt8(scalar.value)) || scalar == "_" {
                if gap, !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                gap = false
            } else {
                gap = true
            }
        }
        if out.isEmpty || !isLetter(out.utf8.first!) { out = prefix + (out.isEmpty ? "" : "-" + out) }
        return out
    }
}

/// Recognising tracker headers: the names programme trackers commonly use for each field.
enum ImportHeaders {
    /// Lower case letters and digits only: `Scheme Ref.` → `schemeref`.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
    }

    static let synonyms: [ImportMap.Field: [String]] = [
        .ref: ["ref", "schemeref", "scheme", "schemereference", "schemeid", "schemeno", "schemenumber", "reference", "id", "projectref", "projectid", "cipref"],
        .title: ["title", "schemetitle", "schemename", "name", "description", "schemedescription", "projectname", "projecttitle"],
        .area: ["area", "workstream", "programmearea", "programme", "theme", "portfolio", "areaname"],
        .level: ["level", "schemelevel"],
        .status: ["status", "stage", "schemestatus", "phase", "gateway"],
        .lead: ["lead", "leadorganisation", "leadorganization", "leadorg", "leadpartner", "organisation", "organization", "org", "leadprovider"],
        .partners: ["partners", "partnerorganisations", "partnerorganizations", "organisations", "organizations", "partnersinvolved"],
        .sro: ["sro", "seniorresponsibleofficer", "seniorresponsibleowner", "executivelead", "execlead"],
        .confidence: ["confidence", "rag", "ragrating", "ragstatus", "deliveryconfidence", "confidencerag", "riskrating"],
        .recurrent: ["recurrent", "recurring", "recurrentnonrecurrent", "rnr", "recurrence", "recurrentornonrecurrent"],
        .approved: ["approved", "approvaldate", "approvedon", "dateapproved", "businesscaseapproved", "approvedate"],
        .year: ["year", "financialyear", "fy", "savingsyear"],
        .cashReleasing: ["cashreleasing", "cr", "cash", "cashreleasingsavings", "crsavings"],
        .productivity: ["productivity", "prod", "productivitysavings"],
        .costGrowthAvoided: ["costgrowthavoided", "cga", "costavoidance", "costavoided"],
    ]

    static let fieldByKey: [String: ImportMap.Field] = {
        var table: [String: ImportMap.Field] = [:]
        for (field, keys) in synonyms { for key in keys { table[key] = field } }
        return table
    }()

    /// Words after a year that still mean a planned saving (`FY23/24 savings`, `2023/24 plan`).
    static let plannedWords: Set<String> = ["", "savings", "saving", "plan", "planned", "target", "value", "total", "totalsavings"]

    /// What a header holds, judged by its text; nil when it is not recognised.
    static func guess(_ header: String, milestoneNumber: Int) -> ImportMap.Target? {
        let k = key(header)
        guard !k.isEmpty else { return nil }
        if let field = fieldByKey[k] { return .field(field) }
        if let (year, rest) = yearPrefix(header) {
            if plannedWords.contains(rest) { return .savings(year: year, dimension: .cashReleasing) }
            if let field = fieldByKey[rest], field.isAmount { return .savings(year: year, dimension: field) }
            return nil
        }
        if k.hasPrefix("milestone"), k.count > "milestone".count {
            var title = Substring(header.trimmed.dropFirst("milestone".count))
            while let first = title.first, first == ":" || first == "-" || first == " " || first == "–" { title = title.dropFirst() }
            return .milestone(name: "M\(milestoneNumber)", title: String(title))
        }
        return nil
    }

    /// The financial year a header names (`FY23/24 CR`, `2023/24`, `23-24 CR`, `FY 2023/24`) and
    /// the key of what follows it.
    static func yearPrefix(_ header: String) -> (Int, String)? {
        var chars = Substring(header.trimmed.uppercased())
        if chars.hasPrefix("FY") { chars = chars.dropFirst(2).drop { $0 == " " } }
        let first = chars.prefix { $0.isASCII && $0.isNumber }
        guard first.count == 2 || first.count == 4, let separator = chars.dropFirst(first.count).first, separator == "/" || separator == "-" else { return nil }
        let afterSeparator = chars.dropFirst(first.count + 1)
        let second = afterSeparator.prefix { $0.isASCII && $0.isNumber }
        guard second.count == 2, let a = Int(first), let b = Int(second) else { return nil }
        let start = first.count == 2 ? 2000 + a : a
        guard (start + 1) % 100 == b else { return nil }
        return (start, key(String(afterSeparator.dropFirst(2))))
    }

    /// The header row of a sheet: the row among the first 20 with the most recognised headers
    /// (the map's, else the usual names), one of them the scheme reference. Headers over two rows (a merged year above its
    /// dimensions) are read as one: `FY23/24` over `CR` is `FY23/24 CR`.
    static func findHeaderRow(_ sheet: Sheet, map: ImportMap? = nil) -> Int? {
        var best: (index: Int, score: Int)?
        for index in sheet.rows.indices.prefix(20) {
            let headers = self.headers(sheet, row: index)
            let targets = headers.compactMap { header in
                map.map { $0.columns.first { key($0.header) == key(header) }?.target } ?? guess(header, milestoneNumber: 1)
            }
            guard targets.contains(.field(.ref)) else { continue }
            if best == nil || targets.count > best!.score { best = (index, targets.count) }
        }
        return best?.index
    }

    /// The headers of row `index`; under a merged year header (carried forward from its first
    /// cell), a dimension is read with the year.
    static func headers(_ sheet: Sheet, row index: Int) -> [String] {
        let row = sheet.rows[index]
        let above = index > 0 ? sheet.rows[index - 1] : nil
        var carried = ""
        return row.cells.indices.map { column in
            if let above, case .text(let text) = above[column], !text.trimmed.isEmpty { carried = text.trimmed }
            let own = text(row[column])
            guard !own.isEmpty, yearPrefix(carried) != nil, yearPrefix(own) == nil,
                  case .savings? = guess(carried + " " + own, milestoneNumber: 1) else { return own }
            return carried + " " + own
        }
    }

    /// A header's text on one line.
    static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text.oneLine.trimmed
        case .number(let n): n
        default: ""
        }
    }
}
