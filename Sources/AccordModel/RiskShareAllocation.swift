import AccordNumbers

// The allocation engine for risk-share terms (LANGUAGE.md §3 "Risk-share evaluation"): how one
// amount — a term's shortfall or gain for one year and scenario — is split across the bands and
// then capped. Pure and exact: it knows nothing of syntax, files or diagnostics. The caller checks
// the terms first (E401 band percents sum to 100%, E303 percents in 0–100% and caps not negative,
// E406 bands ascending with nothing after `above`) and reports W411 from `unallocated`.

/// Namespace for the risk-share allocation engine: `RiskShareAllocation.allocate(amount:bands:caps:)`.
public enum RiskShareAllocation {
    /// One band of a `shortfall` or `gain` block, as the engine needs it.
    public struct Band: Equatable, Sendable {
        /// The band's upper threshold, counted from zero (`up-to £1m`); nil for `above`.
        public var upTo: Exact?
        /// Each partner's share of the part of the amount inside the band, as a fraction (50% is 1/2).
        public var splits: [(partner: String, share: Exact)]

        public init(upTo: Exact?, splits: [(partner: String, share: Exact)]) {
            self.upTo = upTo
            self.splits = splits
        }

        public static func == (lhs: Band, rhs: Band) -> Bool {
            lhs.upTo == rhs.upTo && lhs.splits.count == rhs.splits.count
                && zip(lhs.splits, rhs.splits).allSatisfy { $0.partner == $1.partner && $0.share == $1.share }
        }
    }

    /// A partner and an amount.
    public struct PartnerAmount: Hashable, Sendable, CustomStringConvertible {
        public var partner: String
        public var amount: Exact

        public init(partner: String, amount: Exact) {
            self.partner = partner
            self.amount = amount
        }

        public var description: String { "\(partner) \(amount)" }
    }

    /// A partner's part of one band: its share and what that share of the band's amount comes to.
    public struct BandPart: Hashable, Sendable {
        public var partner: String
        /// As a fraction (50% is 1/2).
        public var share: Exact
        /// The band's `inside` × `share`.
        public var amount: Exact

        public init(partner: String, share: Exact, amount: Exact) {
            self.partner = partner
            self.share = share
            self.amount = amount
        }
    }

    /// The working of one band.
    public struct BandWorking: Hashable, Sendable {
        /// Where the band starts: the previous band's threshold (0 for the first band).
        public var from: Exact
        /// The band's own threshold; nil for `above`.
        public var to: Exact?
        /// The part of the amount inside the band: from `from` up to `to` (or the amount, if less).
        public var inside: Exact
        /// Each partner's part (`inside` × its share), sorted by partner name, one line per partner
        /// (a partner written twice in one band has its shares added); 0% partners included.
        public var parts: [BandPart]
        /// `inside` − Σ `parts`: zero when the band's percents sum to 100% (E401 otherwise).
        /// Counted in `Allocation.unallocated` so that nothing is lost even then.
        public var unsplit: Exact
    }

    /// A partner brought down to its cap.
    public struct CappedPartner: Hashable, Sendable {
        public var partner: String
        /// What it bore at the start of the round.
        public var bore: Exact
        public var cap: Exact
        /// `bore − cap`.
        public var removed: Exact
    }

    /// A receiver of part of what a cap round removed.
    public struct Receiver: Hashable, Sendable {
        public var partner: String
        /// What it bore at the start of the round: the weight of its share of the removed amount.
        public var bore: Exact
        /// Its part of the removed amount: removed × bore ÷ Σ receivers' bore.
        public var receives: Exact
    }

    /// One round of capping: every partner over its cap brought down to it at once, the total
    /// removed shared among the receivers in proportion to what each already bears.
    public struct CapRound: Hashable, Sendable {
        /// The partners over their caps this round, sorted by name.
        public var capped: [CappedPartner]
        /// Σ of the capped partners' `removed`.
        public var removed: Exact
        /// Partners bearing more than zero and below their cap (or with none), sorted by name.
        public var receivers: [Receiver]
        /// `removed` when there is no receiver (the round is then the last), else zero.
        public var unallocated: Exact
        /// Every partner's amount after the round, sorted by name.
        public var after: [PartnerAmount]
    }

    /// The result and its working, all exact.
    public struct Allocation: Hashable, Sendable {
        /// The amount allocated (a shortfall or a gain).
        public var amount: Exact
        /// Per band, lowest threshold first and `above` last (see `allocate`).
        public var bands: [BandWorking]
        /// The part of the amount above the last `up-to` when the bands do not end in `above` (W411).
        public var beyondBands: Exact
        /// Each partner's total over the bands, before caps, sorted by name. Every partner written
        /// in any band appears, even one bearing nothing.
        public var beforeCaps: [PartnerAmount]
        /// The cap rounds, in order; empty when no partner is over its cap.
        public var capRounds: [CapRound]
        /// What the caps left with no receiver (W411): the last round's `unallocated`, or zero.
        public var unallocatedByCaps: Exact
        /// Each partner's final amount, sorted by partner name (bytewise, as rounding breaks ties);
        /// the same partners as `beforeCaps`.
        public var final: [PartnerAmount]
        /// What no partner bears: `beyondBands` + `unallocatedByCaps` + every band's `unsplit`.
        /// Σ `final` + `unallocated` is exactly `amount`.
        public var unallocated: Exact

        /// A partner's final amount; zero for a partner the bands do not name.
        public func amount(for partner: String) -> Exact {
            final.first { $0.partner == partner }?.amount ?? .zero
        }

        /// Σ `final`: the amount the partners bear or keep between them.
        public func allocated() -> Exact { Exact.sum(final.map(\.amount)) }

        /// `parts` and what no partner takes as a partition of `whole` (rule 2). What no partner
        /// takes joins the partition only when it is not exactly zero (or nothing else can take
        /// the pennies): a rounding penny then goes to a partner, never to "unallocated".
        private static func partition(_ parts: [(key: String, value: Exact)], unallocated: Exact, whole: Exact) -> (parts: [Exact], unallocated: Exact) {
            let withRest = !unallocated.isZero || parts.isEmpty
            let split = Shown.partition(parts + (withRest ? [(Shown.unallocatedKey, unallocated)] : []), whole: whole)
            return (Array(split.parts.prefix(parts.count)), withRest ? split.parts[parts.count] : .zero)
        }

        /// The working as shown (LANGUAGE.md "Showing amounts"), top-down from `shownAmount` (the
        /// amount as shown: by default the exact amount rounded half-even):
        /// - the bands and what lies past them are a partition of the shown amount (rule 2);
        /// - each band's partners (and any percents short of 100%) a partition of the band;
        /// - a partner's figure before caps is the sum of its shown band parts (rule 3);
        /// - in each cap round, a capped partner's removal is its shown figure less its shown cap,
        ///   the round removes their sum, and that is a partition across the receivers (and what
        ///   nobody could take); each figure after the round is before − removed + received;
        /// - a partner's result is its figure after the last round, the allocated total their sum,
        ///   and the unallocated figure what lay past the bands or outside their percents plus
        ///   what caps left with nobody, so allocated + unallocated is the shown amount.
        public func shown(amount shownAmount: Exact? = nil) -> ShownAllocation {
            let whole = shownAmount ?? Shown.amount(amount)
            let bandSplit = Self.partition(bands.indices.map { (Shown.orderedKey($0), bands[$0].inside) }, unallocated: beyondBands, whole: whole)
            var current: [String: Exact] = Dictionary(uniqueKeysWithValues: beforeCaps.map { ($0.partner, Exact.zero) })
            var shownBands: [ShownAllocation.Band] = []
            var unallocatedBeforeCaps = bandSplit.unallocated
            for (band, inside) in zip(bands, bandSplit.parts) {
                let split = Self.partition(band.parts.map { ($0.partner, $0.amount) }, unallocated: band.unsplit, whole: inside)
                let parts = band.parts.indices.map { BandPart(partner: band.parts[$0].partner, share: band.parts[$0].share, amount: split.parts[$0]) }
                for part in parts { current[part.partner, default: .zero] = current[part.partner, default: .zero].adding(part.amount) }
                let unsplit = split.unallocated
                unallocatedBeforeCaps = unallocatedBeforeCaps.adding(unsplit)
                shownBands.append(.init(from: Shown.amount(band.from), to: band.to.map(Shown.amount), inside: inside, parts: parts, unsplit: unsplit))
            }
            let before = current
            var rounds: [ShownAllocation.CapRound] = []
            var unallocatedByCaps = Exact.zero
            for round in capRounds {
                let capped = round.capped.map { c in
                    let bore = current[c.partner, default: .zero], cap = Shown.amount(c.cap)
                    return CappedPartner(partner: c.partner, bore: bore, cap: cap, removed: bore.subtracting(cap))
                }
                let removed = Exact.sum(capped.map(\.removed))
                let received = Self.partition(round.receivers.map { ($0.partner, $0.receives) }, unallocated: round.unallocated, whole: removed)
                for c in capped { current[c.partner] = c.cap }
                let bores = round.receivers.map { current[$0.partner, default: .zero] }
                var receivers: [ShownAllocation.Receiver] = []
                for (i, receiver) in round.receivers.enumerated() {
                    current[receiver.partner] = bores[i].adding(received.parts[i])
                    receivers.append(.init(partner: receiver.partner, bore: bores[i], receives: received.parts[i], after: current[receiver.partner]!))
                }
                let nobody = received.unallocated
                unallocatedByCaps = unallocatedByCaps.adding(nobody)
                rounds.append(.init(capped: capped, removed: removed, weight: Exact.sum(bores), receivers: receivers, unallocated: nobody))
            }
            let parts = final.map { PartnerAmount(partner: $0.partner, amount: current[$0.partner, default: .zero]) }
            return ShownAllocation(amount: whole, bands: shownBands, beyondBands: bandSplit.unallocated,
                                   beforeCaps: final.map { PartnerAmount(partner: $0.partner, amount: before[$0.partner, default: .zero]) },
                                   capRounds: rounds, parts: parts, total: Exact.sum(parts.map(\.amount)),
                                   unallocatedBeforeCaps: unallocatedBeforeCaps, unallocatedByCaps: unallocatedByCaps,
                                   unallocated: unallocatedBeforeCaps.adding(unallocatedByCaps))
        }
    }

    /// The working of an allocation as shown: every figure in pennies, worked out top-down so
    /// that every line adds up (`Allocation.shown`).
    public struct ShownAllocation: Hashable, Sendable {
        public struct Band: Hashable, Sendable {
            public let from: Exact
            /// nil for `above`.
            public let to: Exact?
            /// What the band holds.
            public let inside: Exact
            public let parts: [BandPart]
            /// The part no percent covers (percents short of 100%, E401).
            public let unsplit: Exact
        }

        public struct Receiver: Hashable, Sendable {
            public let partner: String
            public let bore: Exact
            public let receives: Exact
            /// What it bears after the round: `bore + receives`.
            public let after: Exact
        }

        public struct CapRound: Hashable, Sendable {
            public let capped: [CappedPartner]
            /// Σ of the capped partners' `removed`.
            public let removed: Exact
            /// Σ of the receivers' `bore`: the denominator of their shares of `removed`.
            public let weight: Exact
            public let receivers: [Receiver]
            /// What nobody could receive (W411).
            public let unallocated: Exact
        }

        /// The amount shared (a shortfall or a gain).
        public var amount: Exact
        public var bands: [Band]
        /// The part of the amount past the last `up-to` (bands that do not end in `above`, W411).
        public var beyondBands: Exact
        /// Each partner's figure before caps: the sum of its band parts; sorted by partner name.
        public var beforeCaps: [PartnerAmount]
        public var capRounds: [CapRound]
        /// Each partner's result, sorted by partner name: its figure after the last cap round.
        public var parts: [PartnerAmount]
        /// Σ `parts`.
        public var total: Exact
        /// What no partner bears before caps: past the bands, or percents short of 100%.
        public var unallocatedBeforeCaps: Exact
        /// What caps left with nobody to receive it.
        public var unallocatedByCaps: Exact
        /// `unallocatedBeforeCaps + unallocatedByCaps`; with `total`, the shown amount.
        public var unallocated: Exact
    }

    /// Splits `amount` across `bands` (cumulative, like tax bands), then applies
    /// `caps` (per partner, the most it bears or keeps) round by round.
    ///
    /// Expects what the caller's checks guarantee: `amount` ≥ 0, shares in 0...1 summing to 1 per
    /// band, thresholds ascending with nothing after `above`, caps ≥ 0. Outside that it still never
    /// traps and still accounts for every penny (Σ `final` + `unallocated` = `amount`): a band at or
    /// below the previous threshold, or after `above`, holds nothing; a negative amount is left
    /// wholly unallocated. Caps for partners no band names are ignored.
    ///
    /// The result never depends on the order the bands, the partners within a band or the caps are
    /// given in (brief §3): bands are taken by threshold, lowest first and `above` last (bands with
    /// equal thresholds, which E406 reports, keep their written order), partners in name order.
    public static func allocate(amount: Exact, bands: [Band], caps: [String: Exact]) -> Allocation {
        // 1. The bands, cumulatively. `lower` is where the next band starts; nil once `above` has
        //    taken everything.
        var workings: [BandWorking] = []
        var lower: Exact? = .zero
        var lastFrom = Exact.zero
        var insideTotal = Exact.zero, unsplitTotal = Exact.zero
        var names = Set<String>()
        for band in ordered(bands) {
            let from = lower ?? lastFrom
            var inside = Exact.zero
            if let start = lower {
                let remaining = amount.subtracting(start)
                if let upTo = band.upTo {
                    let width = upTo.subtracting(start)
                    inside = max(.zero, min(remaining, width))
                    lower = max(start, upTo)
                } else {
                    inside = max(.zero, remaining)
                    lower = nil
                }
            }
            lastFrom = from
            var parts: [BandPart] = []
            for (partner, share) in mergedSplits(band.splits) {
                names.insert(partner)
                parts.append(BandPart(partner: partner, share: share, amount: inside.multiplied(by: share)))
            }
            let unsplit = inside.subtracting(Exact.sum(parts.map(\.amount)))
            insideTotal = insideTotal.adding(inside)
            unsplitTotal = unsplitTotal.adding(unsplit)
            workings.append(BandWorking(from: from, to: band.upTo, inside: inside, parts: parts, unsplit: unsplit))
        }
        let beyondBands = amount.subtracting(insideTotal)

        // 2. Totals before caps, per partner in name order.
        let partners = names.sorted(by: precedes)
        var current: [String: Exact] = [:]
        for partner in partners { current[partner] = .zero }
        for working in workings {
            for part in working.parts { current[part.partner] = current[part.partner, default: .zero].adding(part.amount) }
        }
        func snapshot() -> [PartnerAmount] {
            partners.map { PartnerAmount(partner: $0, amount: current[$0, default: .zero]) }
        }
        let beforeCaps = snapshot()

        // 3. Caps. A capped partner sits exactly at its cap and is never a receiver again, so it is
        //    never over its cap again: each round that continues caps at least one new partner, and
        //    there are at most `partners.count` of them. The bound is a guard, not a limit.
        var rounds: [CapRound] = []
        var unallocatedByCaps = Exact.zero
        for _ in 0...partners.count {
            var capped: [CappedPartner] = []
            for partner in partners {
                guard let cap = caps[partner], let bore = current[partner], bore > cap else { continue }
                capped.append(CappedPartner(partner: partner, bore: bore, cap: cap, removed: bore.subtracting(cap)))
            }
            if capped.isEmpty { break }
            let removed = Exact.sum(capped.map(\.removed))
            for c in capped { current[c.partner] = c.cap }

            let receiving = partners.filter { partner in
                guard let bore = current[partner], bore > .zero else { return false }
                guard let cap = caps[partner] else { return true }
                return bore < cap
            }
            var receivers: [Receiver] = []
            var roundUnallocated = Exact.zero
            // Receivers bear more than zero, so their weight is never zero.
            let weight = Exact.sum(receiving.map { current[$0, default: .zero] })
            if let fraction = removed.dividedUnlessZero(by: weight) {
                // Each receiver's new amount is bore × (weight + removed) / weight: one exact
                // product, so values stay as small as the result allows round after round.
                let factor = Exact.one.adding(fraction)
                for partner in receiving {
                    let bore = current[partner, default: .zero]
                    receivers.append(Receiver(partner: partner, bore: bore, receives: bore.multiplied(by: fraction)))
                    current[partner] = bore.multiplied(by: factor)
                }
            } else {
                roundUnallocated = removed
                unallocatedByCaps = removed
            }
            rounds.append(CapRound(capped: capped, removed: removed, receivers: receivers,
                                   unallocated: roundUnallocated, after: snapshot()))
            if receiving.isEmpty { break }
        }

        return Allocation(
            amount: amount, bands: workings, beyondBands: beyondBands, beforeCaps: beforeCaps,
            capRounds: rounds, unallocatedByCaps: unallocatedByCaps, final: snapshot(),
            unallocated: beyondBands.adding(unallocatedByCaps).adding(unsplitTotal))
    }

    // MARK: Helpers

    /// Partner names in byte order: the order `Exact.roundedPartition` breaks ties in.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Bands by threshold, `above` last; a stable sort, so equal thresholds keep their order.
    private static func ordered(_ bands: [Band]) -> [Band] {
        bands.enumerated().sorted { a, b in
            switch (a.element.upTo, b.element.upTo) {
            case let (x?, y?) where x != y: x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }

    /// A band's splits sorted by partner name, a partner written twice having its shares added
    /// (in a fixed order, so even an overflow does not depend on how the band was written).
    private static func mergedSplits(_ splits: [(partner: String, share: Exact)]) -> [(partner: String, share: Exact)] {
        let sorted = splits.sorted { a, b in
            a.partner != b.partner ? precedes(a.partner, b.partner) : a.share < b.share
        }
        var merged: [(partner: String, share: Exact)] = []
        for split in sorted {
            if let last = merged.last, last.partner == split.partner {
                merged[merged.count - 1].share = last.share.adding(split.share)
            } else {
                merged.append(split)
            }
        }
        return merged
    }
}
