import AccordFormat
import AccordSyntax
import Testing

/// Rules small enough to read inline; the goldens in `testdata/` show them at scale.
struct FormatterTests {
    @Test func emptyAndBlankFilesPrintNothing() {
        #expect(format("") == "")
        #expect(format("\n\n  \r\n") == "")
        #expect(format("\u{FEFF}") == "")
    }

    @Test func theOutputEndsWithOneNewline() {
        #expect(format("let a = 1") == "let a = 1\n")
        #expect(format("let a = 1\n\n\n") == "let a = 1\n")
        #expect(format("# only a comment") == "# only a comment\n")
    }

    @Test func trailingCommentsAlignTwoColumnsPastTheLongestCommentedLine() {
        let input = "let a = 1 # one\nlet bbbbbb = 22222222\nlet cc = 2    # two\n"
        #expect(format(input) == "let a = 1   # one\nlet bbbbbb = 22222222\nlet cc = 2  # two\n")
    }

    @Test func aBlankLineOrOwnLineCommentStartsANewRun() {
        let input = "let a = 1 # one\n\nlet ccccc = 2 # two\n# own\nlet d = 3 # three\n"
        #expect(format(input) == "let a = 1  # one\n\nlet ccccc = 2  # two\n# own\nlet d = 3  # three\n")
    }

    @Test func aCommentInAWrapBreaksTheLineThere() {
        let input = "partners A, # first\n  B, C\n"
        #expect(format(input) == "partners A,  # first\n    B, C\n")
        #expect(format("partners A,\n   B,\n C\n") == "partners A, B, C\n")
    }

    @Test func commentsAfterASemicolonStayWithTheStatementBeforeThem() {
        #expect(format("a 1; b 2 # on b\n") == "a 1\nb 2  # on b\n")
        #expect(format("a { b 1 }; # on a\n") == "a {\n  b 1\n}  # on a\n")
    }

    @Test func operatorsAndLiterals() {
        #expect(format("let x=-£40k*( a -b)/ 2\n") == "let x = -£40k * (a - b) / 2\n")
        #expect(format("years 2022/23..2024/25\n") == "years FY22/23..FY24/25\n")
        #expect(format("x a . b ,c\n") == "x a.b, c\n")
    }

    /// The formatter is total: broken input comes back as written, never a crash.
    @Test func brokenStatementsArePrintedAsWritten() {
        #expect(format("let a = ) 1\nlet b=2\n") == "let a = ) 1\nlet b = 2\n")
        #expect(format("}\nlet a = 1\n") == "}\nlet a = 1\n")
        for broken in ["scheme x {", "scheme x {\n  area", "{", "a {\n{ b }\n}", "let = ", "\"open", "x ..", "a (b", "a.",
                       "£", "x {\r\n  y {\r\n", "a, # c\n {", "a - # c\n", "\u{201C}x\u{201D}", "1.2.3 FY22/24 2022-02-30"] {
            let once = format(broken)
            #expect(!once.contains("\r"), "CR left in the output for \(broken.debugDescription)")
            #expect(once.isEmpty || once.hasSuffix("\n"))
        }
    }

    /// Damaged generated plans: whatever the parser makes of them, formatting does not crash
    /// (300 by default; `ACCORD_FUZZ_COUNT` sets how many).
    @Test func damagedPlansDoNotCrashTheFormatter() {
        let damagedCount = fuzzCount(default: 300)
        var failures = 0
        for seed in UInt64(1)...damagedCount {
            var generator = PlanGenerator(seed: seed)
            var bytes = Array(generator.file().utf8)
            for _ in 0..<3 where !bytes.isEmpty {
                let at = generator.random.int(0...(bytes.count - 1))
                switch generator.random.int(0...2) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(generator.random.pick(Array("{}(),;=#\"\n.-".utf8)), at: at)
                default: bytes.swapAt(at, generator.random.int(0...(bytes.count - 1)))
                }
            }
            let result = parse(bytes: bytes, path: "damaged.accord")
            let output = Formatter.format(result.tree)
            // A damaged plan that still parses is one more odd layout the promises must hold for.
            if result.syntaxErrors.isEmpty {
                let problems = formattingProblems(of: String(decoding: bytes, as: UTF8.self), name: "damaged plan \(seed)")
                if !problems.isEmpty { failures += 1 }
                if !problems.isEmpty, failures <= 3 { Issue.record("\(problems.joined(separator: "\n"))") }
            } else {
                #expect(output.isEmpty || output.hasSuffix("\n"))
            }
        }
        #expect(failures == 0, "\(failures) damaged plans that still parse broke a promise")
    }
}
