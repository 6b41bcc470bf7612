import Foundation

/// What a person typed to create or change a chapter; nil for what is missing.
public struct ChapterDraft: Hashable, Sendable {
    public var number: Int?
    public var name: String
    public var kind: ChapterKind?

    public init(number: Int?, name: String, kind: ChapterKind?) {
        self.number = number
        self.name = name
        self.kind = kind
    }
}

/// Chapters (kapitler) of an agency: numbers 1–99 999, unique in the database; a name; drift,
/// investering or both. A chapter's kind changes only while it holds no amounts of a kind the new
/// kind would not cover (so an empty chapter may change freely).
public enum ChapterRules {
    public static let nameLimit = 200

    /// A new chapter. `clash` is the chapter already stored under the number, if any.
    public static func create(_ draft: ChapterDraft, organisationCode: String, clash: Chapter?) throws -> Chapter {
        var errors = InputErrors()
        if let number = draft.number {
            if !(1...99_999).contains(number) {
                errors.add("number", "Kapittelnummeret må være et helt tall fra 1 til 99 999.")
            } else if let clash {
                errors.add("number", "Kapittelnummer \(number) er allerede brukt (kapittel \(clash.number) \(clash.name), «\(clash.organisationCode)»). Velg et annet nummer.")
            }
        } else {
            errors.add("number", "Skriv kapittelnummeret som et helt tall, f.eks. 125.")
        }
        let name = checkName(draft.name, &errors)
        if draft.kind == nil { errors.add("kind", "Velg om kapitlet gjelder drift, investering eller begge.") }
        try errors.check()
        return Chapter(number: draft.number!, name: name, organisationCode: organisationCode, kind: draft.kind!)
    }

    /// The chapter renamed or with another kind. `heldKinds` are the kontoklasser it holds amounts
    /// of (Dok. 3, regnskap, revisions, projects).
    public static func edit(_ chapter: Chapter, name: String, kind: ChapterKind?, heldKinds: Set<AccountKind>) throws -> Chapter {
        var errors = InputErrors()
        let name = checkName(name, &errors)
        let kind = kind ?? chapter.kind
        let uncovered = heldKinds.filter { !kind.covers($0) }.sorted { $0.rawValue > $1.rawValue }
        if kind != chapter.kind, !uncovered.isEmpty {
            let kinds = uncovered.map { $0.norwegianName.lowercased() }.joined(separator: " og ")
            errors.add("kind", "Kapittel \(chapter.number) har beløp i \(kinds), så det kan ikke endres til «\(kind.norwegianName.lowercased())». Fjern beløpene først.")
        }
        try errors.check()
        var edited = chapter
        edited.name = name
        edited.kind = kind
        return edited
    }

    private static func checkName(_ text: String, _ errors: inout InputErrors) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.add("name", "Skriv navnet på kapitlet.")
        } else if name.count > nameLimit {
            errors.add("name", "Navnet på kapitlet kan ha høyst \(nameLimit) tegn.")
        }
        return name
    }
}
