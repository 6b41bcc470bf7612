import StyrDomain
import StyrServices

/// The view models of the register of delegated authorities (`authorities.mustache`), one
/// authority (`authority.mustache`) and one decision request (`authority-request.mustache`).
struct AuthoritiesView: Sendable {
    struct Row: Sendable {
        var url: String
        var holder: String, scope: String, legalBasis: String, limits: String, validity: String
        var status: String
    }
    struct RequestRow: Sendable {
        var requestURL: String
        var number: Int64
        var kind: String, about: String, requestStatus: String, sentOn: String, outcome: String
    }

    var organisationName: String
    var saved: String?
    var newURL: String?
    var newRequestURL: String?
    var current: [Row]
    var ended: [Row]
    var requests: [RequestRow]
    var missionURL: String

    init(_ register: AuthorityService.Register, saved: String?, today: CalendarDate) {
        let base = "\(register.scope.base)/fullmakter"
        organisationName = register.scope.organisation.name
        self.saved = saved
        newURL = register.canEdit ? "\(base)/ny" : nil
        newRequestURL = register.canRequest ? "\(base)/anmodninger/ny" : nil
        let rows = register.authorities.map { (Self.row($0, base: base, register: register, today: today), $0) }
        current = rows.filter { $0.1.validTo.map { $0 >= today } ?? true }.map(\.0)
        ended = rows.filter { $0.1.validTo.map { $0 < today } ?? false }.map(\.0)
        requests = register.requests.reversed().map { Self.requestRow($0, base: base, register: register) }
        missionURL = "\(register.scope.base)/samfunnsoppdrag"
    }

    static func validity(_ authority: DelegatedAuthority) -> String {
        "Fra \(NorwegianFormat.date(authority.validFrom))" + (authority.validTo.map { " til \(NorwegianFormat.date($0))" } ?? "")
    }

    static func row(_ authority: DelegatedAuthority, base: String, register: AuthorityService.Register, today: CalendarDate) -> Row {
        let replacedBy = register.authorities.first { $0.replaces == authority.id }
        let status = if let replacedBy { "Erstattet av nr. \(replacedBy.id ?? 0)" }
            else if authority.validFrom > today { "Gjelder fra \(NorwegianFormat.date(authority.validFrom))" }
            else if authority.isValid(on: today) { "Gjelder" } else { "Utløpt" }
        return Row(
            url: "\(base)/\(authority.id ?? 0)", holder: authority.holder, scope: authority.scope, legalBasis: authority.legalBasis.description,
            limits: authority.limits.isEmpty ? "Ingen oppgitt" : authority.limits, validity: validity(authority), status: status)
    }

    static func requestRow(_ request: AuthorityRequest, base: String, register: AuthorityService.Register) -> RequestRow {
        RequestRow(
            requestURL: "\(base)/anmodninger/\(request.id ?? 0)", number: request.id ?? 0, kind: request.kind.norwegianName,
            about: request.proposal.scope, requestStatus: request.status.norwegianName,
            sentOn: request.sentOn.map(NorwegianFormat.date) ?? "–", outcome: request.decision?.outcome.norwegianName ?? "–")
    }
}

struct AuthorityView: Sendable {
    var organisationName: String
    var saved: String?
    var number: Int64
    var holder: String, scope: String, legalBasis: String, limits: String, validity: String, status: String
    var replacesURL: String?
    var replacedByURL: String?
    var requestURL: String?
    var editURL: String?
    var changeRequestURL: String?
    var historyURL: String
    var registerURL: String
    var requests: [AuthoritiesView.RequestRow]

    init(_ register: AuthorityService.Register, authority: DelegatedAuthority, saved: String?, today: CalendarDate) {
        let base = "\(register.scope.base)/fullmakter", id = authority.id ?? 0
        let row = AuthoritiesView.row(authority, base: base, register: register, today: today)
        organisationName = register.scope.organisation.name
        self.saved = saved
        number = id
        holder = row.holder
        scope = row.scope
        legalBasis = row.legalBasis
        limits = row.limits
        validity = row.validity
        status = row.status
        replacesURL = authority.replaces.map { "\(base)/\($0)" }
        let replacedBy = register.authorities.first { $0.replaces == authority.id }
        replacedByURL = replacedBy.map { "\(base)/\($0.id ?? 0)" }
        requestURL = authority.requestID.map { "\(base)/anmodninger/\($0)" }
        editURL = register.canEdit ? "\(base)/\(id)/endre" : nil
        changeRequestURL = register.canRequest && replacedBy == nil ? "\(base)/anmodninger/ny?fullmakt=\(id)" : nil
        historyURL = "/historikk?type=delegatedAuthority&nokkel=\("\(register.scope.code)/\(id)".urlQueryEncoded)"
        registerURL = base
        requests = register.requests.filter { $0.authorityID == authority.id }.map { AuthoritiesView.requestRow($0, base: base, register: register) }
    }
}

struct AuthorityRequestView: Sendable {
    var organisationName: String
    var saved: String?
    var number: Int64
    var kind: String
    var requestStatus: String
    var authorityURL: String?
    var holder: String, scope: String, legalBasis: String, limits: String, validity: String
    var justification: String
    var createdBy: String
    var sent: String?
    var decisionOutcome: String?
    var decisionText: String?
    var decided: String?
    var resultURL: String?
    var editURL: String?
    var sendURL: String?
    var decideURL: String?
    var csrfToken: String
    var historyURL: String
    var registerURL: String

    init(_ register: AuthorityService.Register, request: AuthorityRequest, saved: String?, csrfToken: String) {
        let base = "\(register.scope.base)/fullmakter", id = request.id ?? 0
        let proposal = request.proposal
        organisationName = register.scope.organisation.name
        self.saved = saved
        number = id
        kind = request.kind.norwegianName
        requestStatus = request.status.norwegianName
        authorityURL = request.authorityID.map { "\(base)/\($0)" }
        holder = proposal.holder
        scope = proposal.scope
        legalBasis = LegalBasis(kind: proposal.legalBasisKind ?? .notFormalised, reference: proposal.legalBasisReference).description
        limits = proposal.limits.isEmpty ? "Ingen oppgitt" : proposal.limits
        validity = (proposal.validFrom.map { "Fra \(NorwegianFormat.date($0))" } ?? "") + (proposal.validTo.map { " til \(NorwegianFormat.date($0))" } ?? "")
        justification = request.justification
        createdBy = request.createdBy
        sent = request.sentOn.map { "\(NorwegianFormat.date($0)) av \(request.sentBy ?? "")" }
        decisionOutcome = request.decision?.outcome.norwegianName
        decisionText = request.decision?.text
        decided = request.decision.map { "\(NorwegianFormat.date($0.decidedOn)) av \($0.decidedBy)" }
        resultURL = request.resultingAuthorityID.map { "\(base)/\($0)" }
        let canChange = register.canRequest && request.status == .draft
        editURL = canChange ? "\(base)/anmodninger/\(id)/endre" : nil
        sendURL = canChange ? "\(base)/anmodninger/\(id)/send" : nil
        decideURL = register.canDecide && request.status == .sent ? "\(base)/anmodninger/\(id)/avgjor" : nil
        self.csrfToken = csrfToken
        historyURL = "/historikk?type=authorityRequest&nokkel=\("\(register.scope.code)/\(id)".urlQueryEncoded)"
        registerURL = base
    }
}
