/// Why a tracker could not be read at all, in words for the person who gave it.
public struct SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The limits the readers keep to, so no input can take unbounded memory or time
/// (docs/limits.md).
public enum SpreadsheetLimits {
    /// Excel's own limit for the text of one cell (UTF-16 units); a longer cell is read as unreadable.
    public static let cellCharacters = 32_767
    /// Rows read from one sheet (blank rows included); a tracker is one row per scheme.
    public static let rows = 10_000
    /// Columns read from one row.
    public static let columns = 1_000
    /// What one zip entry may inflate to; a zip bomb stops here.
    public static let entryBytes = 64 * 1024 * 1024
    /// Entries in one archive.
    public static let entries = 10_000
}
