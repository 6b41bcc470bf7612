import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The internal control plan of an organisation per year (`InternalControlService`): the plan
/// with its status and the information-security view, one control with its executions,
/// deviations and evidence, and the forms that change them. A department's page adds each
/// agency's plan and status. Pages only translate.
struct InternalControlController: Sendable {
    let control: InternalControlService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "title": "kontroll", "requirementKind": "kravtype", "requirementReference": "krav", "frequency": "hyppighet",
        "responsible": "ansvarlig", "year": "kontroll", "date": "dato", "result": "resultat", "note": "merknad",
        "deviationDescription": "avvik", "deviationMeasure": "tiltak", "closedOn": "dato", "closingNote": "merknad", "execution": "dato",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/internkontroll/:year") { request, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let plan = try await control.plan(in: code, year: year, by: context.session?.user)
            let overview = plan.scope.isAgency ? nil : try await control.overview(in: code, year: year, by: context.session?.user)
            return pages.html("Internkontroll \(year) – \(plan.scope.organisation.name)", template: "internal-control",
                              model: InternalControlView(plan, agencies: overview?.plans, saved: Confirmation.message(request, context)),
                              context: context, trail: [NavigationLink(url: plan.scope.base, label: plan.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/internkontroll/:year/ny") { _, context in
            let plan = try await requirePlan(context)
            return pages.form(controlForm(plan, id: nil, values: [:], errors: InputErrors()), context: context, trail: trail(plan))
        }
        router.post("/organisasjoner/:code/internkontroll/:year/ny") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            do {
                let added = try await control.addControl(Self.draft(fields), in: code, year: year, by: context.session?.user)
                return Confirmation.redirect(to: controlURL(code, year, added.id ?? 0), message: "Kontrollen er lagt inn i planen.", context)
            } catch ServiceError.invalid(let errors) {
                let plan = try await control.plan(in: code, year: year, by: context.session?.user)
                return pages.form(controlForm(plan, id: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context, trail: trail(plan)).response
            }
        }
        router.get("/organisasjoner/:code/internkontroll/:year/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "kontroll")
            let found = try await control.activity(id, in: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return pages.html("Kontroll nr. \(id) – \(found.plan.scope.organisation.name)", template: "control",
                              model: ControlView(found.plan, activity: found.activity, saved: Confirmation.message(request, context),
                                                 csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: trail(found.plan))
        }
        router.get("/organisasjoner/:code/internkontroll/:year/:id/endre") { _, context in
            let (plan, activity) = try await requireActivity(context)
            return pages.form(controlForm(plan, id: activity.id, values: Self.values(ControlDraft(activity)), errors: InputErrors()), context: context,
                              trail: trail(plan))
        }
        router.post("/organisasjoner/:code/internkontroll/:year/:id/endre") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), year = try requireYear(context), id = try requireID(context, pages: pages, what: "kontroll")
            do {
                try await control.editControl(id, with: Self.draft(fields), in: code, year: year, by: context.session?.user)
                return Confirmation.redirect(to: controlURL(code, year, id), message: "Kontrollen er endret.", context)
            } catch ServiceError.invalid(let errors) {
                let plan = try await control.plan(in: code, year: year, by: context.session?.user)
                return pages.form(controlForm(plan, id: id, values: fields, errors: errors.renamed(Self.formFields)), context: context, trail: trail(plan)).response
            }
        }
        router.get("/organisasjoner/:code/internkontroll/:year/:id/gjennomforing") { _, context in
            let (plan, activity) = try await requireActivity(context)
            let date = plan.asOf
            return pages.form(executionForm(plan, activity, values: ["dato": date.iso], errors: InputErrors()), context: context, trail: trail(plan))
        }
        router.post("/organisasjoner/:code/internkontroll/:year/:id/gjennomforing") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), year = try requireYear(context), id = try requireID(context, pages: pages, what: "kontroll")
            do {
                try await control.recordExecution(id, Self.executionDraft(fields), in: code, year: year, by: context.session?.user)
                return Confirmation.redirect(to: controlURL(code, year, id), message: "Gjennomføringen er registrert.", context)
            } catch ServiceError.invalid(let errors) {
                let found = try await control.activity(id, in: code, year: year, by: context.session?.user)
                return pages.form(executionForm(found.plan, found.activity, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(found.plan)).response
            }
        }
        router.get("/organisasjoner/:code/internkontroll/:year/:id/avvik/:number") { _, context in
            let (plan, activity) = try await requireActivity(context)
            let number = try requireNumber(context)
            return pages.form(closeForm(plan, activity, number: number, values: ["dato": plan.asOf.iso], errors: InputErrors()), context: context, trail: trail(plan))
        }
        router.post("/organisasjoner/:code/internkontroll/:year/:id/avvik/:number") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), year = try requireYear(context), id = try requireID(context, pages: pages, what: "kontroll")
            let number = try requireNumber(context)
            do {
                try await control.closeDeviation(id, execution: number, on: CalendarDate(fields.text("dato")), note: fields.text("merknad"), in: code, year: year,
                                                 by: context.session?.user)
                return Confirmation.redirect(to: controlURL(code, year, id), message: "Avviket er lukket.", context)
            } catch ServiceError.invalid(let errors) {
                let found = try await control.activity(id, in: code, year: year, by: context.session?.user)
                return pages.form(closeForm(found.plan, found.activity, number: number, values: fields, errors: errors.renamed(Self.formFields)),
                                  context: context, trail: trail(found.plan)).response
            }
        }
        router.post("/organisasjoner/:code/internkontroll/:year/:id/dokumentasjon") { request, context in
            let code = try context.parameters.require("code"), year = try requireYear(context), id = try requireID(context, pages: pages, what: "kontroll")
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request, fileField: "fil", maximumFileBytes: Int64(EvidenceRules.maximumBytes))
            } catch let failure as MultipartUpload.Failure {
                return try await showControl(code, year, id, error: failure.description, context, status: failure.isTooLarge ? .contentTooLarge : .badRequest)
            }
            defer { if let path = upload.file?.path { try? FileManager.default.removeItem(atPath: path) } }
            try access.requireCSRF(upload.fields, context)
            guard let file = upload.file, file.bytes > 0 else {
                return try await showControl(code, year, id, error: "Velg en fil å laste opp.", context, status: .unprocessableContent)
            }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.path)))
            do {
                try await control.addEvidence(id, execution: Int(upload.fields["gjennomforing"] ?? "") ?? 0, filename: file.name, bytes: bytes, in: code,
                                              year: year, by: context.session?.user)
                return Confirmation.redirect(to: controlURL(code, year, id), message: "Dokumentasjonen «\(file.name)» er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                return try await showControl(code, year, id, error: errors.entries.map(\.message).joined(separator: " "), context, status: .unprocessableContent)
            }
        }
        router.get("/organisasjoner/:code/internkontroll/:year/:id/dokumentasjon/:evidence") { _, context in
            let code = try context.parameters.require("code"), year = try requireYear(context), id = try requireID(context, pages: pages, what: "kontroll")
            guard let evidenceID = context.parameters.get("evidence", as: Int64.self) else {
                throw notFound(pages, context, heading: "Fant ikke dokumentasjonen", message: "Adressen peker ikke på noen fil.")
            }
            let found = try await control.evidence(evidenceID, ofActivity: id, in: code, year: year, by: context.session?.user)
            var headers = HTTPFields()
            headers[.contentType] = found.reference.contentType
            headers[.contentDisposition] = "attachment; filename=\"\(Self.asciiName(found.reference.filename))\"; filename*=UTF-8''\(found.reference.filename.urlPathEncoded)"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: found.bytes)))
        }
    }

    static func asciiName(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
    }

    func showControl(_ code: String, _ year: Int, _ id: Int64, error: String, _ context: StyrRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let found = try await control.activity(id, in: code, year: year, by: context.session?.user)
        return pages.html("Kontroll nr. \(id) – \(found.plan.scope.organisation.name)", template: "control",
                          model: ControlView(found.plan, activity: found.activity, saved: nil, csrfToken: context.session?.csrfToken ?? "", uploadError: error),
                          context: context, status: status, trail: trail(found.plan)).response
    }

    func formFields(_ request: Request, _ context: StyrRequestContext) async throws -> [String: String] {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        return fields
    }

    func requirePlan(_ context: StyrRequestContext) async throws -> InternalControlService.Plan {
        let plan = try await control.plan(in: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
        guard plan.canEdit else { throw ServiceError.forbidden(organisationCode: plan.scope.code) }
        return plan
    }

    func requireActivity(_ context: StyrRequestContext) async throws -> (InternalControlService.Plan, ControlActivity) {
        let id = try requireID(context, pages: pages, what: "kontroll")
        let found = try await control.activity(id, in: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
        guard found.plan.canEdit else { throw ServiceError.forbidden(organisationCode: found.plan.scope.code) }
        return found
    }

    func requireNumber(_ context: StyrRequestContext) throws -> Int {
        guard let number = context.parameters.get("number", as: Int.self) else {
            throw notFound(pages, context, heading: "Fant ikke gjennomføringen", message: "Adressen peker ikke på noen gjennomføring.")
        }
        return number
    }

    func controlURL(_ code: String, _ year: Int, _ id: Int64) -> String { "/organisasjoner/\(code.urlPathEncoded)/internkontroll/\(year)/\(id)" }

    func trail(_ plan: InternalControlService.Plan) -> [NavigationLink] {
        [NavigationLink(url: plan.scope.base, label: plan.scope.organisation.name),
         NavigationLink(url: "\(plan.scope.base)/internkontroll/\(plan.year)", label: "Internkontroll \(plan.year)")]
    }
}

extension MultipartUpload.Failure {
    var isTooLarge: Bool { if case .tooLarge = self { true } else { false } }
}
