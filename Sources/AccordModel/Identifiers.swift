import AccordNumbers

// Typed ids: a declaration's position in its `PlanModel` array, given once by the builder. The
// checks and figures hold and compare these instead of names, so a partner's total is an array
// slot rather than a String-keyed dictionary entry, and a scheme id can never be used where a
// partner is meant. Renderers print names, which they read through the model (`model[id].name`).

/// A declaration's id: its position in the model's array of `Declared` (a phantom type, so a
/// scheme's id cannot stand where a partner's is meant).
public struct DeclarationID<Declared>: Hashable, Comparable, Sendable {
    public let index: Int
    public static func < (a: DeclarationID, b: DeclarationID) -> Bool { a.index < b.index }
}

public typealias PartnerID = DeclarationID<Partner>
public typealias PersonID = DeclarationID<Person>
public typealias SchemeID = DeclarationID<Scheme>

/// A milestone: its scheme and its position among the scheme's milestones.
public struct MilestoneID: Hashable, Sendable {
    public let scheme: SchemeID
    public let index: Int
}

/// The model's name table: each declared partner, person and scheme's name, once, to its id. A
/// name is looked up here once, where the plan writes it; everything after works on the id.
public struct NameTable: Sendable {
    private var partners: [String: PartnerID] = [:]
    private var people: [String: PersonID] = [:]
    private var schemes: [String: SchemeID] = [:]

    public func partner(_ name: String) -> PartnerID? { partners[name] }
    public func person(_ name: String) -> PersonID? { people[name] }
    public func scheme(_ name: String) -> SchemeID? { schemes[name] }

    /// The table of `model`'s declarations; the first of a repeated name wins (the builder has
    /// already set the others aside as E201).
    init(_ model: PlanModel) {
        partners = Self.ids(model.partners, \.name)
        people = Self.ids(model.people, \.name)
        schemes = Self.ids(model.schemes, \.name)
    }

    private static func ids<Declared>(_ declarations: [Declared], _ name: KeyPath<Declared, String>) -> [String: DeclarationID<Declared>] {
        var ids: [String: DeclarationID<Declared>] = [:]
        for (index, declaration) in declarations.enumerated() where ids[declaration[keyPath: name]] == nil {
            ids[declaration[keyPath: name]] = DeclarationID(index: index)
        }
        return ids
    }

    init() {}
}

/// A scheme's savings split between partners, resolved once: its `share`, or all of it to its
/// one partner; empty when neither (nothing is attributed, as brief §3 says).
public struct SharePart: Sendable {
    public let partner: PartnerID
    public let fraction: Exact
}

extension PlanModel {
    public subscript(id: PartnerID) -> Partner { partners[id.index] }
    public subscript(id: PersonID) -> Person { people[id.index] }
    public subscript(id: SchemeID) -> Scheme { schemes[id.index] }
    public subscript(id: MilestoneID) -> Milestone { schemes[id.scheme.index].milestones[id.index] }

    /// Gives every scheme and milestone its id and resolves the names they refer to: the last
    /// step of building the model, once every declaration is read.
    mutating func resolveNames() {
        names = NameTable(self)
        var milestoneIDs: [String: [String: MilestoneID]] = [:]
        for s in schemes.indices {
            let id = SchemeID(index: s)
            schemes[s].id = id
            for m in schemes[s].milestones.indices {
                schemes[s].milestones[m].id = MilestoneID(scheme: id, index: m)
                milestoneIDs[schemes[s].name, default: [:]][schemes[s].milestones[m].name] = MilestoneID(scheme: id, index: m)
            }
        }
        for s in schemes.indices {
            schemes[s].shareParts = shareParts(of: schemes[s])
            for m in schemes[s].milestones.indices {
                for p in schemes[s].milestones[m].after.indices {
                    let link = schemes[s].milestones[m].after[p]
                    schemes[s].milestones[m].after[p].target = milestoneIDs[link.scheme]?[link.milestone]
                }
            }
        }
        for e in envelopes.indices { envelopes[e].partnerID = names.partner(envelopes[e].partner) }
    }

    private func shareParts(of scheme: Scheme) -> [SharePart] {
        if let share = scheme.share {
            // In partner order, so sums over the parts run in the same order in every process.
            return share.compactMap { name, fraction in names.partner(name).map { SharePart(partner: $0, fraction: fraction) } }
                .sorted { $0.partner < $1.partner }
        }
        guard scheme.partners.count == 1, let partner = names.partner(scheme.partners[0]) else { return [] }
        return [SharePart(partner: partner, fraction: .one)]
    }
}
