@testable import AccordChecks
@testable import AccordModel
import Testing

/// Names are resolved to typed ids once, as the model is built; the checks and figures then work
/// on ids (Identifiers.swift).
struct IdentifierTests {
    static let plan = """
        plan "Ids" { years FY22/23..FY23/24 }
        partner A "A"
        partner B "B"
        partner C "C"
        area planned "Planned care"
        person ann "Ann" { partner A }
        scheme S1 "One" {
          area planned
          status scoping
          lead A
          partners A, B
          share { B 40%; A 60% }
          savings FY22/23 { cash-releasing £100k }
          milestone M1 "First" { due 2022-06-30 }
          milestone M2 "Second" { due 2022-09-30; after M1, S2.M1 }
        }
        scheme S2 "Two" {
          area planned
          status scoping
          lead C
          level organisation
          savings FY22/23 { cash-releasing £50k }
          milestone M1 "First" { due 2022-05-31 }
        }
        """

    @Test func everyDeclarationHasItsPositionAsItsId() throws {
        let model = TestPlans.check(Self.plan).model
        #expect(model.schemes.map(\.id) == [SchemeID(index: 0), SchemeID(index: 1)])
        #expect(model.names.scheme("S2") == SchemeID(index: 1))
        #expect(model.names.partner("C") == PartnerID(index: 2))
        #expect(model.names.person("ann") == PersonID(index: 0))
        #expect(model.names.partner("S1") == nil, "a scheme's name is not a partner's")
        let s2 = try #require(model.names.scheme("S2"))
        #expect(model[s2].title == "Two")
        #expect(model.schemes[1].milestones[0].id == MilestoneID(scheme: s2, index: 0))
    }

    @Test func prerequisitesAndSharesAreResolvedToIds() throws {
        let model = TestPlans.check(Self.plan).model
        let m2 = model.schemes[0].milestones[1]
        #expect(m2.after.map(\.target) == [MilestoneID(scheme: SchemeID(index: 0), index: 0), MilestoneID(scheme: SchemeID(index: 1), index: 0)])
        #expect(m2.after.map { model[$0.target!].qualifiedName } == ["S1.M1", "S2.M1"])
        // In partner order, whatever the order of the share lines.
        #expect(model.schemes[0].shareParts.map(\.partner) == [PartnerID(index: 0), PartnerID(index: 1)])
        #expect(model.schemes[0].shareParts.map(\.fraction) == [TestPlans.percent("60%"), TestPlans.percent("40%")])
        // A scheme with one partner and no share gives it everything.
        #expect(model.schemes[1].shareParts.map(\.partner) == [PartnerID(index: 2)])
        #expect(model.schemes[1].shareParts.map(\.fraction) == [.one])
    }

    @Test func partnerTotalsAreByPartnerId() {
        let model = TestPlans.check(Self.plan).model
        let totals = model.attributedByPartner(year: 2022)
        #expect(totals.map(\.planned) == [TestPlans.money("£60k"), TestPlans.money("£40k"), TestPlans.money("£50k")])
        #expect(model.attributed(to: "B", year: 2022).planned == TestPlans.money("£40k"))
        #expect(model.attributed(to: "nobody", year: 2022).planned == .zero)
    }

    @Test func anUnknownPrerequisiteIsNoLink() {
        let model = TestPlans.check(Self.plan.replacingOccurrences(of: "after M1, S2.M1", with: "after M1, S2.M9")).model
        #expect(model.schemes[0].milestones[1].after.map(\.target) == [MilestoneID(scheme: SchemeID(index: 0), index: 0)])
    }
}
