import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Budget revisions of a year: listed, recorded, edited and deleted (`RevisionService`).
struct RevisionController: Sendable {
    let revisions: RevisionService
    let pages: Pages
    let access: Authorizer

    static let formFields = ["chapter": "kapittel", "kind": "art", "reference": "referanse", "decidedOn": "dato", "reason": "begrunnelse",
                             "lines": "linje_000", "year": "dato"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjett/:year/revisjoner") { request, context in
            let listing = try await revisions.list(of: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return pages.html("Budsjettreguleringer \(listing.year) – \(listing.scope.organisation.name)", template: "revisions",
                              model: RevisionsView(listing, saved: Confirmation.message(request, context), csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: BudgetDataLinks.trail(listing.scope, year: listing.year))
        }
        router.get("/organisasjoner/:code/budsjett/:year/revisjoner/ny") { _, context in
            let listing = try await editable(context)
            let kind = listing.chapters.first?.kind.accountKinds.first ?? .operating
            let values = ["kapittel": listing.chapters.first.map { String($0.number) } ?? "", "art": kind.formValue]
            return pages.form(form(listing, id: nil, values: values, errors: InputErrors()), context: context, trail: trail(listing))
        }
        router.post("/organisasjoner/:code/budsjett/:year/revisjoner/ny") { request, context in
            try await save(request, context, id: nil)
        }
        router.get("/organisasjoner/:code/budsjett/:year/revisjoner/:id") { _, context in
            let listing = try await editable(context)
            let stored = try found(listing, context)
            var values = ["kapittel": String(stored.revision.chapter), "art": stored.revision.kind.formValue, "referanse": stored.revision.reference,
                          "dato": stored.revision.decidedOn?.iso ?? "", "begrunnelse": stored.revision.reason]
            for line in stored.revision.lines { values[Self.lineName(line.group)] = NorwegianFormat.exactKroner(line.amount) }
            values[FormPage.versionField] = String(try await revisions.recordVersions.version(
                of: RecordVersions.budgetRevision(listing.scope.code, id: stored.id), in: listing.scope.code, by: context.session?.user))
            return pages.form(form(listing, id: stored.id, values: values, errors: InputErrors()), context: context, trail: trail(listing))
        }
        router.post("/organisasjoner/:code/budsjett/:year/revisjoner/:id") { request, context in
            let listing = try await editable(context)
            return try await save(request, context, id: try found(listing, context).id)
        }
        router.post("/organisasjoner/:code/budsjett/:year/revisjoner/:id/slett") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let listing = try await editable(context)
            let stored = try found(listing, context)
            try await revisions.delete(stored.id, in: listing.scope.code, year: listing.year, version: RecordVersions.parse(fields[FormPage.versionField]),
                                       by: context.session?.user)
            return Confirmation.redirect(to: "\(listing.scope.base)/budsjett/\(listing.year)/revisjoner",
                                         message: "Budsjettreguleringen «\(stored.revision.reference)» er slettet.", context)
        }
    }

    static func lineName(_ group: ObjectGroup) -> String { "linje_\(pad3(group.first))" }

    func save(_ request: Request, _ context: StyrRequestContext, id: Int64?) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        let code = try context.parameters.require("code"), year = try requireYear(context)
        var lines: [RevisionLineDraft] = [], names = Self.formFields
        for group in ObjectGroup.standard where !fields.text(Self.lineName(group)).isEmpty {
            names["lines[\(lines.count)].amount"] = Self.lineName(group)
            names["lines[\(lines.count)].group"] = Self.lineName(group)
            lines.append(RevisionLineDraft(group: group, amount: .typed(fields.text(Self.lineName(group)))))
        }
        let draft = RevisionDraft(chapter: Int(fields.text("kapittel")), kind: AccountKind(formValue: fields.text("art")),
                                  reference: fields.text("referanse"), decidedOn: CalendarDate(fields.text("dato")),
                                  reason: fields.text("begrunnelse"), lines: lines)
        do {
            let stored = if let id {
                try await revisions.update(id, with: draft, in: code, year: year, version: RecordVersions.parse(fields[FormPage.versionField]),
                                           by: context.session?.user)
            } else {
                try await revisions.create(draft, in: code, year: year, by: context.session?.user)
            }
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/budsjett/\(year)/revisjoner#regulering-\(stored.id)",
                                         message: "Budsjettreguleringen «\(stored.revision.reference)» er lagret.", context)
        } catch ServiceError.invalid(let errors) {
            let listing = try await editable(context)
            return pages.form(form(listing, id: id, values: fields, errors: errors.renamed(names)), context: context, trail: trail(listing)).response
        }
    }

    func editable(_ context: StyrRequestContext) async throws -> RevisionService.Listing {
        let code = try context.parameters.require("code")
        let listing = try await revisions.list(of: code, year: try requireYear(context), by: context.session?.user)
        guard listing.canEdit else { throw ServiceError.forbidden(organisationCode: code) }
        return listing
    }

    func found(_ listing: RevisionService.Listing, _ context: StyrRequestContext) throws -> StoredRevision {
        let id = try requireID(context, pages: pages, what: "budsjettregulering")
        guard let stored = listing.revisions.first(where: { $0.id == id }) else {
            throw notFound(pages, context, heading: "Fant ikke budsjettreguleringen",
                           message: "\(listing.scope.organisation.name) har ingen budsjettregulering nr. \(id) i \(listing.year).")
        }
        return stored
    }

    func trail(_ listing: RevisionService.Listing) -> [NavigationLink] {
        BudgetDataLinks.trail(listing.scope, year: listing.year)
            + [NavigationLink(url: "\(listing.scope.base)/budsjett/\(listing.year)/revisjoner", label: "Budsjettreguleringer")]
    }

    func form(_ listing: RevisionService.Listing, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(listing.scope.base)/budsjett/\(listing.year)/revisjoner"
        var fields = [
            FormField(name: "kapittel", label: "Kapittel", kind: .select(listing.chapters.map { (String($0.number), "\($0.number) \($0.name)") }),
                      value: values["kapittel"] ?? ""),
            FormField(name: "art", label: "Drift eller investering", kind: .select(AccountKind.allCases.map { ($0.formValue, $0.norwegianName) }),
                      value: values["art"] ?? ""),
            FormField(name: "referanse", label: "Referanse til vedtaket", value: values["referanse"] ?? "", hint: "F.eks. «byrådssak 208/20»."),
            FormField(name: "dato", label: "Vedtatt", kind: .date, value: values["dato"] ?? "", hint: "En dato i \(listing.year)."),
            FormField(name: "begrunnelse", label: "Begrunnelse", kind: .textarea, value: values["begrunnelse"] ?? "", rows: 3),
        ]
        for (index, group) in ObjectGroup.standard.enumerated() {
            fields.append(FormField(
                name: Self.lineName(group), label: "Endring \(group.code) \(ObjectGroupLabels.label(for: group))", value: values[Self.lineName(group)] ?? "",
                hint: index == 0 ? "Endring i kroner, f.eks. 250 000 eller -1 250 000 (utgift opp er pluss, inntekt opp er minus). La feltet stå tomt når artsgruppen ikke endres." : ""))
        }
        return FormPage(
            kicker: listing.scope.organisation.name,
            heading: id == nil ? "Ny budsjettregulering \(listing.year)" : "Endre budsjettregulering \(listing.year)",
            intro: "Regulert budsjett er Dok. 3 pluss alle reguleringene; tabellene og årsberetningen beregnes av dem.",
            action: id.map { "\(base)/\($0)" } ?? "\(base)/ny", submitLabel: "Lagre reguleringen", fields: fields, errors: errors,
            errorHeading: "Reguleringen er ikke lagret", cancelURL: base,
            version: id == nil ? nil : RecordVersions.parse(values[FormPage.versionField]))
    }
}

/// The view model of `revisions.mustache`.
struct RevisionsView: Sendable {
    struct Row: Sendable {
        var id: Int64
        var reference: String, chapter: String, kind: String, decidedOn: String, reason: String, amount: String, lines: String
        var editURL: String?, deleteURL: String?
    }

    var organisationName: String
    var year: Int
    var saved: String?
    var canEdit: Bool
    var hasChapters: Bool
    var csrfToken: String
    var newURL: String
    var links: BudgetDataLinks
    var revisions: [Row]

    init(_ listing: RevisionService.Listing, saved: String?, csrfToken: String) {
        let base = "\(listing.scope.base)/budsjett/\(listing.year)/revisjoner"
        organisationName = listing.scope.organisation.name
        year = listing.year
        self.saved = saved
        canEdit = listing.canEdit
        hasChapters = !listing.chapters.isEmpty
        self.csrfToken = csrfToken
        newURL = "\(base)/ny"
        links = BudgetDataLinks(code: listing.scope.code, year: listing.year)
        revisions = listing.revisions.map { stored in
            let revision = stored.revision
            return Row(
                id: stored.id, reference: revision.reference, chapter: String(revision.chapter), kind: revision.kind.norwegianName,
                decidedOn: revision.decidedOn.map(NorwegianFormat.date) ?? "–", reason: revision.reason,
                amount: NorwegianFormat.kroner(revision.netChange, zeroAsDash: false),
                lines: revision.lines.map { "\($0.group.code): \(NorwegianFormat.kroner($0.amount, zeroAsDash: false))" }.joined(separator: ", "),
                editURL: listing.canEdit ? "\(base)/\(stored.id)" : nil, deleteURL: listing.canEdit ? "\(base)/\(stored.id)/slett" : nil)
        }
    }
}
