import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Investment projects of a year: listed, decided by the department, progress reported by the
/// agency (`InvestmentProjectService`).
struct InvestmentProjectController: Sendable {
    let projects: InvestmentProjectService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "chapter": "kapittel", "number": "nummer", "name": "navn", "groups": "artsgrupper", "decided": "vedtatt",
        "councilCompletion": "ferdig_vedtak", "expectedCompletion": "forventet_ferdig", "originalBudget": "opprinnelig",
        "revisedBudget": "regulert", "actuals": "regnskap", "year": "forventet_ferdig",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjett/:year/prosjekter") { request, context in
            let listing = try await projects.list(of: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return pages.html("Investeringsprosjekter \(listing.year) – \(listing.scope.organisation.name)", template: "projects",
                              model: ProjectsView(listing, saved: Confirmation.message(request, context)), context: context,
                              trail: BudgetDataLinks.trail(listing.scope, year: listing.year))
        }
        router.get("/organisasjoner/:code/budsjett/:year/prosjekter/ny") { _, context in
            let listing = try await listing(context, decide: true)
            let chapter = listing.chapters.first { $0.kind.covers(.investment) }
            let values = ["kapittel": chapter.map { String($0.number) } ?? "", "artsgrupper": "000-599", "vedtatt": String(listing.year)]
            return pages.form(form(listing, project: nil, values: values, errors: InputErrors()), context: context, trail: trail(listing))
        }
        router.post("/organisasjoner/:code/budsjett/:year/prosjekter/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let listing = try await listing(context, decide: true)
            do {
                let project = try await projects.create(Self.draft(fields, stored: nil, decides: true), in: listing.scope.code, year: listing.year,
                                                        by: context.session?.user)
                return Confirmation.redirect(to: "\(listing.scope.base)/budsjett/\(listing.year)/prosjekter",
                                             message: "Prosjekt \(project.number) \(project.name) er registrert.", context)
            } catch ServiceError.invalid(let errors) {
                return pages.form(form(listing, project: nil, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(listing)).response
            }
        }
        router.get("/organisasjoner/:code/budsjett/:year/prosjekter/:number") { _, context in
            let listing = try await listing(context, decide: false)
            let project = try found(listing, context)
            var values = Self.values(project)
            values[FormPage.versionField] = String(try await projects.recordVersions.version(
                of: RecordVersions.investmentProject(listing.scope.code, year: listing.year, number: project.number), in: listing.scope.code,
                by: context.session?.user))
            return pages.form(form(listing, project: project, values: values, errors: InputErrors()), context: context, trail: trail(listing))
        }
        router.post("/organisasjoner/:code/budsjett/:year/prosjekter/:number") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let listing = try await listing(context, decide: false)
            let stored = try found(listing, context)
            do {
                let project = try await projects.update(stored.number, with: Self.draft(fields, stored: stored, decides: listing.canDecide),
                                                        in: listing.scope.code, year: listing.year,
                                                        version: RecordVersions.parse(fields[FormPage.versionField]), by: context.session?.user)
                return Confirmation.redirect(to: "\(listing.scope.base)/budsjett/\(listing.year)/prosjekter",
                                             message: "Prosjekt \(project.number) \(project.name) er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                return pages.form(form(listing, project: stored, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(listing)).response
            }
        }
    }

    static func values(_ project: InvestmentProject) -> [String: String] {
        ["kapittel": String(project.chapter), "nummer": project.number, "navn": project.name, "artsgrupper": project.groups.code,
         "vedtatt": project.decided ?? "", "ferdig_vedtak": project.councilCompletion ?? "", "forventet_ferdig": project.expectedCompletion ?? "",
         "opprinnelig": NorwegianFormat.exactKroner(project.originalBudget), "regulert": NorwegianFormat.exactKroner(project.revisedBudget),
         "regnskap": NorwegianFormat.exactKroner(project.actuals)]
    }

    /// The form as a draft; an agency's form holds only the progress, the rest is the stored project's.
    static func draft(_ fields: [String: String], stored: InvestmentProject?, decides: Bool) -> InvestmentProjectDraft {
        var draft = stored.map(InvestmentProjectDraft.init) ?? InvestmentProjectDraft(
            chapter: nil, number: "", name: "", groups: nil, originalBudget: .typed(""), revisedBudget: .typed(""))
        if decides {
            draft.chapter = Int(fields.text("kapittel"))
            draft.number = stored?.number ?? fields.text("nummer")
            draft.name = fields.text("navn")
            draft.groups = ObjectGroup(code: fields.text("artsgrupper"))
            draft.decided = fields.text("vedtatt")
            draft.councilCompletion = fields.text("ferdig_vedtak")
            draft.originalBudget = .typed(fields.text("opprinnelig"))
        }
        draft.expectedCompletion = fields.text("forventet_ferdig")
        draft.revisedBudget = .typed(fields.text("regulert"))
        draft.actuals = .typed(fields.text("regnskap"))
        return draft
    }

    func listing(_ context: StyrRequestContext, decide: Bool) async throws -> InvestmentProjectService.Listing {
        let code = try context.parameters.require("code")
        let listing = try await projects.list(of: code, year: try requireYear(context), by: context.session?.user)
        guard decide ? listing.canDecide : listing.canReport else { throw ServiceError.forbidden(organisationCode: code) }
        return listing
    }

    func found(_ listing: InvestmentProjectService.Listing, _ context: StyrRequestContext) throws -> InvestmentProject {
        guard let number = context.parameters.get("number"), let project = listing.table.projects.first(where: { $0.number == number }) else {
            throw notFound(pages, context, heading: "Fant ikke prosjektet", message: "\(listing.scope.organisation.name) har ikke noe slikt investeringsprosjekt i \(listing.year).")
        }
        return project
    }

    func trail(_ listing: InvestmentProjectService.Listing) -> [NavigationLink] {
        BudgetDataLinks.trail(listing.scope, year: listing.year)
            + [NavigationLink(url: "\(listing.scope.base)/budsjett/\(listing.year)/prosjekter", label: "Investeringsprosjekter")]
    }

    func form(_ listing: InvestmentProjectService.Listing, project: InvestmentProject?, values: [String: String], errors: InputErrors) -> FormPage {
        let base = "\(listing.scope.base)/budsjett/\(listing.year)/prosjekter"
        var fields: [FormField] = []
        if listing.canDecide {
            fields += [
                FormField(name: "kapittel", label: "Kapittel", kind: .select(listing.chapters.filter { $0.kind.covers(.investment) }.map {
                    (String($0.number), "\($0.number) \($0.name)") }), value: values["kapittel"] ?? ""),
            ]
            if project == nil { fields.append(FormField(name: "nummer", label: "Prosjektnummer", value: values["nummer"] ?? "", hint: "F.eks. 120037.")) }
            fields += [
                FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
                FormField(name: "artsgrupper", label: "Artsgrupper", value: values["artsgrupper"] ?? "", hint: "Fra–til, f.eks. 000-599 (sum finansieringsbehov)."),
                FormField(name: "vedtatt", label: "Vedtatt", value: values["vedtatt"] ?? "", hint: "År (2019) eller dato (15.03.2019)."),
                FormField(name: "ferdig_vedtak", label: "Ferdig etter bystyrets vedtak (valgfri)", value: values["ferdig_vedtak"] ?? "", hint: "F.eks. «4. kv 2021»."),
                FormField(name: "opprinnelig", label: "Opprinnelig budsjett (Dok. 3), kroner", value: values["opprinnelig"] ?? ""),
            ]
        }
        fields += [
            FormField(name: "forventet_ferdig", label: "Forventet ferdig", value: values["forventet_ferdig"] ?? "",
                      hint: "År, kvartal (4. kv 2021), dato eller «Løpende». Kan ikke være før vedtaket."),
            FormField(name: "regulert", label: "Regulert budsjett inkl. overføring fra året før, kroner", value: values["regulert"] ?? ""),
            FormField(name: "regnskap", label: "Regnskap, kroner", value: values["regnskap"] ?? "",
                      hint: "Brukes bare når regnskapet ikke har linjer med prosjektnummeret; ellers hentes regnskapet derfra."),
        ]
        return FormPage(
            kicker: listing.scope.organisation.name,
            heading: project.map { "Prosjekt \($0.number) \($0.name)" } ?? "Nytt investeringsprosjekt \(listing.year)",
            intro: listing.canDecide ? "" : "Etaten melder framdrift: forventet ferdigstillelse, regulert budsjett og regnskap. Vedtaket endres av byrådsavdelingen.",
            action: project.map { "\(base)/\($0.number.urlPathEncoded)" } ?? "\(base)/ny", submitLabel: "Lagre prosjektet", fields: fields,
            errors: errors, errorHeading: "Prosjektet er ikke lagret", cancelURL: base,
            version: project == nil ? nil : RecordVersions.parse(values[FormPage.versionField]))
    }
}

/// The view model of `projects.mustache`.
struct ProjectsView: Sendable {
    struct Row: Sendable {
        var number: String, name: String, groups: String, decided: String, councilCompletion: String, expectedCompletion: String
        var originalBudget: String, revisedBudget: String, actuals: String, deviation: String
        var editURL: String?
    }

    var organisationName: String
    var year: Int
    var saved: String?
    var canDecide: Bool
    var hasInvestmentChapter: Bool
    var newURL: String
    var links: BudgetDataLinks
    var projects: [Row]
    var sumOriginal: String, sumRevised: String, sumActuals: String, sumDeviation: String

    init(_ listing: InvestmentProjectService.Listing, saved: String?) {
        let base = "\(listing.scope.base)/budsjett/\(listing.year)/prosjekter"
        let kroner = { (money: Money) in NorwegianFormat.kroner(money) }
        organisationName = listing.scope.organisation.name
        year = listing.year
        self.saved = saved
        canDecide = listing.canDecide
        hasInvestmentChapter = listing.chapters.contains { $0.kind.covers(.investment) }
        newURL = "\(base)/ny"
        links = BudgetDataLinks(code: listing.scope.code, year: listing.year)
        projects = listing.table.projects.map { project in
            Row(number: project.number, name: project.name, groups: project.groups.code, decided: project.decided ?? "",
                councilCompletion: project.councilCompletion ?? "", expectedCompletion: project.expectedCompletion ?? "",
                originalBudget: kroner(project.originalBudget), revisedBudget: kroner(project.revisedBudget), actuals: kroner(project.actuals),
                deviation: kroner(project.deviation), editURL: listing.canReport ? "\(base)/\(project.number.urlPathEncoded)" : nil)
        }
        sumOriginal = kroner(listing.table.originalBudget)
        sumRevised = kroner(listing.table.revisedBudget)
        sumActuals = kroner(listing.table.actuals)
        sumDeviation = kroner(listing.table.deviation)
    }
}
