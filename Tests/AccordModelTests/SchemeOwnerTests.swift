import Testing
@testable import AccordModel

/// A scheme names its senior responsible owner from `approved` on (brief §2): E107 at its header.
struct SchemeOwnerTests {
    static func codes(status: String, sro: String?) -> [String] {
        let checked = TestPlans.check("""
        plan "Owners" { years FY22/23; as-of 2022-09-30 }
        partner A "A"
        person asmith "A. Smith" { partner A }
        area planned "Planned"
        scheme S1 "One" {
          area planned; level organisation; status \(status); lead A
          approved 2022-04-01 by "Board"; qia signed-off 2022-03-01
          \(sro.map { "sro \($0)" } ?? "")
        }
        """)
        return checked.diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.start.line) \($0.message)" }
    }

    @Test func requiredFromApprovedOn() {
        #expect(Self.codes(status: "scoping", sro: nil) == [])
        #expect(Self.codes(status: "approved", sro: nil) == ["E107 5 scheme S1 has status `approved` but no `sro`"])
        #expect(Self.codes(status: "closed", sro: nil) == ["E107 5 scheme S1 has status `closed` but no `sro`"])
        #expect(Self.codes(status: "delivery", sro: "asmith") == [])
        // Withdrawn stands outside the status order.
        #expect(Self.codes(status: "withdrawn", sro: nil) == [])
    }

    @Test func anUnknownOwnerIsReportedOnce() {
        #expect(Self.codes(status: "delivery", sro: "asmiht") == ["E202 8 unknown person `asmiht`"])
    }
}
