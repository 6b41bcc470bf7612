/// The three kinds of table an annual report prints and that `PublishedTableCheck` can verify.
public enum PublishedTableKind: String, Sendable, CaseIterable {
    /// Driftsregnskap per artsgruppe: expenses 000-599, revenues 600-999 and a net row.
    case operating
    /// Investeringsregnskap per artsgruppe: financing need 000-599, financing 600-999 and a net row.
    case investment
    /// Investment projects with a final sum row.
    case projects

    /// Accepts the English raw value or the Norwegian word, so the CLI can take either.
    public init?(name: String) {
        let key = PublishedTableFields.trimmed(name).lowercased()
        if let kind = PublishedTableKind(rawValue: key) {
            self = kind
            return
        }
        switch key {
        case "drift": self = .operating
        case "investering": self = .investment
        case "prosjekter", "prosjekt": self = .projects
        default: return nil
        }
    }

    /// Norwegian name used in reports and messages.
    public var norwegianName: String {
        switch self {
        case .operating: "drift"
        case .investment: "investering"
        case .projects: "prosjekter"
        }
    }

    /// Columns that must be present in the header, in the order the issue describes them.
    var requiredHeader: [String] {
        switch self {
        case .operating, .investment:
            ["rad"] + [PublishedAmountColumn.regnskap, .dok3, .regulert, .regnskapForrige, .avvik].map(\.rawValue)
        case .projects:
            ["prosjektnr", "navn"] + [PublishedAmountColumn.dok3, .regulert, .regnskap, .avvik].map(\.rawValue)
        }
    }

    /// The amount columns this kind has; the label columns are the rest of `requiredHeader`.
    var amountColumns: [PublishedAmountColumn] {
        requiredHeader.compactMap(PublishedAmountColumn.init(rawValue:))
    }
}

/// An amount column of a published table, named as in the header.
enum PublishedAmountColumn: String, Sendable, CaseIterable {
    case regnskap
    case dok3
    case regulert
    case regnskapForrige = "regnskap_forrige"
    case avvik
}
