import AccordFigures
import AccordModel
import AccordSyntax

/// The updates table and the risk register: shown only when the plan has updates or risks, so
/// a plan without them reads exactly as before.
extension SummaryTables {
    /// The tables this summary has (`names`, less updates and risks when there are none): what
    /// the workbook and `--format csv -o FOLDER` write.
    public static func names(of s: ProgrammeSummary) -> [String] {
        names.filter { ($0 != "updates" || !s.updates.isEmpty) && ($0 != "risks" || !s.risks.isEmpty) }
    }

    public static func updates(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "updates", title: "Updates: each scheme's latest", columns: [
            column("scheme"), column("status"), column("date"), column("age days", numeric: true), column("stale"),
            column("update", "text", flexible: true),
        ], rows: s.updates.map { u in [
            .text(u.scheme), .text(u.status?.rawValue), .date(u.latest?.date), u.ageDays.map(SummaryCell.count) ?? .none,
            .text(u.stale ? "yes" : "no"), .text(u.latest?.text),
        ] }, note: "The latest update dated on or before the as-of date; age in days as of that date. Stale: in delivery or refresh with no update within the plan's limit (W419).")
    }

    public static func risks(_ s: ProgrammeSummary) -> SummaryTable {
        func step(_ n: Int?) -> SummaryCell { n.map(SummaryCell.count) ?? .none }
        return SummaryTable(name: "risks", title: "Risks: highest score first", columns: [
            column("scheme"), column("risk"), column("title", flexible: true), column("L", "likelihood", numeric: true),
            column("I", "impact", numeric: true), column("score", numeric: true), column("band"), column("owner"), column("status"),
            column("review"), column("mitigation", inText: false),
        ], rows: s.risks.map { r in [
            .text(r.scheme ?? "programme"), .text(r.name), .text(r.title), step(r.likelihood), step(r.impact), step(r.score),
            .text(r.band?.rawValue), .text(r.owner), .text(r.status.rawValue), .date(r.review), .text(r.mitigation),
        ] }, note: "Score = likelihood (L) × impact (I), each 1–5; bands of the NHS 5×5 matrix: 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. Highest score first, then by id.")
    }
}

extension SummaryJSON {
    /// `updates` and `risks`, present only when the plan has any (docs/summary.schema.json).
    static func updatesAndRisks(_ s: ProgrammeSummary) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if !s.updates.isEmpty {
            fields.append(("updates", .array(s.updates.map { u in .object([
                ("scheme", .string(u.scheme)), ("status", .string(u.status?.rawValue)),
                ("date", u.latest.map { .string(ModelJSON.iso($0.date)) } ?? .null), ("ageDays", u.ageDays.map(JSONValue.int) ?? .null),
                ("stale", .bool(u.stale)), ("text", .string(u.latest?.text)),
            ]) })))
        }
        if !s.risks.isEmpty {
            fields.append(("risks", .array(s.risks.map { .object([("scheme", .string($0.scheme))] + ModelJSON.risk($0)) })))
        }
        return fields
    }
}

extension ModelJSON {
    /// A risk's fields, as the model and the summary's register write them.
    static func risk(_ r: Risk) -> [(String, JSONValue)] {
        [
            ("id", .string(r.name)), ("title", .string(r.title)),
            ("likelihood", r.likelihood.map(JSONValue.int) ?? .null), ("impact", r.impact.map(JSONValue.int) ?? .null),
            ("score", r.score.map(JSONValue.int) ?? .null), ("band", .string(r.band?.rawValue)), ("owner", .string(r.owner)),
            ("mitigation", .string(r.mitigation)), ("status", .string(r.status.rawValue)), ("review", .string(r.review.map(iso))),
        ]
    }

    /// A scheme's `updates` and `risks`, and the programme's `risks`: written only when there are
    /// some, so a plan without them gives the model it gave before (docs/model.schema.json).
    static func updatesAndRisks(updates: [SchemeUpdate], risks: [Risk]) -> [(String, JSONValue)] {
        (updates.isEmpty ? [] : [("updates", .array(updates.map { .object([("date", .string(iso($0.date))), ("text", .string($0.text))]) }))])
            + (risks.isEmpty ? [] : [("risks", .array(risks.map { .object(risk($0)) }))])
    }
}
