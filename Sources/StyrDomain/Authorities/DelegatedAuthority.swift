/// What a delegated authority rests on (first seed §3.3): an act, a regulation or set of rules,
/// a political decision (a council or city government case), or nothing formal.
public enum LegalBasisKind: String, Hashable, Sendable, Codable, CaseIterable {
    case act
    case regulation
    case councilDecision
    case notFormalised

    public var norwegianName: String {
        switch self {
        case .act: "Lov"
        case .regulation: "Forskrift, reglement eller instruks"
        case .councilDecision: "Politisk vedtak (bystyre- eller byrådssak)"
        case .notFormalised: "Ikke formalisert gjennom vedtak"
        }
    }
}

/// The legal basis of an authority: its kind and the reference (`byrådssak 1295/03, vedtakspunkt 2`).
/// A formal basis needs a reference; one that is not formalised may still name where it comes from.
public struct LegalBasis: Hashable, Sendable, Codable {
    public var kind: LegalBasisKind
    public var reference: String

    public init(kind: LegalBasisKind, reference: String) {
        self.kind = kind
        self.reference = reference
    }

    /// "Politisk vedtak (bystyre- eller byrådssak): byrådssak 1295/03", for tables and the audit.
    public var description: String {
        reference.isEmpty ? kind.norwegianName : "\(kind.norwegianName): \(reference)"
    }
}

/// A delegated authority (fullmakt) in the register of an agency: who holds it, what it covers,
/// what it rests on, its limits and when it is valid. A change decided by the department ends the
/// old entry and adds a new one that `replaces` it, so the register keeps its history.
public struct DelegatedAuthority: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    /// Who holds it, e.g. "Etatsdirektør i UKE".
    public var holder: String
    /// What the authority allows.
    public var scope: String
    public var legalBasis: LegalBasis
    /// Limits of the authority (amounts, areas, conditions); empty when none are stated.
    public var limits: String
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?
    /// The entry this one replaced, when it came from a decided change.
    public var replaces: Int64?
    /// The decision request that created or changed it, when there was one.
    public var requestID: Int64?

    public init(
        id: Int64? = nil, organisationCode: String, holder: String, scope: String, legalBasis: LegalBasis, limits: String = "",
        validFrom: CalendarDate, validTo: CalendarDate? = nil, replaces: Int64? = nil, requestID: Int64? = nil
    ) {
        self.id = id
        self.organisationCode = organisationCode
        self.holder = holder
        self.scope = scope
        self.legalBasis = legalBasis
        self.limits = limits
        self.validFrom = validFrom
        self.validTo = validTo
        self.replaces = replaces
        self.requestID = requestID
    }

    /// Valid on `date`: started and not ended.
    public func isValid(on date: CalendarDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }
}

/// The fields of an authority as typed in a form or sent to the API, before the rules check them.
/// Field names are the domain's (`holder`, `scope`, `legalBasisKind`, `legalBasisReference`,
/// `limits`, `validFrom`, `validTo`).
public struct AuthorityDraft: Hashable, Sendable, Codable {
    public var holder: String
    public var scope: String
    public var legalBasisKind: LegalBasisKind?
    public var legalBasisReference: String
    public var limits: String
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?

    public init(
        holder: String, scope: String, legalBasisKind: LegalBasisKind?, legalBasisReference: String = "", limits: String = "",
        validFrom: CalendarDate?, validTo: CalendarDate? = nil
    ) {
        self.holder = holder
        self.scope = scope
        self.legalBasisKind = legalBasisKind
        self.legalBasisReference = legalBasisReference
        self.limits = limits
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// The draft of an existing authority, for a form that changes it.
    public init(_ authority: DelegatedAuthority) {
        self.init(
            holder: authority.holder, scope: authority.scope, legalBasisKind: authority.legalBasis.kind,
            legalBasisReference: authority.legalBasis.reference, limits: authority.limits, validFrom: authority.validFrom,
            validTo: authority.validTo)
    }
}

public enum AuthorityRules {
    static let maxText = 4000

    /// The authority the draft describes, or the errors keyed by the draft's fields.
    public static func authority(_ draft: AuthorityDraft, organisationCode: String) throws -> DelegatedAuthority {
        var errors = InputErrors()
        let holder = draft.holder.trimmingCharacters(in: .whitespacesAndNewlines)
        let scope = draft.scope.trimmingCharacters(in: .whitespacesAndNewlines)
        let reference = draft.legalBasisReference.trimmingCharacters(in: .whitespacesAndNewlines)
        let limits = draft.limits.trimmingCharacters(in: .whitespacesAndNewlines)
        if holder.isEmpty { errors.add("holder", "Skriv hvem som har fullmakten (f.eks. «Etatsdirektør»).") }
        if holder.count > 300 { errors.add("holder", "Innehaveren kan ha høyst 300 tegn.") }
        if scope.isEmpty { errors.add("scope", "Skriv hva fullmakten gjelder.") }
        if scope.count > maxText { errors.add("scope", "Beskrivelsen av fullmakten kan ha høyst \(maxText) tegn.") }
        if draft.legalBasisKind == nil { errors.add("legalBasisKind", "Velg hva fullmakten er hjemlet i (lov, reglement, vedtak eller ikke formalisert).") }
        if let kind = draft.legalBasisKind, kind != .notFormalised, reference.isEmpty {
            errors.add("legalBasisReference", "Skriv hjemmelen fullmakten bygger på (f.eks. «byrådssak 1295/03, vedtakspunkt 2»).")
        }
        if reference.count > maxText { errors.add("legalBasisReference", "Hjemmelen kan ha høyst \(maxText) tegn.") }
        if limits.count > maxText { errors.add("limits", "Begrensningene kan ha høyst \(maxText) tegn.") }
        if draft.validFrom == nil { errors.add("validFrom", "Skriv datoen fullmakten gjelder fra (DD.MM.ÅÅÅÅ).") }
        if let from = draft.validFrom, !BudgetYears.contains(from.year) { errors.add("validFrom", BudgetYears.outOfRangeMessage(from.year)) }
        if let from = draft.validFrom, let to = draft.validTo, to < from {
            errors.add("validTo", "Sluttdatoen (\(NorwegianFormat.date(to))) er før fra-datoen (\(NorwegianFormat.date(from))).")
        }
        try errors.check()
        return DelegatedAuthority(
            organisationCode: organisationCode, holder: holder, scope: scope,
            legalBasis: LegalBasis(kind: draft.legalBasisKind ?? .notFormalised, reference: reference), limits: limits,
            validFrom: draft.validFrom ?? CalendarDate(year: 1900, month: 1, day: 1), validTo: draft.validTo)
    }
}
