/// Text from a plan or a file name made safe to show: the one definition every human-readable
/// output uses, so no plan can send a terminal escape, end a line (and forge a CI workflow
/// command) or reorder what a reviewer sees with a bidirectional override ("Trojan Source").
public enum DisplayText {
    /// Controls that reorder text: the embeddings and overrides U+202A–U+202E, the isolates
    /// U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Whether `scalar` must be escaped: C0 and C1 controls but the tab, DEL, the line and
    /// paragraph separators, and the bidirectional controls.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: isBidirectionalControl(scalar)
        }
    }

    /// `scalar` as Swift writes it in a literal: `\u{1b}`.
    public static func escape(_ scalar: Unicode.Scalar) -> String { "\\u{\(String(scalar.value, radix: 16))}" }

    /// `text` with every scalar that `needsEscape` written as `\u{…}`.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `escaped` line by line, keeping the line breaks (for examples of several lines).
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(escaped).joined(separator: "\n")
    }
}
