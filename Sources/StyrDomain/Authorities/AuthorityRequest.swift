/// What a decision request asks the department for.
public enum AuthorityRequestKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A new authority.
    case newAuthority
    /// A change of an existing authority (`AuthorityRequest.authorityID`).
    case change

    public var norwegianName: String {
        switch self {
        case .newAuthority: "Ny fullmakt"
        case .change: "Endring av fullmakt"
        }
    }
}

public enum AuthorityRequestStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, sent, decided

    public var norwegianName: String {
        switch self {
        case .draft: "Utkast"
        case .sent: "Sendt til byrådsavdelingen"
        case .decided: "Avgjort"
        }
    }
}

public enum AuthorityDecisionOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case granted, refused

    public var norwegianName: String {
        switch self {
        case .granted: "Innvilget"
        case .refused: "Avslått"
        }
    }
}

/// The department's decision on a request: the outcome, its text, the date and who decided.
public struct AuthorityDecision: Hashable, Sendable, Codable {
    public var outcome: AuthorityDecisionOutcome
    public var text: String
    public var decidedOn: CalendarDate
    public var decidedBy: String

    public init(outcome: AuthorityDecisionOutcome, text: String, decidedOn: CalendarDate, decidedBy: String) {
        self.outcome = outcome
        self.text = text
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
    }
}

/// A decision request (first seed §3.3): a change of a principled nature, or with significant
/// effects for the departments or other agencies, goes to the department for decision even when
/// an authority exists. Drafted and sent by the agency, decided by the department; a granted
/// request updates the register.
public struct AuthorityRequest: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var kind: AuthorityRequestKind
    /// The authority to change, for a change.
    public var authorityID: Int64?
    /// The authority as the agency asks for it.
    public var proposal: AuthorityDraft
    /// Why the change is asked for, and why it is of a principled nature or has significant effects.
    public var justification: String
    public var status: AuthorityRequestStatus
    public var createdBy: String
    public var sentOn: CalendarDate?
    public var sentBy: String?
    public var decision: AuthorityDecision?
    /// The register entry a granted request created.
    public var resultingAuthorityID: Int64?

    public init(
        id: Int64? = nil, organisationCode: String, kind: AuthorityRequestKind, authorityID: Int64? = nil, proposal: AuthorityDraft,
        justification: String, status: AuthorityRequestStatus = .draft, createdBy: String, sentOn: CalendarDate? = nil,
        sentBy: String? = nil, decision: AuthorityDecision? = nil, resultingAuthorityID: Int64? = nil
    ) {
        self.id = id
        self.organisationCode = organisationCode
        self.kind = kind
        self.authorityID = authorityID
        self.proposal = proposal
        self.justification = justification
        self.status = status
        self.createdBy = createdBy
        self.sentOn = sentOn
        self.sentBy = sentBy
        self.decision = decision
        self.resultingAuthorityID = resultingAuthorityID
    }
}

/// The typed fields of a request form: what is asked for and why.
public struct AuthorityRequestDraft: Hashable, Sendable, Codable {
    /// The authority to change; nil asks for a new one.
    public var authorityID: Int64?
    public var proposal: AuthorityDraft
    public var justification: String

    public init(authorityID: Int64?, proposal: AuthorityDraft, justification: String) {
        self.authorityID = authorityID
        self.proposal = proposal
        self.justification = justification
    }
}

/// The rules of decision requests: draft → sent → decided, each step only from the one before.
/// Errors name the fields `justification`, `authorityID`, `status`, `outcome`, `decisionText`,
/// `decidedOn` and the proposal's fields (`AuthorityRules`).
public enum AuthorityRequestRules {
    /// A new or edited draft; the proposal must be a valid authority and a change must name one in the register.
    public static func draft(
        _ draft: AuthorityRequestDraft, organisationCode: String, register: [DelegatedAuthority], existing: AuthorityRequest?,
        createdBy: String
    ) throws -> AuthorityRequest {
        if let existing, existing.status != .draft {
            throw InputErrors.single("status", "Anmodningen er \(existing.status.norwegianName.lowercased()) og kan ikke endres lenger.")
        }
        var errors = InputErrors()
        do { _ = try AuthorityRules.authority(draft.proposal, organisationCode: organisationCode) } catch let found as InputErrors {
            for entry in found.entries { errors.add(entry.field, entry.message) }
        }
        let justification = draft.justification.trimmingCharacters(in: .whitespacesAndNewlines)
        if justification.isEmpty {
            errors.add("justification", "Skriv hvorfor endringen legges fram for byrådsavdelingen (prinsipiell karakter eller vesentlige virkninger).")
        }
        if justification.count > AuthorityRules.maxText { errors.add("justification", "Begrunnelsen kan ha høyst \(AuthorityRules.maxText) tegn.") }
        if let id = draft.authorityID {
            if let authority = register.first(where: { $0.id == id }) {
                if authority.validTo != nil, register.contains(where: { $0.replaces == id }) {
                    errors.add("authorityID", "Fullmakten «\(authority.scope)» er allerede erstattet; velg den som gjelder nå.")
                }
            } else {
                errors.add("authorityID", "Fant ikke fullmakt nr. \(id) i fullmaktsregisteret.")
            }
        }
        try errors.check()
        return AuthorityRequest(
            id: existing?.id, organisationCode: organisationCode, kind: draft.authorityID == nil ? .newAuthority : .change,
            authorityID: draft.authorityID, proposal: draft.proposal, justification: justification, status: .draft,
            createdBy: existing?.createdBy ?? createdBy)
    }

    /// Sends a draft to the department.
    public static func send(_ request: AuthorityRequest, by email: String, on date: CalendarDate) throws -> AuthorityRequest {
        switch request.status {
        case .draft: break
        case .sent: throw InputErrors.single("status", "Anmodningen ble allerede sendt \(request.sentOn.map(NorwegianFormat.date) ?? "").")
        case .decided: throw InputErrors.single("status", "Anmodningen er allerede avgjort og kan ikke sendes på nytt.")
        }
        var sent = request
        sent.status = .sent
        sent.sentOn = date
        sent.sentBy = email
        return sent
    }

    /// Decides a sent request. Returns the decided request and, when granted, the register's
    /// changes: the new entry, and the entry it replaces with its end date set.
    public static func decide(
        _ request: AuthorityRequest, outcome: AuthorityDecisionOutcome?, text: String, on date: CalendarDate?, by email: String,
        register: [DelegatedAuthority], today: CalendarDate
    ) throws -> (request: AuthorityRequest, added: DelegatedAuthority?, ended: DelegatedAuthority?) {
        switch request.status {
        case .draft: throw InputErrors.single("status", "Anmodningen er ikke sendt ennå; bare en sendt anmodning kan avgjøres.")
        case .decided: throw InputErrors.single("status", "Anmodningen er allerede avgjort (\(request.decision?.outcome.norwegianName.lowercased() ?? "")).")
        case .sent: break
        }
        var errors = InputErrors()
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome == nil { errors.add("outcome", "Velg om anmodningen innvilges eller avslås.") }
        if text.isEmpty { errors.add("decisionText", "Skriv vedtaket (begrunnelsen for avgjørelsen).") }
        if text.count > AuthorityRules.maxText { errors.add("decisionText", "Vedtaksteksten kan ha høyst \(AuthorityRules.maxText) tegn.") }
        if date == nil { errors.add("decidedOn", "Skriv datoen for vedtaket (DD.MM.ÅÅÅÅ).") }
        if let date, date > today { errors.add("decidedOn", "Vedtaksdatoen (\(NorwegianFormat.date(date))) er frem i tid.") }
        if let date, let sentOn = request.sentOn, date < sentOn {
            errors.add("decidedOn", "Vedtaksdatoen (\(NorwegianFormat.date(date))) er før anmodningen ble sendt (\(NorwegianFormat.date(sentOn))).")
        }
        try errors.check()
        guard let outcome, let date else { throw errors }
        var decided = request
        decided.status = .decided
        decided.decision = AuthorityDecision(outcome: outcome, text: text, decidedOn: date, decidedBy: email)
        guard outcome == .granted else { return (decided, nil, nil) }
        var added = try AuthorityRules.authority(request.proposal, organisationCode: request.organisationCode)
        added.requestID = request.id
        var ended: DelegatedAuthority?
        if request.kind == .change, let id = request.authorityID {
            guard var old = register.first(where: { $0.id == id }) else {
                throw InputErrors.single("authorityID", "Fant ikke fullmakt nr. \(id) i fullmaktsregisteret.")
            }
            guard old.validFrom < added.validFrom else {
                throw InputErrors.single(
                    "validFrom", "Den endrede fullmakten må gjelde fra en dato etter at den gamle begynte å gjelde (\(NorwegianFormat.date(old.validFrom))).")
            }
            let end = added.validFrom.adding(days: -1)
            if old.validTo.map({ $0 > end }) ?? true { old.validTo = end }
            added.replaces = id
            ended = old
        }
        return (decided, added, ended)
    }
}
