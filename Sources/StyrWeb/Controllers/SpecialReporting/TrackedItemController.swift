import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The tracked items of chapter 6 (`TrackedItemService`): a list with what is open and closed,
/// a form to record, change and close (closing asks for the reference).
struct TrackedItemController: Sendable {
    let items: TrackedItemService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "source": "kilde", "title": "tittel", "date": "dato", "text": "tekst", "responsible": "ansvarlig", "measures": "tiltak",
        "status": "status", "closedReference": "referanse", "closedOn": "lukket",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/oppfolgingssaker") { request, context in
            let listing = try await items.list(of: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Oppfølgingssaker – \(listing.scope.organisation.name)", template: "tracked-items",
                              model: TrackedItemsView(listing, saved: Confirmation.message(request, context)), context: context,
                              trail: [NavigationLink(url: listing.scope.base, label: listing.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/oppfolgingssaker/ny") { _, context in
            let listing = try await writable(context)
            return pages.form(itemForm(listing.scope, id: nil, values: ["dato": CalendarDate.today().iso, "status": "open"], errors: InputErrors()),
                              context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/oppfolgingssaker/ny") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code")
            do {
                try await items.record(Self.draft(fields), in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/oppfolgingssaker", message: "Saken er registrert.", context)
            } catch ServiceError.invalid(let errors) {
                let listing = try await items.list(of: code, by: context.session?.user)
                return pages.form(itemForm(listing.scope, id: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(listing.scope)).response
            }
        }
        router.get("/organisasjoner/:code/oppfolgingssaker/:id/endre") { _, context in
            let id = try requireID(context, pages: pages, what: "oppfølgingssak")
            let found = try await items.item(id, of: try context.parameters.require("code"), by: context.session?.user)
            guard found.canWrite else { throw ServiceError.forbidden(organisationCode: found.scope.code) }
            var values = Self.values(found.item)
            values[FormPage.versionField] = String(try await items.version(ofItem: id, of: found.scope.code, by: context.session?.user))
            return pages.form(itemForm(found.scope, id: found.item.id, values: values, errors: InputErrors()), context: context,
                              trail: trail(found.scope))
        }
        router.post("/organisasjoner/:code/oppfolgingssaker/:id/endre") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), id = try requireID(context, pages: pages, what: "oppfølgingssak")
            do {
                try await items.update(id, with: Self.draft(fields), in: code, version: RecordVersions.parse(fields[FormPage.versionField]),
                                       by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/oppfolgingssaker#sak-\(id)", message: "Saken er endret.", context)
            } catch ServiceError.invalid(let errors) {
                let found = try await items.item(id, of: code, by: context.session?.user)
                return pages.form(itemForm(found.scope, id: id, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(found.scope)).response
            }
        }
        router.get("/organisasjoner/:code/oppfolgingssaker/:id/lukk") { _, context in
            let found = try await items.item(try requireID(context, pages: pages, what: "oppfølgingssak"), of: try context.parameters.require("code"), by: context.session?.user)
            guard found.canWrite else { throw ServiceError.forbidden(organisationCode: found.scope.code) }
            return pages.form(closeForm(found.scope, found.item, values: ["lukket": CalendarDate.today().iso], errors: InputErrors()), context: context,
                              trail: trail(found.scope))
        }
        router.post("/organisasjoner/:code/oppfolgingssaker/:id/lukk") { request, context in
            let fields = try await formFields(request, context)
            let code = try context.parameters.require("code"), id = try requireID(context, pages: pages, what: "oppfølgingssak")
            do {
                try await items.close(id, reference: fields.text("referanse"), on: CalendarDate(fields.text("lukket")), in: code, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/oppfolgingssaker#sak-\(id)", message: "Saken er lukket.", context)
            } catch ServiceError.invalid(let errors) {
                let found = try await items.item(id, of: code, by: context.session?.user)
                return pages.form(closeForm(found.scope, found.item, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(found.scope)).response
            }
        }
    }

    func formFields(_ request: Request, _ context: StyrRequestContext) async throws -> [String: String] {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        return fields
    }

    func writable(_ context: StyrRequestContext) async throws -> TrackedItemService.Listing {
        let listing = try await items.list(of: try context.parameters.require("code"), by: context.session?.user)
        guard listing.canWrite else { throw ServiceError.forbidden(organisationCode: listing.scope.code) }
        return listing
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/oppfolgingssaker", label: "Oppfølgingssaker")]
    }

    static func draft(_ fields: [String: String]) -> TrackedItemDraft {
        TrackedItemDraft(
            source: TrackedItemSource(rawValue: fields.text("kilde")), title: fields.text("tittel"), date: CalendarDate(fields.text("dato")),
            text: fields.text("tekst"), responsible: fields.text("ansvarlig"), measures: fields.text("tiltak"),
            status: TrackedItemStatus(rawValue: fields.text("status")) ?? .open)
    }

    static func values(_ item: TrackedItem) -> [String: String] {
        ["kilde": item.source.rawValue, "tittel": item.title, "dato": item.date.iso, "tekst": item.text, "ansvarlig": item.responsible,
         "tiltak": item.measures, "status": item.status.rawValue]
    }

    func itemForm(_ scope: OrganisationScope, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(scope.base)/oppfolgingssaker"
        return FormPage(
            kicker: scope.organisation.name, heading: id.map { "Endre oppfølgingssak nr. \($0)" } ?? "Ny oppfølgingssak",
            intro: "Verbalvedtak og merknader fra bystyret (6.1), kommunerevisjonen og kontrollutvalget (6.2) følges opp her til de lukkes med en referanse. Årsberetningen viser hva året lukket og hva som fortsatt er åpent.",
            action: id.map { "\(base)/\($0)/endre" } ?? "\(base)/ny", submitLabel: "Lagre saken",
            fields: [
                FormField(name: "kilde", label: "Kilde", kind: .select([("", "Velg")] + TrackedItemSource.allCases.map { ($0.rawValue, "\($0.section) \($0.norwegianName)") }),
                          value: values["kilde"] ?? ""),
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? "", hint: "F.eks. «Rapport 06/2020» eller vedtakets nummer."),
                FormField(name: "dato", label: "Dato saken kom", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "tekst", label: "Vedtaket eller merknaden", kind: .textarea, value: values["tekst"] ?? "", rows: 5),
                FormField(name: "ansvarlig", label: "Ansvarlig", value: values["ansvarlig"] ?? ""),
                FormField(name: "tiltak", label: "Tiltak", kind: .textarea, value: values["tiltak"] ?? "", rows: 4),
                FormField(name: "status", label: "Status", kind: .select([("open", "Åpen"), ("inProgress", "Under oppfølging")]), value: values["status"] ?? "open"),
            ],
            errors: errors, errorHeading: "Saken er ikke lagret", cancelURL: base,
            version: id == nil ? nil : RecordVersions.parse(values[FormPage.versionField]))
    }

    func closeForm(_ scope: OrganisationScope, _ item: TrackedItem, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(scope.base)/oppfolgingssaker"
        return FormPage(
            kicker: scope.organisation.name, heading: "Lukk oppfølgingssak nr. \(item.id ?? 0)",
            intro: "«\(item.title)»: en sak lukkes med referansen som kvitterer den ut (brevet, saksnummeret eller rapporten).",
            action: "\(base)/\(item.id ?? 0)/lukk", submitLabel: "Lukk saken",
            fields: [
                FormField(name: "referanse", label: "Referanse", value: values["referanse"] ?? "", hint: "F.eks. «Brev til kommunerevisjonen 01.09.2020, sak 20/1234»."),
                FormField(name: "lukket", label: "Dato lukket", kind: .date, value: values["lukket"] ?? ""),
            ],
            errors: errors, errorHeading: "Saken er ikke lukket", cancelURL: base)
    }
}
