import Foundation

/// The four themes of ISO/IEC 27001:2022 Annex A (clauses 5–8 of ISO/IEC 27002:2022).
public enum ControlTheme: String, Hashable, Sendable, Codable, CaseIterable {
    case organizational, people, physical, technological

    public var norwegianName: String {
        switch self {
        case .organizational: "Organisatoriske tiltak (A.5)"
        case .people: "Personellrelaterte tiltak (A.6)"
        case .physical: "Fysiske tiltak (A.7)"
        case .technological: "Teknologiske tiltak (A.8)"
        }
    }

    /// The clause number its controls start with.
    public var clause: String {
        switch self {
        case .organizational: "5"
        case .people: "6"
        case .physical: "7"
        case .technological: "8"
        }
    }
}

/// One of the 93 controls of ISO/IEC 27001:2022 Annex A, with the standard's own (English) title.
/// The list ships with Styr (`StyrStorage/Resources/iso27001_2022_annex_a.csv`).
public struct ISOControl: Hashable, Sendable, Codable {
    /// "5.15" (shown as "A.5.15").
    public var id: String
    public var theme: ControlTheme
    public var title: String

    public init(id: String, theme: ControlTheme, title: String) {
        self.id = id
        self.theme = theme
        self.title = title
    }

    /// "A.5.15 Access control".
    public var description: String { "A.\(id) \(title)" }

    /// The id as typed ("A.5.15", "a 5.15", "5.15") in the catalogue's form, or nil.
    public static func normalisedID(_ text: String) -> String {
        var id = text.trimmingCharacters(in: .whitespaces).uppercased()
        if id.hasPrefix("A") { id = String(id.dropFirst()).trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
        return id
    }
}
