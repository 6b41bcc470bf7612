import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The agency's budget chapters: listed, created and changed (`ChapterService`).
struct ChapterController: Sendable {
    let chapters: ChapterService
    let pages: Pages
    let access: Authorizer

    static let formFields = ["number": "nummer", "name": "navn", "kind": "art"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/kapitler") { request, context in
            let listing = try await chapters.list(of: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Kapitler – \(listing.scope.organisation.name)", template: "chapters",
                              model: ChaptersView(listing, saved: Confirmation.message(request, context)), context: context,
                              trail: [NavigationLink(url: listing.scope.base, label: listing.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/kapitler/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return pages.form(form(listing, chapter: nil, values: ["art": ChapterKind.operating.formValue], errors: InputErrors()), context: context,
                              trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/kapitler/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code")
            do {
                let chapter = try await chapters.create(
                    ChapterDraft(number: Int(fields.text("nummer")), name: fields.text("navn"), kind: ChapterKind(formValue: fields.text("art"))),
                    in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/kapitler", message: "Kapittel \(chapter.number) er opprettet.", context)
            } catch ServiceError.invalid(let errors) {
                let listing = try await editable(code, context)
                return pages.form(form(listing, chapter: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(listing.scope)).response
            }
        }
        router.get("/organisasjoner/:code/kapitler/:number") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            let chapter = try found(listing, context)
            return pages.form(form(listing, chapter: chapter, values: ["navn": chapter.name, "art": chapter.kind.formValue], errors: InputErrors()),
                              context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/kapitler/:number") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code")
            let listing = try await editable(code, context)
            let chapter = try found(listing, context)
            do {
                _ = try await chapters.edit(chapter.number, name: fields.text("navn"), kind: ChapterKind(formValue: fields.text("art")),
                                            in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/kapitler", message: "Kapittel \(chapter.number) er endret.", context)
            } catch ServiceError.invalid(let errors) {
                return pages.form(form(listing, chapter: chapter, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(listing.scope)).response
            }
        }
    }

    /// The listing, for a user who may change it.
    func editable(_ code: String, _ context: StyrRequestContext) async throws -> ChapterService.Listing {
        let listing = try await chapters.list(of: code, by: context.session?.user)
        guard listing.canEdit else { throw ServiceError.forbidden(organisationCode: code) }
        return listing
    }

    func found(_ listing: ChapterService.Listing, _ context: StyrRequestContext) throws -> Chapter {
        guard let number = context.parameters.get("number", as: Int.self), let chapter = listing.chapters.first(where: { $0.number == number }) else {
            throw notFound(pages, context, heading: "Fant ikke kapitlet", message: "\(listing.scope.organisation.name) har ikke noe slikt kapittel.")
        }
        return chapter
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/kapitler", label: "Kapitler")]
    }

    func form(_ listing: ChapterService.Listing, chapter: Chapter?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = listing.scope.base
        var fields: [FormField] = []
        if chapter == nil {
            fields.append(FormField(name: "nummer", label: "Kapittelnummer", value: values["nummer"] ?? "",
                                    hint: "Et helt tall, f.eks. 125. Nummeret kan ikke være brukt av et annet kapittel."))
        }
        fields += [
            FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
            FormField(name: "art", label: "Gjelder", kind: .select(ChapterKind.allCases.map { ($0.formValue, $0.norwegianName) }), value: values["art"] ?? "",
                      hint: "Drift, investering eller begge. Kan bare endres så lenge kapitlet ikke har beløp av den arten som faller bort."),
        ]
        return FormPage(
            kicker: listing.scope.organisation.name, heading: chapter.map { "Endre kapittel \($0.number)" } ?? "Nytt kapittel",
            action: chapter.map { "\(base)/kapitler/\($0.number)" } ?? "\(base)/kapitler/ny",
            submitLabel: chapter == nil ? "Opprett kapitlet" : "Lagre endringene", fields: fields, errors: errors,
            errorHeading: "Kapitlet er ikke lagret", cancelURL: "\(base)/kapitler")
    }
}

/// The view model of `chapters.mustache`.
struct ChaptersView: Sendable {
    struct Row: Sendable { var number: Int, name: String, kind: String, editURL: String? }

    var organisationName: String
    var saved: String?
    var canEdit: Bool
    var newURL: String
    var chapters: [Row]
    var links: BudgetDataLinks

    init(_ listing: ChapterService.Listing, saved: String?) {
        let base = listing.scope.base
        organisationName = listing.scope.organisation.name
        self.saved = saved
        canEdit = listing.canEdit
        newURL = "\(base)/kapitler/ny"
        chapters = listing.chapters.map {
            Row(number: $0.number, name: $0.name, kind: $0.kind.norwegianName, editURL: listing.canEdit ? "\(base)/kapitler/\($0.number)" : nil)
        }
        links = BudgetDataLinks(code: listing.scope.code, year: BudgetDataLinks.currentYear)
    }
}
