// How amounts read in text and Markdown (LANGUAGE.md "Showing amounts"). Everything goes through
// `decimalDigits`, so it is rounded half-even from the exact value and never touches floating
// point. Negatives carry an ASCII `-`, and a value that rounds to zero shows no sign.

extension Exact {
    /// Money in pounds: `£1,234,567`; `£1,234,567.50` when the amount rounded to the penny is not
    /// whole pounds; `-£50,000` (the sign before the pound sign). `alwaysPennies` gives
    /// `£600,000.00`, as `accord eval` shows allocations.
    public func formattedMoney(alwaysPennies: Bool = false) -> String {
        let (negative, integer, pennies) = decimalDigits(places: 2)
        var text: [UInt8] = negative ? [UInt8(ascii: "-"), 0xC2, 0xA3] : [0xC2, 0xA3]  // £ in UTF-8
        text.reserveCapacity(integer.count * 4 / 3 + 6)
        Exact.appendGrouped(integer, to: &text)
        if alwaysPennies || pennies.contains(where: { $0 != UInt8(ascii: "0") }) {
            text.append(UInt8(ascii: "."))
            text += pennies
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A percent, from its value as a fraction (0.125 shows as `12.5%`), with at most `maxPlaces`
    /// decimals and no trailing zeros: `6.7%`, `50%`, `33.3%`, `-3%`.
    public func formattedPercent(maxPlaces: Int = 1) -> String {
        let (negative, integer, fraction) = decimalDigits(places: maxPlaces, shift: 2)
        return Exact.joined(negative, integer, grouping: true, fraction, suffix: "%")
    }

    /// A plain number with at most `maxPlaces` decimals and no trailing zeros: `12,000`, `0.6`,
    /// `0.33` for a third; `grouping: false` gives `12000`.
    public func formattedNumber(maxPlaces: Int = 2, grouping: Bool = true) -> String {
        let (negative, integer, fraction) = decimalDigits(places: maxPlaces)
        return Exact.joined(negative, integer, grouping: grouping, fraction)
    }

    /// Appends `1234567` as `1,234,567`.
    static func appendGrouped(_ digits: ArraySlice<UInt8>, to text: inout [UInt8]) {
        var left = digits.count
        for digit in digits {
            if left < digits.count, left % 3 == 0 { text.append(UInt8(ascii: ",")) }
            text.append(digit)
            left -= 1
        }
    }

    /// Sign, integer and fraction with the fraction's trailing zeros (and then its point) dropped.
    static func joined(_ negative: Bool, _ integer: ArraySlice<UInt8>, grouping: Bool, _ fraction: ArraySlice<UInt8>, suffix: String = "") -> String {
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if grouping { appendGrouped(integer, to: &text) } else { text += integer }
        var fraction = fraction
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if !fraction.isEmpty {
            text.append(UInt8(ascii: "."))
            text += fraction
        }
        text += suffix.utf8
        return String(decoding: text, as: UTF8.self)
    }
}
