import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The risk register of an organisation (`RiskService`): the register with its matrices, one
/// risk with its assessments and measures, and the forms that change them. A department's page
/// adds the roll-up across its agencies. Pages only translate.
struct RiskController: Sendable {
    let risks: RiskService
    let pictures: RiskPictureService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "title": "tittel", "description": "beskrivelse", "cause": "arsak", "consequence": "konsekvens", "category": "kategori",
        "owner": "eier", "links": "mal", "recordedOn": "registrert", "likelihood": "sannsynlighet", "consequenceLevel": "konsekvensgrad",
        "residualLikelihood": "sannsynlighet_etter", "residualConsequenceLevel": "konsekvensgrad_etter", "date": "dato", "note": "merknad",
        "deadline": "frist", "status": "status", "expectedEffect": "effekt", "number": "beskrivelse", "closedOn": "dato",
        "likelihoodLabels": "sannsynlighet_1", "consequenceLabels": "konsekvens_1", "acceptanceLevel": "akseptgrense",
        "year": "registrert",
    ]

    static let measureFields = ["description": "beskrivelse", "owner": "eier", "deadline": "frist", "status": "status",
                                "expectedEffect": "effekt", "number": "beskrivelse", "year": "frist"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/risiko") { request, context in
            let code = try context.parameters.require("code")
            let register = try await risks.register(in: code, by: context.session?.user)
            let rollUp = register.scope.isAgency ? nil : try await risks.rollUp(in: code, by: context.session?.user)
            return pages.html("Risikoregister – \(register.scope.organisation.name)", template: "risks",
                              model: RisksView(register, rollUp: rollUp, saved: Confirmation.message(request, context), today: .today()),
                              context: context, trail: [NavigationLink(url: register.scope.base, label: register.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/risiko/ny") { _, context in
            let register = try await requireEditable(context)
            return pages.form(riskForm(register, id: nil, values: ["registrert": CalendarDate.today().iso], errors: InputErrors()),
                              context: context, trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/risiko/ny") { request, context in
            let fields = try await formFields(request, context), code = try context.parameters.require("code")
            do {
                let risk = try await risks.record(Self.draft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: riskURL(code, risk.id ?? 0), message: "Risikoen er lagt inn i registeret.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await risks.register(in: code, by: context.session?.user)
                return pages.form(riskForm(register, id: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/risiko/innstillinger") { _, context in
            let register = try await requireEditable(context)
            return pages.form(settingsForm(register, values: Self.values(register.settings), errors: InputErrors()), context: context,
                              trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/risiko/innstillinger") { request, context in
            let fields = try await formFields(request, context), code = try context.parameters.require("code")
            do {
                try await risks.saveSettings(
                    likelihoodLabels: (1...5).map { fields.text("sannsynlighet_\($0)") }, consequenceLabels: (1...5).map { fields.text("konsekvens_\($0)") },
                    acceptanceLevel: Int(fields.text("akseptgrense")), in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/risiko", message: "Skalaene og akseptgrensen er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await risks.register(in: code, by: context.session?.user)
                return pages.form(settingsForm(register, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/risiko/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "risiko")
            let found = try await risks.risk(id, in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Risiko nr. \(id) – \(found.register.scope.organisation.name)", template: "risk",
                              model: RiskView(found.register, risk: found.risk, saved: Confirmation.message(request, context),
                                              csrfToken: context.session?.csrfToken ?? "", today: .today()),
                              context: context, trail: trail(found.register.scope))
        }
        router.get("/organisasjoner/:code/risiko/:id/endre") { _, context in
            let (register, risk) = try await requireRisk(context)
            let id = try requireID(context, pages: pages, what: "risiko")
            var values = Self.values(RiskDraft(risk))
            values[FormPage.versionField] = String(try await risks.version(ofRisk: id, in: register.scope.code, by: context.session?.user))
            return pages.form(riskForm(register, id: risk.id, values: values, errors: InputErrors()), context: context,
                              trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/risiko/:id/endre") { request, context in
            let fields = try await formFields(request, context), code = try context.parameters.require("code")
            let id = try requireID(context, pages: pages, what: "risiko")
            do {
                try await risks.edit(id, with: Self.draft(fields), in: code, version: RecordVersions.parse(fields[FormPage.versionField]),
                                     by: context.session?.user)
                return Confirmation.redirect(to: riskURL(code, id), message: "Risikoen er endret.", context)
            } catch ServiceError.invalid(let errors) {
                let register = try await risks.register(in: code, by: context.session?.user)
                return pages.form(riskForm(register, id: id, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/risiko/:id/vurdering") { _, context in
            let (register, risk) = try await requireRisk(context)
            var values = Self.values(RiskDraft(risk))
            values["dato"] = CalendarDate.today().iso
            return pages.form(assessmentForm(register, risk, values: values, errors: InputErrors()), context: context, trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/risiko/:id/vurdering") { request, context in
            let fields = try await formFields(request, context), code = try context.parameters.require("code")
            let id = try requireID(context, pages: pages, what: "risiko")
            do {
                try await risks.assess(id, Self.assessmentDraft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: riskURL(code, id), message: "Vurderingen er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                let found = try await risks.risk(id, in: code, by: context.session?.user)
                return pages.form(assessmentForm(found.register, found.risk, values: fields, errors: errors.renamed(Self.formFields)),
                                  context: context, trail: trail(found.register.scope)).response
            }
        }
        router.get("/organisasjoner/:code/risiko/:id/tiltak/ny") { _, context in
            let (register, risk) = try await requireRisk(context)
            return pages.form(measureForm(register, risk, number: nil, values: ["status": RiskMeasureStatus.planned.rawValue], errors: InputErrors()),
                              context: context, trail: trail(register.scope))
        }
        router.get("/organisasjoner/:code/risiko/:id/tiltak/:number") { _, context in
            let (register, risk) = try await requireRisk(context)
            guard let number = context.parameters.get("number", as: Int.self), let measure = risk.measures.first(where: { $0.number == number }) else {
                throw notFound(pages, context, heading: "Fant ikke tiltaket", message: "Risikoen har ikke noe tiltak med dette nummeret.")
            }
            return pages.form(measureForm(register, risk, number: number, values: Self.values(measure), errors: InputErrors()), context: context,
                              trail: trail(register.scope))
        }
        router.post("/organisasjoner/:code/risiko/:id/tiltak/ny") { request, context in
            try await saveMeasure(request, context, number: nil)
        }
        router.post("/organisasjoner/:code/risiko/:id/tiltak/:number") { request, context in
            try await saveMeasure(request, context, number: context.parameters.get("number", as: Int.self))
        }
        router.post("/organisasjoner/:code/risiko/:id/ta-ut") { request, context in
            let fields = try await formFields(request, context), code = try context.parameters.require("code")
            let id = try requireID(context, pages: pages, what: "risiko")
            let reopen = fields.text("handling") == "tilbake"
            do {
                try await risks.close(id, on: reopen ? nil : CalendarDate.today(), in: code, by: context.session?.user)
                return Confirmation.redirect(to: riskURL(code, id), message: reopen ? "Risikoen er tatt inn i registeret igjen." : "Risikoen er tatt ut av registeret.", context)
            } catch ServiceError.invalid(let errors) {
                return pages.error(.unprocessableContent, heading: "Risikoen er ikke endret", message: errors.entries.map(\.message).joined(separator: " "),
                                   context: context).response
            }
        }
        router.get("/organisasjoner/:code/meldinger/:id/risikobilde") { _, context in
            let id = try requireID(context, pages: pages, what: "melding")
            let code = try context.parameters.require("code")
            guard let picture = try await pictures.picture(ofNotice: id, in: code, by: context.session?.user) else {
                throw notFound(pages, context, heading: "Ingen risikobilde", message: "Meldingen har ikke noe risikobilde: bare sendte meldinger om oppdatert risikobilde tar med registeret.")
            }
            let register = try await risks.register(in: code, by: context.session?.user)
            return pages.html("Risikobilde i melding nr. \(id) – \(register.scope.organisation.name)", template: "risk-picture",
                              model: RiskPictureView(register, noticeID: id, picture: picture), context: context, trail: register.scope.trail)
        }
    }

    /// Adds a measure (`number` nil) or changes one.
    func saveMeasure(_ request: Request, _ context: StyrRequestContext, number: Int?) async throws -> Response {
        let fields = try await formFields(request, context), code = try context.parameters.require("code")
        let id = try requireID(context, pages: pages, what: "risiko")
        do {
            try await risks.saveMeasure(id, number: number, Self.measureDraft(fields), in: code, by: context.session?.user)
            return Confirmation.redirect(to: riskURL(code, id), message: "Tiltaket er lagret.", context)
        } catch ServiceError.invalid(let errors) {
            let found = try await risks.risk(id, in: code, by: context.session?.user)
            return pages.form(measureForm(found.register, found.risk, number: number, values: fields, errors: errors.renamed(Self.measureFields)),
                              context: context, trail: trail(found.register.scope)).response
        }
    }

    func formFields(_ request: Request, _ context: StyrRequestContext) async throws -> [String: String] {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        return fields
    }

    func requireEditable(_ context: StyrRequestContext) async throws -> RiskService.Register {
        let register = try await risks.register(in: try context.parameters.require("code"), by: context.session?.user)
        guard register.canEdit else { throw ServiceError.forbidden(organisationCode: register.scope.code) }
        return register
    }

    func requireRisk(_ context: StyrRequestContext) async throws -> (RiskService.Register, Risk) {
        let id = try requireID(context, pages: pages, what: "risiko")
        let found = try await risks.risk(id, in: try context.parameters.require("code"), by: context.session?.user)
        guard found.register.canEdit else { throw ServiceError.forbidden(organisationCode: found.register.scope.code) }
        return (found.register, found.risk)
    }

    func riskURL(_ code: String, _ id: Int64) -> String { "/organisasjoner/\(code.urlPathEncoded)/risiko/\(id)" }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/risiko", label: "Risikoregister")]
    }
}
