import AccordDiagnostics
import AccordSyntax

/// A plan file one fact per line, each line naming the blocks it sits in:
///
///     scheme PIP-05 "A new model for outpatient care"
///     scheme PIP-05 › status delivery
///     scheme PIP-05 › savings FY22/23 › cash-releasing £1.2m
///     scheme PIP-05 › milestone M2 › due 2023-03-31
///
/// Made for `git diff` (as a textconv): every changed line says which scheme, year or milestone
/// it belongs to, and layout never shows as a change. Comments are left out; `git diff
/// --no-textconv` shows the file as written. Works on any file, with or without syntax errors.
public enum Outline {
    public static func render(_ tree: SyntaxTree) -> String {
        var out = ""
        for statement in tree.statements { render(statement, path: "", into: &out) }
        return out
    }

    private static func render(_ statement: StatementSyntax, path: String, into out: inout String) {
        let header = headerText(statement)
        // Plan text is shown escaped: git prints this straight to a terminal.
        if !header.isEmpty { out += path + DisplayText.escaped(header) + "\n" }
        guard let block = statement.block else { return }
        let inner = path + DisplayText.escaped(label(statement)) + " › "
        for child in block.statements { render(child, path: inner, into: &out) }
    }

    /// The statement on one line: single spaces where the source had any, one after each comma,
    /// literals in canonical spelling.
    static func headerText(_ statement: StatementSyntax) -> String {
        let tokens = statement.items.flatMap { item -> [SyntaxToken] in
            switch item {
            case .expression(let node): node.significantTokens
            case .comma(let token), .equals(let token): [token]
            }
        }
        var text = ""
        var previous: SyntaxToken?
        for token in tokens {
            if let previous, token.kind != .comma,
               previous.kind == .comma || previous.kind == .equals || token.kind == .equals || token.range.lowerBound > previous.range.upperBound {
                text += " "
            }
            text += token.normalizedText
            previous = token
        }
        return text
    }

    /// How a block is named in the lines inside it: its keyword and, when it is a name or a
    /// literal other than a title string, its first argument (`scheme PIP-05`, `savings FY22/23`).
    static func label(_ statement: StatementSyntax) -> String {
        let keyword = statement.keyword ?? statement.head.map { $0.significantTokens.map(\.text).joined() } ?? ""
        guard let first = statement.elements.dropFirst().first else { return keyword }
        let tokens = first.significantTokens
        if tokens.count == 1, tokens[0].kind == .string { return keyword }
        return keyword + " " + tokens.map(\.normalizedText).joined()
    }
}
