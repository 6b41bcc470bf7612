import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Staffing at dates: listed, added, corrected and deleted (`StaffingService`).
struct StaffingController: Sendable {
    let staffing: StaffingService
    let pages: Pages
    let access: Authorizer

    static let formFields = ["asOf": "dato", "headcount": "ansatte", "fullTimeEquivalents": "arsverk", "comment": "kommentar", "year": "dato"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/bemanning") { request, context in
            let listing = try await staffing.list(of: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Bemanning – \(listing.scope.organisation.name)", template: "staffing",
                              model: StaffingView(listing, saved: Confirmation.message(request, context), csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: [NavigationLink(url: listing.scope.base, label: listing.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/bemanning/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return pages.form(form(listing, editing: nil, values: ["dato": CalendarDate.today().iso], errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/bemanning/ny") { request, context in
            try await save(request, context, editing: nil)
        }
        router.get("/organisasjoner/:code/bemanning/:date") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            let figure = try found(listing, context)
            let values = ["dato": figure.asOf.iso, "ansatte": String(figure.headcount),
                          "arsverk": NorwegianFormat.fixedQuantity(figure.fullTimeEquivalents, decimals: 2), "kommentar": figure.comment ?? ""]
            return pages.form(form(listing, editing: figure.asOf, values: values, errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/bemanning/:date") { request, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return try await save(request, context, editing: try found(listing, context).asOf)
        }
        router.post("/organisasjoner/:code/bemanning/:date/slett") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code")
            let listing = try await editable(code, context)
            let figure = try found(listing, context)
            try await staffing.delete(at: figure.asOf, in: code, by: context.session?.user)
            return Confirmation.redirect(to: "\(listing.scope.base)/bemanning", message: "Bemanningstallene for \(NorwegianFormat.date(figure.asOf)) er slettet.", context)
        }
    }

    func save(_ request: Request, _ context: StyrRequestContext, editing: CalendarDate?) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        let code = try context.parameters.require("code")
        let draft = StaffingDraft(asOf: CalendarDate(fields.text("dato")), headcount: fields.text("ansatte"),
                                  fullTimeEquivalents: fields.text("arsverk"), comment: fields.text("kommentar"))
        do {
            let figure = try await staffing.save(draft, replacing: editing, in: code, by: context.session?.user)
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/bemanning",
                                         message: "Bemanningstallene for \(NorwegianFormat.date(figure.asOf)) er lagret.", context)
        } catch ServiceError.invalid(let errors) {
            let listing = try await editable(code, context)
            return pages.form(form(listing, editing: editing, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                              trail: trail(listing.scope)).response
        }
    }

    func editable(_ code: String, _ context: StyrRequestContext) async throws -> StaffingService.Listing {
        let listing = try await staffing.list(of: code, by: context.session?.user)
        guard listing.canEdit else { throw ServiceError.forbidden(organisationCode: code) }
        return listing
    }

    func found(_ listing: StaffingService.Listing, _ context: StyrRequestContext) throws -> StaffingFigure {
        guard let date = context.parameters.get("date").flatMap(CalendarDate.init), let figure = listing.figures.first(where: { $0.asOf == date }) else {
            throw notFound(pages, context, heading: "Fant ikke bemanningstallene", message: "\(listing.scope.organisation.name) har ingen bemanningstall for den datoen.")
        }
        return figure
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/bemanning", label: "Bemanning")]
    }

    func form(_ listing: StaffingService.Listing, editing: CalendarDate?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = listing.scope.base
        return FormPage(
            kicker: listing.scope.organisation.name,
            heading: editing.map { "Rett bemanningstallene for \(NorwegianFormat.date($0))" } ?? "Nye bemanningstall",
            intro: "Antall ansatte og årsverk på en dato. Tallene per 31.12. står i årsberetningen.",
            action: editing.map { "\(base)/bemanning/\($0.iso)" } ?? "\(base)/bemanning/ny",
            submitLabel: "Lagre bemanningstallene",
            fields: [
                FormField(name: "dato", label: "Dato", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "ansatte", label: "Antall ansatte", value: values["ansatte"] ?? "", hint: "Et helt tall."),
                FormField(name: "arsverk", label: "Årsverk", value: values["arsverk"] ?? "", hint: "Med høyst to desimaler, f.eks. 343,16."),
                FormField(name: "kommentar", label: "Kommentar (valgfri)", kind: .textarea, value: values["kommentar"] ?? "", rows: 3),
            ],
            errors: errors, errorHeading: "Bemanningstallene er ikke lagret", cancelURL: "\(base)/bemanning")
    }
}

/// The view model of `staffing.mustache`.
struct StaffingView: Sendable {
    struct Row: Sendable {
        var date: String, headcount: String, fullTimeEquivalents: String
        var comment: String?
        var editURL: String?, deleteURL: String?
    }

    var organisationName: String
    var saved: String?
    var canEdit: Bool
    var csrfToken: String
    var newURL: String
    var figures: [Row]

    init(_ listing: StaffingService.Listing, saved: String?, csrfToken: String) {
        let base = listing.scope.base
        organisationName = listing.scope.organisation.name
        self.saved = saved
        canEdit = listing.canEdit
        self.csrfToken = csrfToken
        newURL = "\(base)/bemanning/ny"
        figures = listing.figures.reversed().map { figure in
            Row(date: NorwegianFormat.date(figure.asOf), headcount: NorwegianFormat.integer(Int64(figure.headcount)),
                fullTimeEquivalents: NorwegianFormat.fixedQuantity(figure.fullTimeEquivalents, decimals: 2), comment: figure.comment?.nonEmpty,
                editURL: listing.canEdit ? "\(base)/bemanning/\(figure.asOf.iso)" : nil,
                deleteURL: listing.canEdit ? "\(base)/bemanning/\(figure.asOf.iso)/slett" : nil)
        }
    }
}
