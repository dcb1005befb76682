import AccordLanguageServer
import Testing

/// Completion and hover for updates and risks come from the grammar table: inside a scheme, in
/// a risk's block, and for `update-within` in `rules`.
struct RiskFeatureTests {
    static let schemes = FeatureTests.schemes

    /// Completion labels at the end of `line`, inserted into SE-05 after `confidence green`,
    /// inside a risk block when `inRisk`.
    static func labels(_ session: inout Session, _ line: String, inRisk: Bool = false) -> [String] {
        let inserted = inRisk ? "  risk R1 \"Job plans\" {\n\(line)\n  }\n" : "\(line)\n"
        session.open(schemes, replacing: "  confidence green\n", with: "  confidence green\n\(inserted)")
        let items = session.result("textDocument/completion", Session.at(schemes, inRisk ? 12 : 11, line.utf16.count))
        return (items.array ?? items["items"].array ?? []).map { $0["label"].string! }
    }

    @Test func completionOffersUpdatesAndRisks() {
        var session = Session()
        #expect(Self.labels(&session, "  ").contains("update"))
        #expect(Self.labels(&session, "  ").contains("risk"))
        let inRisk = Self.labels(&session, "    ", inRisk: true)
        #expect(["likelihood", "impact", "owner", "mitigation", "status", "review"].allSatisfy(inRisk.contains), "\(inRisk)")
        #expect(!inRisk.contains("savings"))
        #expect(Self.labels(&session, "    status ", inRisk: true) == ["open", "closed"])
        #expect(Self.labels(&session, "    owner ", inRisk: true) == ["asmith"])
    }

    @Test func hoverExplainsRiskAttributes() {
        var session = Session()
        session.open(Self.schemes, replacing: "  confidence green\n", with: "  confidence green\n  risk R1 \"Job plans\" {\n    likelihood 3\n  }\n")
        let hover = session.result("textDocument/hover", Session.at(Self.schemes, 12, 6))
        let value = hover["contents"]["value"].string ?? ""
        #expect(value.contains("**likelihood** in a risk (required)"), "\(value)")
        #expect(value.contains("likelihood 4"))
    }
}
