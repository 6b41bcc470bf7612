public import StyrDomain
public import StyrServices

extension APIProblem {
    /// The API's one mapping of a use case's refusal to an RFC 9457 problem. `fields` names each
    /// domain field as the operation's JSON does (`meeting` → `meetingId`); others keep theirs.
    public init(_ error: ServiceError, fields: [String: String] = [:]) {
        switch error {
        case .unauthenticated: self = .unauthorized
        case .forbidden(let code): self = .forbidden("Rollene dine gir ikke tilgang til dette for «\(code)».")
        case .unknownOrganisation, .notFound: self = .notFound(error.message)
        case .notAnAgency(let code, _):
            self = .notFound(
                "«\(code)» er ikke en etat. Tildelingsbrev, møter, styringssignaler og meldinger hører til etatene; se etatene under «\(code)».")
        case .badRequest(let message): self = APIProblem(status: 400, title: "Ugyldig forespørsel", detail: message)
        case .invalid(let errors): self = .invalid(errors.renamed(fields).summary)
        case .importClash(let clash):
            self = .conflict(clash.isReplaceable ? "\(clash.description) Bruk replace=true for å bytte den ut." : clash.description)
        }
    }
}

extension APIProblem {
    /// A save that lost a race (`WriteConflict`): 409, with the record's current version in the
    /// detail and as the extension member `errors` (`currentVersion=N`) when there is one.
    public init(_ conflict: WriteConflict) {
        let version = conflict.currentVersion
        self = APIProblem(
            status: 409, title: "Konflikt",
            detail: conflict.message + (version.map { " Gjeldende versjon er \($0)." } ?? ""),
            errors: version.map { ["currentVersion=\($0)"] })
    }
}

extension StyrAPIHandler {
    /// Runs a use case, answering its refusal as a problem with the operation's field names.
    @discardableResult
    func service<T: Sendable>(fields: [String: String] = [:], _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ServiceError {
            throw APIProblem(error, fields: fields)
        }
    }
}
