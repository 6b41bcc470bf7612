/// The character encoding a ledger file was read in.
public enum LedgerTextEncoding: String, Hashable, Sendable, Codable, CaseIterable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Windows-1252, the superset of Latin-1 (ISO 8859-1) that Norwegian Windows and Excel write.
    case windows1252

    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 LE"
        case .utf16BigEndian: "UTF-16 BE"
        case .windows1252: "Windows-1252 (Latin-1)"
        }
    }
}
