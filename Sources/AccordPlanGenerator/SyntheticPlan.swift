/// Writes realistic plans of any size for benchmarks and robustness tests: partners, people,
/// areas, envelopes, `let`s, and N schemes with savings over three years (phasing and monthly
/// actuals in the current year), shares, roles, milestones with `after` links inside and across
/// schemes, activity and productivity metrics with trajectories and actuals, then risk-share
/// terms over groups of ten schemes and scenarios. Every plan it writes checks without errors
/// (warnings are allowed: a real programme has a few). The same seed gives the same plan.
public struct SyntheticPlan {
    public let schemes: Int
    /// How many files: the root plan, plus `files - 1` scheme files it includes. 1 = one file.
    public let files: Int
    /// Awkward figures for the property tests of showing amounts: thirds and sevenths of pennies,
    /// two-decimal percents in shares, bands, weights and delivery, caps that bite.
    public let awkward: Bool
    private var random: SeededRandom

    static let partners = ["ESNEFT", "WSFT", "IESCCG", "NEECCG", "WSCCG", "EEAST", "SCC", "ECC"]
    static let partnerTitles = ["East Suffolk and North Essex NHS FT", "West Suffolk NHS FT", "NHS Ipswich and East Suffolk CCG",
                                "NHS North East Essex CCG", "NHS West Suffolk CCG", "East of England Ambulance Service",
                                "Suffolk County Council", "Essex County Council"]
    static let partnerTypes = ["provider", "provider", "commissioner", "commissioner", "commissioner", "ambulance", "local-authority", "local-authority"]
    static let areas = [("planned", "Planned care"), ("urgent", "Urgent and emergency care"), ("corporate", "Back office and estates"),
                        ("pharmacy", "Pharmacy and medicines"), ("mental-health", "Mental health"), ("community", "Community services")]
    static let topics = ["outpatient follow-ups", "theatre utilisation", "agency staffing", "estates rationalisation",
                         "medicines optimisation", "discharge to assess", "virtual wards", "procurement", "pathology networking",
                         "length of stay", "digital outpatients", "bank staff rates"]

    public init(schemes: Int, files: Int = 1, seed: UInt64 = 1, awkward: Bool = false) {
        self.schemes = max(1, schemes)
        self.files = max(1, min(files, self.schemes + 1))
        self.awkward = awkward
        random = SeededRandom(seed: seed)
    }

    /// A random amount with pennies, `£12345.67`.
    private mutating func pennies(_ pounds: ClosedRange<Int>) -> String {
        "£\(random.int(pounds)).\(Self.padded(random.int(0...99), 2))"
    }

    /// A percent with two decimals from basis points, `53.47%`.
    static func percent(basisPoints: Int) -> String { "\(basisPoints / 100).\(padded(basisPoints % 100, 2))%" }

    /// The plan's files by path relative to the plan's folder, the root `plan.accord` first.
    public mutating func write() -> [(path: String, text: String)] {
        let schemeFiles = files - 1
        var root = header(includes: schemeFiles > 0)
        if schemeFiles == 0 {
            for index in 0..<schemes { root += scheme(index) }
            root += riskShares()
            return [("plan.accord", root)]
        }
        root += riskShares()
        var result = [("plan.accord", root)]
        let perFile = (schemes + schemeFiles - 1) / schemeFiles
        for part in 0..<schemeFiles {
            let range = (part * perFile)..<min(schemes, (part + 1) * perFile)
            var text = "# Schemes \(range.lowerBound + 1) to \(range.upperBound).\n"
            for index in range { text += scheme(index) }
            result.append(("schemes/part-\(Self.padded(part + 1, 4)).accord", text))
        }
        return result
    }

    // MARK: Root declarations

    private var people: Int { max(3, schemes) }

    private func header(includes: Bool) -> String {
        var text = "# A generated programme of \(schemes) schemes (accord-gen).\n"
        if includes { text += "include \"schemes/*.accord\"\n" }
        text += """

        plan "Generated system savings programme" {
          years FY22/23..FY24/25
          as-of 2022-09-30
          approved 2021-07-28 by "System Finance and Performance Committee"
          confidence-weights {
            green \(awkward ? "95.55%" : "100%")
            amber \(awkward ? "66.67%" : "50%")
            red \(awkward ? "14.29%" : "25%")
          }
        }


        """
        for (index, name) in Self.partners.enumerated() {
            text += """
            partner \(name) "\(Self.partnerTitles[index])" {
              type \(Self.partnerTypes[index])
              control-total \(index == 5 ? "0%" : "100%")
            }

            envelope \(name) {
              FY22/23 £\(schemes / 40 + 1)00k
              FY23/24 £\(schemes / 40 + 1)20k
            }


            """
        }
        for (name, title) in Self.areas.prefix(min(schemes, Self.areas.count)) { text += "area \(name) \"\(title)\"\n" }
        text += "\nlet unit-cost = £120  # average cost of an avoided attendance\nlet uplift = 3%\n"
        for index in 0..<people {
            text += """

            person \(person(index)) "Person \(index + 1)" {
              partner \(Self.partners[index % Self.partners.count])
              role "Programme lead"
              capacity 1
            }

            """
        }
        return text
    }

    private func person(_ index: Int) -> String { "p\(index % people + 1)" }
    private func schemeName(_ index: Int) -> String { "S\(Self.padded(index + 1, 5))" }

    // MARK: Schemes

    private func partners(ofScheme index: Int) -> (lead: String, other: String) {
        let count = Self.partners.count
        return (Self.partners[index % count], Self.partners[(index + 1) % count])
    }

    private mutating func scheme(_ index: Int) -> String {
        let name = schemeName(index)
        let (lead, other) = partners(ofScheme: index)
        let organisation = index % 5 == 4
        let status = ["delivery", "delivery", "refresh", "approved", "delivery", "scoping"][index % 6]
        let confidence = status == "scoping" ? "amber" : random.pick(["green", "amber", "amber", "red"])
        let area = Self.areas[index % min(schemes, Self.areas.count)].0
        let size = index % 9 + 1 // cash-releasing is size × £120k a year
        var text = """

        scheme \(name) "\(Self.topics[index % Self.topics.count].capitalisedFirst) \(index + 1)" {
          area \(area)
          level \(organisation ? "organisation" : "system")
          status \(status)
          lead \(lead)

        """
        if !organisation { text += "  partners \(lead), \(other)\n" }
        text += """
          sro \(person(index))
          manager \(person(index + 1)) 0.4
          clinical-lead \(person(index + 2)) 0.1
          approved 2022-04-12 by "SFPC"
          qia signed-off 2022-03-30
          confidence \(confidence)
          let rate = unit-cost * (100% + uplift)


        """
        text += savings(size: size)
        if !organisation {
            let first = awkward ? random.int(5000...9000) : random.int(5...9) * 1000
            text += "  share {\n    \(lead) \(Self.percent(basisPoints: first))\n    \(other) \(Self.percent(basisPoints: 10000 - first))\n  }\n\n"
        }
        text += milestones(index)
        text += metrics(index)
        return text + "}\n"
    }

    /// Three years of savings; the current year (FY22/23, as-of M6) with an explicit phasing on
    /// half the schemes and actuals on track for M1–M6.
    private mutating func savings(size: Int) -> String {
        let cash = size * 120 // £k a year
        let phased = random.chance(percent: 50)
        // 5% a month for M1–M4, 10% after: the first half-year carries 40% of the plan.
        let phasing = [5, 5, 5, 5, 10, 10, 10, 10, 10, 10, 10, 10]
        var text = """
          savings FY22/23 {
            cash-releasing £\(cash)k
            productivity \(size * 40) * rate * 12
            cost-growth-avoided £\(size * 30)k

        """
        if phased {
            text += "    phasing " + phasing.enumerated().map { "M\($0.offset + 1) \($0.element)%" }.joined(separator: ", ") + "\n"
        }
        if awkward {
            // Thirds and sevenths of pennies, and actuals now ahead, now well behind.
            text = "  savings FY22/23 {\n    cash-releasing \(pennies(1000...2_500_000)) / 3\n    productivity \(pennies(100...900_000)) * 2 / 7\n"
                + "    cost-growth-avoided \(pennies(0...400_000)) * 42.87%\n"
                + (phased ? "    phasing " + phasing.enumerated().map { "M\($0.offset + 1) \($0.element)%" }.joined(separator: ", ") + "\n" : "")
            for month in 1...random.int(1...6) { text += "    actual M\(month) cash-releasing \(pennies(0...150_000)) / 3\n" }
            if random.chance(percent: 50) { text += "    actual M\(random.int(1...6)) productivity \(pennies(0...9)) * 50%\n" }
            text += "  }\n  savings FY23/24 {\n    cash-releasing \(pennies(0...3_000_000)) / 7\n    productivity \(pennies(0...90_000)) * 33.33%\n  }\n\n"
            return text
        }
        for month in 1...6 {
            // On plan to the pound (cash is a multiple of £120k), a little ahead now and then.
            let planned = phased ? cash * phasing[month - 1] * 10 : cash * 1000 / 12
            let ahead = random.chance(percent: 20) ? planned / 10 : 0
            text += "    actual M\(month) cash-releasing £\(planned + ahead)\n"
        }
        text += "    forecast cash-releasing £\(cash + size * 5)k\n  }\n"
        text += "  savings FY23/24 {\n    cash-releasing £\(cash * 3 / 2)k\n    productivity £\(size * 60)k\n  }\n"
        text += "  savings FY24/25 {\n    cash-releasing £\(cash * 2)k\n  }\n\n"
        return text
    }

    private mutating func milestones(_ index: Int) -> String {
        let owner = person(index + 1)
        var text = """
          milestone M1 "Business case approved" {
            due 2022-06-30
            critical
            owner \(owner)
            done 2022-06-\(Self.padded(random.int(10...30), 2))
          }
          milestone M2 "New pathway live" {
            due 2023-03-31
            critical

        """
        // A link across schemes too: the dependency graph spans the programme.
        text += index > 0 ? "    after M1, \(schemeName(index - 1)).M1\n" : "    after M1\n"
        if random.chance(percent: 20) { text += "    forecast 2023-05-31\n" }
        text += """
            owner \(owner)
          }
          milestone M3 "Benefits realised" {
            due 2024-03-31
            after M2
          }


        """
        return text
    }

    private mutating func metrics(_ index: Int) -> String {
        let baseline = random.int(40...120) * 100
        let reduction = random.int(10...30)
        let target = baseline * (100 - reduction) / 100
        let atSix = baseline - (baseline - target) / 4
        let actual = atSix - random.int(0...2) * 50
        return """
          metric activity "Face-to-face follow-up appointments" {
            kind activity
            unit "appointments per month"
            better lower
            baseline \(baseline) at 2022-03
            change -\(reduction)% by 2024-03
            trajectory {
              2022-09 \(atSix)
              2023-03 \(baseline - (baseline - target) / 2)
            }
            actual \(actual + 100) at 2022-06
            actual \(actual) at 2022-09
            owner \(person(index + 1))
          }
          metric productivity "Patients seen per clinic session" {
            kind productivity
            better higher
            baseline 14 at 2022-03
            target 16 by 2023-03
            actual 15 at 2022-09
          }

        """
    }

    // MARK: Risk share and scenarios

    /// One risk-share term for each ten schemes, banded over their lead partners.
    private func riskShares() -> String {
        var text = ""
        for group in stride(from: 0, to: schemes, by: 10) {
            let members = (group..<min(schemes, group + 10)).map(schemeName)
            // The group's first scheme is at system level (index % 5 == 0): both its partners are
            // partners of the term's schemes, as bands require.
            let (first, other) = partners(ofScheme: group)
            text += """

            risk-share rs-\(Self.padded(group / 10 + 1, 4)) "Aligned incentive contract \(group / 10 + 1)" {
              schemes \(members.joined(separator: ", "))
              measure cash-releasing
              years FY22/23..FY23/24
              shortfall {
                up-to £\(awkward ? "50k + £1 / 3" : "250k") \(first) 100%
                up-to £\(awkward ? "120k" : "1m") \(first) \(awkward ? "33.33%" : "50%"), \(other) \(awkward ? "66.67%" : "50%")
                above \(first) \(awkward ? "5.66%" : "25%"), \(other) \(awkward ? "94.34%" : "75%")
              }
              gain {
                above \(first) \(awkward ? "73.88%" : "50%"), \(other) \(awkward ? "26.12%" : "50%")
              }
              cap \(first) £\(awkward ? "\(60 + group % 7 * 10)k / 7" : "\(600 + group % 7 * 100)k")
            \(awkward ? "  cap \(other) £\(300 + group % 3 * 400)k / 3\n" : "")}

            """
        }
        text += """

        scenario downside "Everything delivers \(awkward ? "66.67%" : "80%")" {
          delivery \(awkward ? "66.67%" : "80%")
          delivery \(schemeName(0)) \(awkward ? "33.3%" : "50%")
        }\(awkward ? "\n\nscenario upside \"Everything delivers more\" {\n  delivery 114.29%\n}" : "")

        scenario known-outturn "First scheme's outturn reported" {
          outturn \(schemeName(0)) FY22/23 cash-releasing £100k
        }

        """
        return text
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
