import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `AuthorityService`: the register of delegated authorities and the decision requests.
@Suite("Authority service")
struct AuthorityServiceTests {
    static let draft = AuthorityDraft(
        holder: "Etatsdirektør", scope: "Inngå fellesavtaler på vegne av Oslo kommune.", legalBasisKind: .councilDecision,
        legalBasisReference: "byrådssak 1295/03, vedtakspunkt 2", limits: "", validFrom: CalendarDate("2020-01-01"))

    @Test("the department keeps the register; others are refused", arguments: TestDatabase.backends)
    func register(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.authorities.add(Self.draft, in: "UKE", by: users[email])
                }
            }
            let before = try await services.authorities.register(in: "UKE", by: fin).authorities.count
            var draft = Self.draft
            draft.legalBasisReference = ""
            draft.validTo = CalendarDate("2019-12-31")
            do {
                _ = try await services.authorities.add(draft, in: "UKE", by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["legalBasisReference", "validTo"])
            }
            draft.legalBasisKind = .notFormalised
            draft.validTo = nil
            let added = try await services.authorities.add(draft, in: "UKE", by: fin)
            var changed = AuthorityDraft(added)
            changed.limits = "Inntil 12 måneders etterlønn."
            try await services.authorities.update(try #require(added.id), with: changed, in: "UKE", by: fin)
            let register = try await services.authorities.register(in: "UKE", by: users[ServiceTestApp.auditor])
            #expect(register.authorities.count == before + 1 && !register.canEdit && !register.canRequest && !register.canDecide)
            #expect(register.authorities.last?.limits == "Inntil 12 måneders etterlønn." && register.authorities.last?.legalBasis.kind == .notFormalised)
        }
    }

    @Test("a request goes draft → sent → decided, and a granted change updates the register with history", arguments: TestDatabase.backends)
    func requestFlow(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer]), editor = try #require(users[ServiceTestApp.editor])
            let service = services.authorities
            let original = try await service.add(Self.draft, in: "UKE", by: fin)
            var proposal = Self.draft
            proposal.limits = "Gjelder ikke avtaler over 50 mill. kroner."
            proposal.validFrom = CalendarDate("2021-01-01")
            let request = try await service.draftRequest(
                AuthorityRequestDraft(authorityID: original.id, proposal: proposal, justification: "Endringen har vesentlige virkninger for virksomhetene."),
                in: "UKE", by: editor)
            let id = try #require(request.id)
            #expect(request.status == .draft && request.kind == .change)
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") { try await service.sendRequest(id, in: "UKE", by: users[email]) }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await service.decideRequest(id, outcome: .granted, text: "Innvilget.", decidedOn: CalendarDate("2020-12-01"), in: "UKE", by: users[email])
                }
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await service.decideRequest(id, outcome: .granted, text: "Innvilget.", decidedOn: CalendarDate("2020-12-01"), in: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.invalid(.single("status", "Anmodningen er ikke sendt ennå; bare en sendt anmodning kan avgjøres."))) {
                try await service.decideRequest(id, outcome: .granted, text: "Innvilget.", decidedOn: CalendarDate("2020-12-01"), in: "UKE", by: fin)
            }
            try await service.sendRequest(id, in: "UKE", by: editor, today: CalendarDate("2020-11-20")!)
            await #expect(throws: ServiceError.invalid(.single("status", "Anmodningen ble allerede sendt 20.11.2020."))) {
                try await service.sendRequest(id, in: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.invalid(.single("status", "Anmodningen er sendt til byrådsavdelingen og kan ikke endres lenger."))) {
                try await service.editRequest(id, with: AuthorityRequestDraft(authorityID: nil, proposal: proposal, justification: "x"), in: "UKE", by: editor)
            }
            do {
                _ = try await service.decideRequest(id, outcome: nil, text: "", decidedOn: nil, in: "UKE", by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["outcome", "decisionText", "decidedOn"])
            }
            let decided = try await service.decideRequest(
                id, outcome: .granted, text: "FIN innvilger endringen.", decidedOn: CalendarDate("2020-12-01"), in: "UKE", by: fin)
            #expect(decided.status == .decided && decided.decision?.decidedBy == fin.email && decided.resultingAuthorityID != nil)
            await #expect(throws: ServiceError.invalid(.single("status", "Anmodningen er allerede avgjort (innvilget)."))) {
                try await service.decideRequest(id, outcome: .refused, text: "Nei.", decidedOn: CalendarDate("2020-12-02"), in: "UKE", by: fin)
            }
            await #expect(throws: ServiceError.invalid(.single("status", "Anmodningen er allerede avgjort og kan ikke sendes på nytt."))) {
                try await service.sendRequest(id, in: "UKE", by: editor)
            }
            let register = try await service.register(in: "UKE", by: fin)
            let old = try #require(register.authorities.first { $0.id == original.id })
            let new = try #require(register.authorities.first { $0.id == decided.resultingAuthorityID })
            #expect(old.validTo == CalendarDate("2020-12-31") && new.replaces == original.id && new.requestID == id)
            #expect(new.limits == "Gjelder ikke avtaler over 50 mill. kroner.")
            #expect(register.valid(on: CalendarDate("2021-06-01")!).map(\.id).contains(new.id) && !register.valid(on: CalendarDate("2021-06-01")!).contains(old))
        }
    }

    @Test("a refused request leaves the register as it was", arguments: TestDatabase.backends)
    func refusedRequest(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer]), editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.authorities.register(in: "UKE", by: fin).authorities
            let request = try await services.authorities.draftRequest(
                AuthorityRequestDraft(authorityID: nil, proposal: Self.draft, justification: "Prinsipiell karakter."), in: "UKE", by: editor)
            try await services.authorities.sendRequest(request.id!, in: "UKE", by: editor)
            let decided = try await services.authorities.decideRequest(
                request.id!, outcome: .refused, text: "Avslått.", decidedOn: .today(), in: "UKE", by: fin)
            #expect(decided.decision?.outcome == .refused && decided.resultingAuthorityID == nil)
            #expect(try await services.authorities.register(in: "UKE", by: fin).authorities == before)
        }
    }
}
