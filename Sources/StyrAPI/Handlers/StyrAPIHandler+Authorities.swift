import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The register of delegated authorities and the decision requests about them through the API:
/// the same use cases as the pages (`AuthorityService`). The rules name their fields as the JSON
/// does (`holder`, `legalBasisKind`, `validTo`, …); a request's proposal fields are nested.
extension StyrAPIHandler {
    func listAuthorities(_ input: Operations.ListAuthorities.Input) async throws -> Operations.ListAuthorities.Output {
        let register = try await service { try await services.authorities.register(in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            organisationCode: register.scope.code, authorities: register.authorities.map(Self.authority),
            requests: register.requests.map(Self.authorityRequest)))))
    }

    func createAuthority(_ input: Operations.CreateAuthority.Input) async throws -> Operations.CreateAuthority.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.authorityDraft(body, prefix: "")
        let authority = try await service { try await services.authorities.add(draft, in: input.path.code, by: APICaller.current) }
        return .created(.init(body: .json(Self.authority(authority))))
    }

    func putAuthority(_ input: Operations.PutAuthority.Input) async throws -> Operations.PutAuthority.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.authorityDraft(body, prefix: "")
        let authority = try await service {
            try await services.authorities.update(input.path.id, with: draft, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.authority(authority))))
    }

    /// The proposal's fields are nested under `proposal` in the request's JSON.
    static let requestFields = Dictionary(uniqueKeysWithValues: ["holder", "scope", "legalBasisKind", "legalBasisReference", "limits", "validFrom", "validTo"]
        .map { ($0, "proposal.\($0)") }).merging(["authorityID": "authorityId"]) { $1 }

    func createAuthorityRequest(_ input: Operations.CreateAuthorityRequest.Input) async throws -> Operations.CreateAuthorityRequest.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = AuthorityRequestDraft(
            authorityID: body.authorityId, proposal: try Self.authorityDraft(body.proposal, prefix: "proposal."), justification: body.justification)
        let request = try await service(fields: Self.requestFields) {
            try await services.authorities.draftRequest(draft, in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.authorityRequest(request))))
    }

    func putAuthorityRequest(_ input: Operations.PutAuthorityRequest.Input) async throws -> Operations.PutAuthorityRequest.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = AuthorityRequestDraft(
            authorityID: body.authorityId, proposal: try Self.authorityDraft(body.proposal, prefix: "proposal."), justification: body.justification)
        let request = try await service(fields: Self.requestFields) {
            try await services.authorities.editRequest(input.path.id, with: draft, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.authorityRequest(request))))
    }

    func sendAuthorityRequest(_ input: Operations.SendAuthorityRequest.Input) async throws -> Operations.SendAuthorityRequest.Output {
        let request = try await service { try await services.authorities.sendRequest(input.path.id, in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Self.authorityRequest(request))))
    }

    func decideAuthorityRequest(_ input: Operations.DecideAuthorityRequest.Input) async throws -> Operations.DecideAuthorityRequest.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try body.decidedOn.map { try Self.date($0, field: "decidedOn") }
        let outcome: AuthorityDecisionOutcome = switch body.outcome {
        case .granted: .granted
        case .refused: .refused
        }
        let request = try await service {
            try await services.authorities.decideRequest(
                input.path.id, outcome: outcome, text: body.text, decidedOn: date, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.authorityRequest(request))))
    }

    static func authorityDraft(_ body: Components.Schemas.AuthorityInput, prefix: String) throws -> AuthorityDraft {
        AuthorityDraft(
            holder: body.holder, scope: body.scope, legalBasisKind: legalBasisKind(body.legalBasisKind),
            legalBasisReference: body.legalBasisReference ?? "", limits: body.limits ?? "",
            validFrom: try date(body.validFrom, field: prefix + "validFrom"),
            validTo: try body.validTo.map { try date($0, field: prefix + "validTo") })
    }

    static func authority(_ authority: DelegatedAuthority) -> Components.Schemas.DelegatedAuthority {
        .init(
            id: authority.id ?? 0, organisationCode: authority.organisationCode, holder: authority.holder, scope: authority.scope,
            legalBasisKind: legalBasisKind(authority.legalBasis.kind), legalBasisReference: authority.legalBasis.reference,
            legalBasis: authority.legalBasis.description, limits: authority.limits, validFrom: authority.validFrom.iso,
            validTo: authority.validTo?.iso, replaces: authority.replaces, requestId: authority.requestID)
    }

    static func authorityRequest(_ request: AuthorityRequest) -> Components.Schemas.AuthorityRequest {
        let proposal = request.proposal
        let kind: Components.Schemas.AuthorityRequest.KindPayload = switch request.kind {
        case .newAuthority: .newAuthority
        case .change: .change
        }
        let status: Components.Schemas.AuthorityRequestStatus = switch request.status {
        case .draft: .draft
        case .sent: .sent
        case .decided: .decided
        }
        let decision = request.decision.map { decision in
            let outcome: Components.Schemas.AuthorityDecisionOutcome = switch decision.outcome {
            case .granted: .granted
            case .refused: .refused
            }
            return Components.Schemas.AuthorityDecision(
                outcome: outcome, text: decision.text, decidedOn: decision.decidedOn.iso, decidedBy: decision.decidedBy)
        }
        return .init(
            id: request.id ?? 0, organisationCode: request.organisationCode, kind: kind, authorityId: request.authorityID,
            proposal: .init(
                holder: proposal.holder, scope: proposal.scope, legalBasisKind: proposal.legalBasisKind.map(legalBasisKind),
                legalBasisReference: proposal.legalBasisReference, limits: proposal.limits, validFrom: proposal.validFrom?.iso,
                validTo: proposal.validTo?.iso),
            justification: request.justification, status: status, createdBy: request.createdBy, sentOn: request.sentOn?.iso,
            sentBy: request.sentBy, decision: decision, resultingAuthorityId: request.resultingAuthorityID)
    }

    static func legalBasisKind(_ kind: LegalBasisKind) -> Components.Schemas.LegalBasisKind {
        switch kind {
        case .act: .act
        case .regulation: .regulation
        case .councilDecision: .councilDecision
        case .notFormalised: .notFormalised
        }
    }

    static func legalBasisKind(_ kind: Components.Schemas.LegalBasisKind) -> LegalBasisKind {
        switch kind {
        case .act: .act
        case .regulation: .regulation
        case .councilDecision: .councilDecision
        case .notFormalised: .notFormalised
        }
    }
}
