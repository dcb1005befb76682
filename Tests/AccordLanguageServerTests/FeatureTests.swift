import AccordDiagnostics
import AccordFormat
import AccordLanguageServer
import AccordSyntax
import Testing

/// One test per request, on the plan in `testdata/plan` (a root plan and one included file).
struct FeatureTests {
    static let schemes = "schemes/outpatients.accord"

    // MARK: Diagnostics

    @Test func openingAFragmentChecksItWithItsRootPlan() {
        var session = Session()
        let published = session.open(Self.schemes)
        // Clean: the names it uses (ESNEFT, asmith, fu-cost) are declared in the root plan.
        #expect(published[Session.uri(Self.schemes)] == [])
    }

    @Test func diagnosticRangesCountUTF16Units() {
        var session = Session()
        let diagnostics = session.open(Self.schemes, replacing: "    cash-releasing £1.0m\n", with: "    cash-releasing £1.0m + bogus\n")[Session.uri(Self.schemes)]!
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic["code"] == "E202")
        #expect(diagnostic["severity"] == 1)
        // `    cash-releasing £1.0m + ` is 28 bytes but 27 UTF-16 units: `£` is one unit.
        #expect(diagnostic["range"].span == [13, 27, 13, 32])
        #expect(diagnostic["message"].string?.hasPrefix("unknown name `bogus`") == true)
    }

    @Test func aChangeInOneFileRechecksTheOthers() {
        var session = Session()
        session.open("plan.accord")
        session.open(Self.schemes)
        let plan = Session.fixture()["/ws/plan.accord"]!
        let withoutWSFT = plan.replacingOccurrences(of: "partner WSFT \"West Suffolk NHS FT\" {\n  type provider\n}\n", with: "")
        let published = session.replace("plan.accord", with: withoutWSFT)
        let codes = published[Session.uri(Self.schemes)]!.map { $0["code"].string! }
        #expect(codes.contains("E202"), "\(codes)")
        #expect(published[Session.uri(Self.schemes)]!.first { $0["code"] == "E202" }?["range"].span == [5, 19, 5, 23])
        let restored = session.replace("plan.accord", with: plan, version: 3)
        #expect(restored[Session.uri(Self.schemes)] == [])
        #expect(restored[Session.uri("plan.accord")]?.map { $0["code"].string! } == ["W404", "W401"])
    }

    @Test func unsavedChangesOfAnIncludedFileAreSeenByItsRoot() {
        var session = Session()
        session.open("plan.accord")
        let text = Session.fixture()["/ws/\(Self.schemes)"]!.replacingOccurrences(of: "manager asmith 0.3", with: "manager asmith 0.1")
        session.open(Self.schemes, text: text)
        // 0.1 + 0.2 is within asmith's capacity of 0.4: W404 is gone from the root file.
        let published = session.replace(Self.schemes, with: text)
        #expect(published[Session.uri("plan.accord")]?.map { $0["code"].string! } == ["W401"])
    }

    @Test func incrementalChangesUseUTF16Positions() {
        var session = Session()
        session.open(Self.schemes)
        // Line 0 is `# Outpatients: £ savings …`; replace `savings` (characters 17–24, after `£`).
        let published = session.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(Session.uri(Self.schemes)), "version": 2],
            "contentChanges": [
                ["range": ["start": ["line": 0, "character": 17], "end": ["line": 0, "character": 24]], "text": "gains"],
                // Then break line 4 (`  lead ESNEFT`) by replacing `ESNEFT` with `ESNEFF`.
                ["range": ["start": ["line": 4, "character": 7], "end": ["line": 4, "character": 13]], "text": "ESNEFF"],
            ],
        ])
        let diagnostics = published[Session.uri(Self.schemes)]!
        #expect(diagnostics.map { $0["code"].string! } == ["E202"])
        #expect(diagnostics.first?["range"].span == [4, 7, 4, 13])
        let symbols = session.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(Session.uri(Self.schemes))]])
        #expect(symbols.array?.count == 2)
        let hover = session.result("textDocument/hover", Session.at(Self.schemes, 0, 0))
        #expect(hover == .null)
        let edits = session.result("textDocument/formatting", ["textDocument": ["uri": .string(Session.uri(Self.schemes))], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(edits.array?.isEmpty == true)
    }

    @Test func aNewUnsavedFileIsIncludedByItsRoot() {
        var session = Session()
        session.open("plan.accord")
        // schemes/new.accord exists only in the editor; `include "schemes/*.accord"` finds it.
        let published = session.open("schemes/new.accord", text: "scheme SE-09 \"New\" {\n  area planned\n  status idea\n  lead ESNEFF\n  level organisation\n}\n")
        #expect(published[Session.uri("schemes/new.accord")]?.map { $0["code"].string! } == ["E202"])
        #expect(published[Session.uri("plan.accord")]?.map { $0["code"].string! } == ["W404", "W401"])
    }

    /// A fragment no plan includes shows W415, as `accord check` says, and nothing false: no
    /// "no plan block" E107 and no unknown partner, which the fragment's own plan would declare.
    @Test func aFragmentNoPlanIncludesShowsW415() {
        var session = Session()
        let published = session.open("drafts/new.accord", text: "scheme SE-09 \"New\" {\n  area planned\n  status idea\n  lead ESNEFT\n  level organisation\n}\n")
        #expect(published[Session.uri("drafts/new.accord")]?.map { $0["code"].string! } == ["W415"])
    }

    @Test func untitledDocumentsAreCheckedAlone() {
        var session = Session()
        let published = session.notify("textDocument/didOpen", ["textDocument": ["uri": "untitled:Untitled-1", "languageId": "accord", "version": 1,
                                                                                 "text": "plan \"P\" {\n  yeras FY22/23\n}\n"]])
        #expect(published["untitled:Untitled-1"]?.map { $0["code"].string! } == ["E107", "E105"])
        let fixes = session.result("textDocument/codeAction", ["textDocument": ["uri": "untitled:Untitled-1"],
                                                               "range": ["start": ["line": 1, "character": 3], "end": ["line": 1, "character": 3]]])
        #expect(fixes.array?.first?["edit"]["changes"]["untitled:Untitled-1"].array?.first?["newText"] == "years")
    }

    @Test func closingClearsDiagnostics() {
        var session = Session()
        session.open(Self.schemes, text: "scheme X {\n  stauts delivery\n}\n")
        let published = session.notify("textDocument/didClose", ["textDocument": ["uri": .string(Session.uri(Self.schemes))]])
        #expect(published[Session.uri(Self.schemes)] == [])
    }

    // MARK: Hover

    @Test func hoverShowsASchemesSavingsByYear() {
        var session = Session()
        session.open(Self.schemes)
        let hover = session.result("textDocument/hover", Session.find(Self.schemes, line: 1, "SE-05", plus: 2))
        let text = hover["contents"]["value"].string ?? ""
        #expect(text.contains("**scheme SE-05** — Outpatients"))
        #expect(text.contains("| FY22/23 | £1,000,000 | £475,200 | £0 | £1,475,200 | £1,475,200 |"), "\(text)")
        #expect(hover["range"].span == [1, 7, 1, 12])
    }

    @Test func hoverShowsAMetricsTargetAndAPersonsLoad() {
        var session = Session()
        session.open(Self.schemes)
        let metric = session.result("textDocument/hover", Session.find(Self.schemes, line: 14, "fu-f2f"))["contents"]["value"].string ?? ""
        #expect(metric.contains("baseline 12000 at 2022-03"))
        #expect(metric.contains("**target 8040** by 2024-03 (change -33%)"), "\(metric)")
        let person = session.result("textDocument/hover", Session.find(Self.schemes, line: 7, "asmith"))["contents"]["value"].string ?? ""
        #expect(person.contains("**0.5 FTE** allocated against a capacity of 0.4 — over capacity by 0.1"), "\(person)")
        #expect(person.contains("- SE-05: sro\n- SE-05: manager 0.3\n- SE-06: clinical-lead 0.2"), "\(person)")
        let value = session.result("textDocument/hover", Session.find(Self.schemes, line: 14, "fu-cost"))["contents"]["value"].string
        #expect(value == "**let fu-cost** = £120")
        let keyword = session.result("textDocument/hover", Session.find(Self.schemes, line: 3, "status"))["contents"]["value"].string ?? ""
        #expect(keyword.contains("status delivery"))
    }

    // MARK: Navigation

    @Test func definitionCrossesFiles() {
        var session = Session()
        session.open(Self.schemes)
        let let_ = session.result("textDocument/definition", Session.find(Self.schemes, line: 14, "fu-cost", plus: 3))
        #expect(let_["uri"] == "file:///ws/plan.accord")
        #expect(let_["range"].span == [26, 4, 26, 11])
        let milestone = session.result("textDocument/definition", Session.find(Self.schemes, line: 61, "M2"))
        #expect(milestone["uri"] == .string(Session.uri(Self.schemes)))
        #expect(milestone["range"].span == [28, 12, 28, 14])
        let scheme = session.result("textDocument/definition", Session.find(Self.schemes, line: 61, "SE-05"))
        #expect(scheme["range"].span == [1, 7, 1, 12])
        #expect(session.result("textDocument/definition", Session.at(Self.schemes, 0, 3)) == .null)
    }

    @Test func referencesAcrossFiles() {
        var session = Session()
        session.open("plan.accord")
        let references = session.result("textDocument/references", Session.find("plan.accord", line: 15, "asmith") .merging(context: true))
        let places = references.array?.map { "\($0["uri"].string!.split(separator: "/").last!):\($0["range"]["start"]["line"].int!)" }
        #expect(places == ["plan.accord:15", "outpatients.accord:6", "outpatients.accord:7", "outpatients.accord:53"])
        let withoutDeclaration = session.result("textDocument/references", Session.find("plan.accord", line: 15, "asmith").merging(context: false))
        #expect(withoutDeclaration.array?.count == 3)
    }

    @Test func outlineListsSchemesWithMilestonesAndMetrics() {
        var session = Session()
        let symbols = session.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(Session.uri(Self.schemes))]]).array ?? []
        #expect(symbols.map { $0["name"].string! } == ["SE-05", "SE-06"])
        #expect(symbols[0]["detail"] == "Outpatients")
        #expect(symbols[0]["children"].array?.map { $0["name"].string! } == ["M1", "M2", "fu-f2f", "cost"])
        #expect(symbols[0]["range"].span == [1, 0, 46, 1])
        #expect(symbols[0]["selectionRange"].span == [1, 7, 1, 12])
        let plan = session.result("textDocument/documentSymbol", ["textDocument": ["uri": "file:///ws/plan.accord"]]).array ?? []
        #expect(plan.map { $0["name"].string! } == ["plan", "ESNEFT", "WSFT", "asmith", "planned", "envelope ESNEFT", "fu-cost"])
    }

    // MARK: Editing

    @Test func formattingIsOneWholeDocumentEdit() {
        var session = Session()
        let messy = "plan   \"P\"{\nyears FY22/23\n}\n"
        session.open("plan.accord", text: messy)
        let edits = session.result("textDocument/formatting", ["textDocument": ["uri": "file:///ws/plan.accord"], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(edits.array?.count == 1)
        #expect(edits.array?.first?["range"].span == [0, 0, 3, 0])
        #expect(edits.array?.first?["newText"].string == Formatter.format(parse(SourceFile(path: "p", text: messy)).tree))
        session.replace("plan.accord", with: "plan \"P\" {\n  years FY22/23\n")
        let refused = session.request("textDocument/formatting", ["textDocument": ["uri": "file:///ws/plan.accord"], "options": [:]]).response
        #expect(refused["error"]["code"] == -32803)
    }

    @Test func completionOffersWhatTheGrammarAllowsHere() {
        var session = Session()
        func labels(_ line: String, at character: Int? = nil) -> [String] {
            session.open(Self.schemes, replacing: "  confidence green\n", with: "  confidence green\n\(line)\n")
            let items = session.result("textDocument/completion", Session.at(Self.schemes, 11, character ?? line.utf16.count))
            return (items.array ?? items["items"].array ?? []).map { $0["label"].string! }
        }
        #expect(labels("  ").contains("milestone"))
        #expect(labels("  ").contains("savings"))
        #expect(!labels("  ").contains("scheme"))
        #expect(labels("  sta").contains("status"))
        #expect(labels("  status ") == ["idea", "scoping", "approved", "delivery", "refresh", "closure", "closed", "withdrawn"])
        #expect(labels("  lead E") == ["ESNEFT", "WSFT"])
        #expect(labels("  sro ") == ["asmith"])
        #expect(labels("  let x = fu").contains("fu-cost"))
        #expect(labels("  let x = SE-05.") == ["M1", "M2", "fu-f2f", "cost"])
        #expect(labels("  milestone M3 \"Go ").isEmpty)
        #expect(labels("  # status ").isEmpty)
        let top = session.result("textDocument/completion", Session.at("plan.accord", 26, 0))
        #expect(top.array?.map { $0["label"].string! }.contains("scheme") == true)
    }

    /// `cost` (issue 18) comes from the grammar table: offered in a savings block, explained on hover.
    @Test func costIsCompletedAndHoveredInASavingsBlock() {
        var session = Session()
        session.open(Self.schemes, replacing: "    cash-releasing £1.0m\n", with: "    cash-releasing £1.0m\n    cost £150k\n    co\n")
        let items = session.result("textDocument/completion", Session.at(Self.schemes, 15, 6))
        let labels = (items.array ?? items["items"].array ?? []).map { $0["label"].string! }
        #expect(labels.contains("cost"), "\(labels)")
        #expect(!labels.contains("status"), "\(labels)")
        let hover = session.result("textDocument/hover", Session.at(Self.schemes, 14, 5))["contents"]["value"].string ?? ""
        #expect(hover.contains("**cost** in a savings block") && hover.contains("cost £150k"), "\(hover)")
        let scheme = session.result("textDocument/hover", Session.find(Self.schemes, line: 1, "SE-05", plus: 2))["contents"]["value"].string ?? ""
        #expect(scheme.contains("| risk-adjusted | cost | net |") && scheme.contains(" | £150,000 | £850,000 |"), "\(scheme)")
    }

    @Test func renameChangesEveryReferenceInEveryFile() {
        var session = Session()
        session.open(Self.schemes)
        let at = Session.find(Self.schemes, line: 14, "fu-f2f", plus: 1)
        let prepared = session.result("textDocument/prepareRename", at)
        #expect(prepared["placeholder"] == "fu-f2f")
        #expect(prepared["range"].span == [14, 18, 14, 24])
        var params = at
        if case .object(var members) = params { members["newName"] = "follow-ups"; params = .object(members) }
        let edit = session.result("textDocument/rename", params)["changes"]
        let edits = edit[Session.uri(Self.schemes)].array ?? []
        #expect(edits.map { $0["range"].span } .sorted { $0.lexicographicallyPrecedes($1) } == [[14, 18, 14, 24], [14, 36, 14, 42], [33, 9, 33, 15]])
        #expect(edits.allSatisfy { $0["newText"] == "follow-ups" })

        let asmith = Session.find(Self.schemes, line: 6, "asmith")
        var renamePerson = asmith
        if case .object(var members) = renamePerson { members["newName"] = "bsmith"; renamePerson = .object(members) }
        let both = session.result("textDocument/rename", renamePerson)["changes"]
        #expect(both["file:///ws/plan.accord"].array?.count == 1)
        #expect(both[Session.uri(Self.schemes)].array?.count == 3)

        let clash = session.request("textDocument/rename", renamePerson.merging(newName: "WSFT")).response["error"]
        #expect(clash["code"] == -32803)
        #expect(clash["message"] == "`WSFT` is already declared as partner WSFT")
        #expect(session.request("textDocument/rename", at.merging(newName: "cost")).response["error"]["message"] == "`cost` is already declared as metric SE-05.cost")
        if case .object(var members) = renamePerson { members["newName"] = "SE-05.x"; renamePerson = .object(members) }
        #expect(session.request("textDocument/rename", renamePerson).response["error"]["code"] == -32803)
        #expect(session.result("textDocument/prepareRename", Session.at(Self.schemes, 2, 1)) == .null)
    }

    @Test func quickFixesForDidYouMean() {
        var session = Session()
        let text = Session.fixture()["/ws/\(Self.schemes)"]!
            .replacingOccurrences(of: "  lead ESNEFT\n", with: "  lead ESNEFF\n")
            .replacingOccurrences(of: "  status delivery\n", with: "  stauts delivery\n")
        session.open(Self.schemes, text: text)
        func fixes(line: Int) -> [JSON] {
            session.result("textDocument/codeAction", ["textDocument": ["uri": .string(Session.uri(Self.schemes))],
                                                       "range": ["start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 0]],
                                                       "context": ["diagnostics": []]]).array ?? []
        }
        let lead = fixes(line: 4)
        #expect(lead.count == 1)
        #expect(lead.first?["title"] == "Change `ESNEFF` to `ESNEFT`")
        #expect(lead.first?["kind"] == "quickfix")
        #expect(lead.first?["edit"]["changes"][Session.uri(Self.schemes)] == [["range": ["start": ["line": 4, "character": 7], "end": ["line": 4, "character": 13]], "newText": "ESNEFT"]])
        #expect(fixes(line: 3).first?["title"] == "Change `stauts` to `status`")
        #expect(fixes(line: 1).isEmpty)
    }
}

extension JSON {
    /// Adds `context.includeDeclaration` to position params.
    func merging(context includeDeclaration: Bool) -> JSON {
        guard case .object(var members) = self else { return self }
        members["context"] = ["includeDeclaration": .bool(includeDeclaration)]
        return .object(members)
    }
}
