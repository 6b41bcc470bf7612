import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The register of delegated authorities and the decision requests (`AuthorityService`): the
/// department keeps the register and decides; the agency drafts and sends requests.
struct AuthorityController: Sendable {
    let authorities: AuthorityService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "holder": "innehaver", "scope": "omfang", "legalBasisKind": "hjemmel_type", "legalBasisReference": "hjemmel",
        "limits": "begrensninger", "validFrom": "fra", "validTo": "til", "authorityID": "fullmakt", "justification": "begrunnelse",
        "outcome": "utfall", "decisionText": "vedtak", "decidedOn": "dato", "status": "begrunnelse",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/fullmakter") { request, context in
            let register = try await authorities.register(in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Fullmakter – \(register.scope.organisation.name)", template: "authorities",
                              model: AuthoritiesView(register, saved: Confirmation.message(request, context), today: .today()),
                              context: context, trail: [NavigationLink(url: register.scope.base, label: register.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/fullmakter/ny") { _, context in
            let register = try await requireRegister(context, permission: \.canEdit)
            return pages.form(authorityForm(register, id: nil, values: ["fra": CalendarDate.today().iso], errors: InputErrors()), context: context,
                              trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/fullmakter/ny") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code")
            do {
                let added = try await authorities.add(Self.authorityDraft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/fullmakter/\(added.id ?? 0)", message: "Fullmakten er lagt til i registeret.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await authorities.register(in: code, by: context.session?.user)
                return pages.form(authorityForm(register, id: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/fullmakter/anmodninger/ny") { request, context in
            let register = try await requireRegister(context, permission: \.canRequest)
            var values = ["fra": CalendarDate.today().iso]
            if let id = request.uri.queryParameters.get("fullmakt", as: Int64.self), let authority = register.authorities.first(where: { $0.id == id }) {
                values = Self.values(AuthorityDraft(authority))
                values["fullmakt"] = String(id)
            }
            return pages.form(requestForm(register, id: nil, values: values, errors: InputErrors()), context: context, trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/fullmakter/anmodninger/ny") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code")
            do {
                let drafted = try await authorities.draftRequest(Self.requestDraft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: requestURL(code, drafted.id ?? 0), message: "Anmodningen er lagret som utkast.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await authorities.register(in: code, by: context.session?.user)
                return pages.form(requestForm(register, id: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/fullmakter/anmodninger/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "anmodning")
            let found = try await authorities.request(id, in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Anmodning nr. \(id) – \(found.register.scope.organisation.name)", template: "authority-request",
                              model: AuthorityRequestView(found.register, request: found.request, saved: Confirmation.message(request, context),
                                                          csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: trail(found.register.scope))
        }
        router.get("/organisasjoner/:code/fullmakter/anmodninger/:id/endre") { _, context in
            let id = try requireID(context, pages: pages, what: "anmodning")
            let found = try await authorities.request(id, in: try context.parameters.require("code"), by: context.session?.user)
            guard found.register.canRequest else { throw ServiceError.forbidden(organisationCode: found.register.scope.code) }
            var values = Self.values(found.request.proposal)
            values["fullmakt"] = found.request.authorityID.map(String.init) ?? ""
            values["begrunnelse"] = found.request.justification
            return pages.form(requestForm(found.register, id: id, values: values, errors: InputErrors()), context: context, trail: trail(found.register.scope))
        }
        router.post("/organisasjoner/:code/fullmakter/anmodninger/:id/endre") { request, context in
            let fields = try await formFields(request, context)
            let id = try requireID(context, pages: pages, what: "anmodning"), code = try context.parameters.require("code")
            do {
                try await authorities.editRequest(id, with: Self.requestDraft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: requestURL(code, id), message: "Utkastet er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await authorities.register(in: code, by: context.session?.user)
                return pages.form(requestForm(register, id: id, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.post("/organisasjoner/:code/fullmakter/anmodninger/:id/send") { request, context in
            _ = try await formFields(request, context)
            let id = try requireID(context, pages: pages, what: "anmodning"), code = try context.parameters.require("code")
            do {
                try await authorities.sendRequest(id, in: code, by: context.session?.user)
                return Confirmation.redirect(to: requestURL(code, id), message: "Anmodningen er sendt til byrådsavdelingen.", context)
            } catch ServiceError.invalid(let errors) {
                return pages.error(.unprocessableContent, heading: "Anmodningen er ikke sendt", message: errors.entries.map(\.message).joined(separator: " "),
                                   context: context).response
            }
        }
        router.get("/organisasjoner/:code/fullmakter/anmodninger/:id/avgjor") { _, context in
            let id = try requireID(context, pages: pages, what: "anmodning")
            let found = try await authorities.request(id, in: try context.parameters.require("code"), by: context.session?.user)
            guard found.register.canDecide else { throw ServiceError.forbidden(organisationCode: found.register.scope.code) }
            return pages.form(decisionForm(found.register, found.request, values: ["dato": CalendarDate.today().iso], errors: InputErrors()),
                              context: context, trail: trail(found.register.scope))
        }
        router.post("/organisasjoner/:code/fullmakter/anmodninger/:id/avgjor") { request, context in
            let fields = try await formFields(request, context)
            let id = try requireID(context, pages: pages, what: "anmodning"), code = try context.parameters.require("code")
            do {
                let decided = try await authorities.decideRequest(
                    id, outcome: AuthorityDecisionOutcome(rawValue: fields.text("utfall")), text: fields.text("vedtak"),
                    decidedOn: CalendarDate(fields.text("dato")), in: code, by: context.session?.user)
                let message = decided.decision?.outcome == .granted ? "Anmodningen er innvilget, og fullmaktsregisteret er oppdatert." : "Anmodningen er avslått."
                return Confirmation.redirect(to: requestURL(code, id), message: message, context)
            } catch ServiceError.invalid(let errors) {
                let found = try await authorities.request(id, in: code, by: context.session?.user)
                return pages.form(decisionForm(found.register, found.request, values: fields, errors: errors.renamed(Self.formFields)),
                                  context: context, trail: trail(found.register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/fullmakter/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "fullmakt")
            let found = try await authorities.authority(id, in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Fullmakt nr. \(id) – \(found.register.scope.organisation.name)", template: "authority",
                              model: AuthorityView(found.register, authority: found.authority, saved: Confirmation.message(request, context), today: .today()),
                              context: context, trail: trail(found.register.scope))
        }
        router.get("/organisasjoner/:code/fullmakter/:id/endre") { _, context in
            let id = try requireID(context, pages: pages, what: "fullmakt")
            let found = try await authorities.authority(id, in: try context.parameters.require("code"), by: context.session?.user)
            guard found.register.canEdit else { throw ServiceError.forbidden(organisationCode: found.register.scope.code) }
            return pages.form(authorityForm(found.register, id: id, values: Self.values(AuthorityDraft(found.authority)), errors: InputErrors()),
                              context: context, trail: trail(found.register.scope))
        }
        router.post("/organisasjoner/:code/fullmakter/:id/endre") { request, context in
            let fields = try await formFields(request, context)
            let id = try requireID(context, pages: pages, what: "fullmakt"), code = try context.parameters.require("code")
            do {
                try await authorities.update(id, with: Self.authorityDraft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/fullmakter/\(id)", message: "Fullmakten er rettet.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await authorities.register(in: code, by: context.session?.user)
                return pages.form(authorityForm(register, id: id, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
    }

    func formFields(_ request: Request, _ context: StyrRequestContext) async throws -> [String: String] {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        return fields
    }

    /// The register, when the user may do what `permission` says there.
    func requireRegister(_ context: StyrRequestContext, permission: KeyPath<AuthorityService.Register, Bool>) async throws -> AuthorityService.Register {
        let register = try await authorities.register(in: try context.parameters.require("code"), by: context.session?.user)
        guard register[keyPath: permission] else { throw ServiceError.forbidden(organisationCode: register.scope.code) }
        return register
    }

    func requestURL(_ code: String, _ id: Int64) -> String { "/organisasjoner/\(code.urlPathEncoded)/fullmakter/anmodninger/\(id)" }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/fullmakter", label: "Fullmakter")]
    }

    static func authorityDraft(_ fields: [String: String]) -> AuthorityDraft {
        AuthorityDraft(
            holder: fields.text("innehaver"), scope: fields.text("omfang"), legalBasisKind: LegalBasisKind(rawValue: fields.text("hjemmel_type")),
            legalBasisReference: fields.text("hjemmel"), limits: fields.text("begrensninger"), validFrom: CalendarDate(fields.text("fra")),
            validTo: CalendarDate(fields.text("til")))
    }

    static func requestDraft(_ fields: [String: String]) -> AuthorityRequestDraft {
        AuthorityRequestDraft(
            authorityID: fields.text("fullmakt").isEmpty ? nil : Int64(fields.text("fullmakt")) ?? 0, proposal: authorityDraft(fields),
            justification: fields.text("begrunnelse"))
    }

    static func values(_ draft: AuthorityDraft) -> [String: String] {
        ["innehaver": draft.holder, "omfang": draft.scope, "hjemmel_type": draft.legalBasisKind?.rawValue ?? "", "hjemmel": draft.legalBasisReference,
         "begrensninger": draft.limits, "fra": draft.validFrom?.iso ?? "", "til": draft.validTo?.iso ?? ""]
    }

    func authorityFields(_ values: [String: String]) -> [FormField] {
        [
            FormField(name: "omfang", label: "Fullmakten", kind: .textarea, value: values["omfang"] ?? "", hint: "Hva fullmakten gir rett til.", rows: 4),
            FormField(name: "innehaver", label: "Innehaver", value: values["innehaver"] ?? "", hint: "F.eks. «Etatsdirektør»."),
            FormField(name: "hjemmel_type", label: "Hjemmel", kind: .select([("", "Velg hjemmel")] + LegalBasisKind.allCases.map { ($0.rawValue, $0.norwegianName) }),
                      value: values["hjemmel_type"] ?? ""),
            FormField(name: "hjemmel", label: "Henvisning", value: values["hjemmel"] ?? "",
                      hint: "Loven, reglementet eller saken med nummer, f.eks. «byrådssak 1295/03, vedtakspunkt 2». Kan stå tom når fullmakten ikke er formalisert."),
            FormField(name: "begrensninger", label: "Begrensninger", kind: .textarea, value: values["begrensninger"] ?? "", rows: 3),
            FormField(name: "fra", label: "Gjelder fra", kind: .date, value: values["fra"] ?? ""),
            FormField(name: "til", label: "Gjelder til", kind: .date, value: values["til"] ?? "", hint: "Tom når den gjelder til den endres."),
        ]
    }

    func authorityForm(_ register: AuthorityService.Register, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/fullmakter"
        return FormPage(
            kicker: register.scope.organisation.name, heading: id.map { "Rett opp fullmakt nr. \($0)" } ?? "Ny fullmakt",
            intro: id == nil
                ? "Byrådsavdelingen fører registeret. En endring av prinsipiell karakter skal komme som en anmodning fra etaten og avgjøres der."
                : "Rettelsen endrer fullmakten der den står; historikken viser hva den var. En endring som skal gjelde fra en ny dato, gjøres gjennom en anmodning.",
            action: id.map { "\(base)/\($0)/endre" } ?? "\(base)/ny", submitLabel: "Lagre fullmakten", fields: authorityFields(values),
            errors: errors, errorHeading: "Fullmakten er ikke lagret", cancelURL: id.map { "\(base)/\($0)" } ?? base)
    }

    func requestForm(_ register: AuthorityService.Register, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/fullmakter", today = CalendarDate.today()
        let options = [("", "En ny fullmakt")] + register.authorities.filter { authority in
            authority.validTo.map { $0 >= today } ?? true && !register.authorities.contains { $0.replaces == authority.id }
        }.map { (String($0.id ?? 0), "Endring av nr. \($0.id ?? 0): \($0.scope)") }
        return FormPage(
            kicker: register.scope.organisation.name, heading: id.map { "Rediger anmodning nr. \($0)" } ?? "Ny anmodning til byrådsavdelingen",
            intro: "Endringer som har prinsipiell karakter, eller vesentlige virkninger for byrådsavdelingene, etaten eller andre virksomheter, legges fram for byrådsavdelingen for beslutning. Anmodningen lagres som utkast og sendes når den er klar.",
            action: id.map { "\(base)/anmodninger/\($0)/endre" } ?? "\(base)/anmodninger/ny", submitLabel: "Lagre utkastet",
            fields: [FormField(name: "fullmakt", label: "Gjelder", kind: .select(options), value: values["fullmakt"] ?? "")] + authorityFields(values)
                + [FormField(name: "begrunnelse", label: "Begrunnelse", kind: .textarea, value: values["begrunnelse"] ?? "",
                             hint: "Hvorfor endringen trengs, og hvorfor den må avgjøres av byrådsavdelingen.", rows: 5)],
            errors: errors, errorHeading: "Anmodningen er ikke lagret", cancelURL: id.map { "\(base)/anmodninger/\($0)" } ?? base)
    }

    func decisionForm(_ register: AuthorityService.Register, _ request: AuthorityRequest, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(register.scope.base)/fullmakter/anmodninger/\(request.id ?? 0)"
        return FormPage(
            kicker: register.scope.organisation.name, heading: "Avgjør anmodning nr. \(request.id ?? 0)",
            intro: "\(request.kind.norwegianName): «\(request.proposal.scope)». Innvilget oppdateres fullmaktsregisteret: en ny fullmakt legges til, og ved endring avsluttes den gamle dagen før den nye gjelder fra.",
            action: "\(base)/avgjor", submitLabel: "Lagre vedtaket",
            fields: [
                FormField(name: "utfall", label: "Avgjørelse", kind: .select([("", "Velg avgjørelse")] + AuthorityDecisionOutcome.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["utfall"] ?? ""),
                FormField(name: "vedtak", label: "Vedtak", kind: .textarea, value: values["vedtak"] ?? "", rows: 5),
                FormField(name: "dato", label: "Vedtaksdato", kind: .date, value: values["dato"] ?? ""),
            ],
            errors: errors, errorHeading: "Vedtaket er ikke lagret", cancelURL: base)
    }
}
