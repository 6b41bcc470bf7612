import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The service catalogue pages: the catalogue, a service, and the forms for services,
/// agreements, mapping rules, assets and service-level results (`ServiceCatalogueService`).
struct ServiceController: Sendable {
    let catalogue: ServiceCatalogueService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "key": "nokkel", "name": "navn", "description": "beskrivelse", "owner": "eier", "unit": "enhet", "customers": "kunder",
        "serviceLevels": "nivaer", "serviceKey": "tjeneste", "customerCode": "kunde", "fromDate": "fra", "toDate": "til", "volume": "volum",
        "price": "pris", "target": "tjeneste", "criteria": "ansvar", "artFrom": "art_fra", "artTo": "art_til", "number": "nummer",
        "cost": "kostnad", "activationYear": "aktivert", "usefulLife": "levetid", "year": "ar", "levelName": "niva", "achieved": "malt",
        "period": "periode", "organisation": "navn",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tjenester") { request, context in
            let listing = try await catalogue.catalogue(of: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Tjenester – \(listing.scope.organisation.name)", template: "services",
                              model: ServicesView(listing, saved: Confirmation.message(request, context), csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: [NavigationLink(url: listing.scope.base, label: listing.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/tjenester/:key") { request, context in
            let code = try context.parameters.require("code"), key = try context.parameters.require("key")
            let year = request.uri.queryParameters.get("ar", as: Int.self)
            let listing = try await catalogue.catalogue(of: code, by: context.session?.user)
            let page = try await catalogue.service(key, year: year ?? listing.defaultYear, of: code, by: context.session?.user)
            return pages.html("\(page.service.name) – \(listing.scope.organisation.name)", template: "service",
                              model: ServiceView(page, saved: Confirmation.message(request, context)), context: context, trail: trail(listing.scope))
        }
        router.get("/organisasjoner/:code/tjenester/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return pages.form(serviceForm(listing, values: [:], errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/ny") { request, context in
            try await post(request, context, form: serviceForm) { fields, code, user, errors in
                let service = ServiceDescription(
                    organisationCode: code, key: fields.text("nokkel"), name: fields.text("navn"), description: fields.text("beskrivelse"),
                    owner: fields.text("eier"), unit: fields.text("enhet"),
                    customers: fields.text("kunder").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init),
                    serviceLevels: ServiceFormParsing.levels(fields.text("nivaer"), &errors))
                try errors.check()
                try await catalogue.saveService(service, in: code, by: user)
                return ("/tjenester/\(service.key.urlPathEncoded)", "Tjenesten «\(service.name)» er lagt i katalogen.")
            }
        }
        router.get("/organisasjoner/:code/tjenester/avtaler/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            let year = CalendarDate.today().year
            return pages.form(agreementForm(listing, values: ["fra": "\(year)-01-01", "til": "\(year)-12-31"], errors: InputErrors()),
                              context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/avtaler/ny") { request, context in
            try await post(request, context, form: agreementForm) { fields, code, user, errors in
                let from = CalendarDate(fields.text("fra")), to = CalendarDate(fields.text("til"))
                if from == nil { errors.add("fromDate", "Skriv første dag i avtalen som en dato.") }
                if to == nil { errors.add("toDate", "Skriv siste dag i avtalen som en dato.") }
                let volume = ServiceFormParsing.quantity(fields.text("volum"), field: "volume", &errors)
                let price = ServiceFormParsing.money(fields.text("pris"), field: "price", &errors)
                try errors.check()
                guard let from, let to else { throw errors }
                let agreement = ServiceAgreement(organisationCode: code, serviceKey: fields.text("tjeneste"), customerCode: fields.text("kunde"),
                                                 fromDate: from, toDate: to, volume: volume ?? .zero, price: price)
                try await catalogue.saveAgreement(agreement, in: code, by: user)
                return ("/tjenester", "Avtalen er lagret.")
            }
        }
        router.get("/organisasjoner/:code/tjenester/regler/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return pages.form(ruleForm(listing, values: [:], errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/regler/ny") { request, context in
            try await post(request, context, form: ruleForm) { fields, code, user, errors in
                let rule = ServiceMappingRule(
                    target: fields.text("tjeneste"), responsibility: fields.text("ansvar").nonEmpty,
                    function: ServiceFormParsing.integer(fields.text("funksjon"), field: "function", &errors), project: fields.text("prosjekt").nonEmpty,
                    artFrom: ServiceFormParsing.integer(fields.text("art_fra"), field: "artFrom", &errors),
                    artTo: ServiceFormParsing.integer(fields.text("art_til"), field: "artTo", &errors), freeDimension: fields.text("fri").nonEmpty)
                try errors.check()
                try await catalogue.addMappingRule(rule, in: code, by: user)
                return ("/tjenester", "Regelen er lagt til.")
            }
        }
        router.post("/organisasjoner/:code/tjenester/regler/:number/slett") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code")
            guard let number = context.parameters.get("number", as: Int.self) else {
                throw notFound(pages, context, heading: "Fant ikke regelen", message: "Adressen peker ikke på noen regel.")
            }
            try await catalogue.removeMappingRule(at: number - 1, in: code, by: context.session?.user)
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/tjenester", message: "Regel \(number) er slettet.", context)
        }
        router.get("/organisasjoner/:code/tjenester/anlegg/ny") { _, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            return pages.form(assetForm(listing, values: ["ar": String(listing.defaultYear)], errors: InputErrors()), context: context,
                              trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/anlegg/ny") { request, context in
            try await post(request, context, form: assetForm) { fields, code, user, errors in
                let year = ServiceFormParsing.integer(fields.text("ar"), field: "year", &errors)
                let asset = FixedAsset(
                    number: fields.text("nummer"), serviceKey: fields.text("tjeneste"), name: fields.text("navn"),
                    cost: ServiceFormParsing.money(fields.text("kostnad"), field: "cost", &errors),
                    activationYear: ServiceFormParsing.integer(fields.text("aktivert"), field: "activationYear", &errors) ?? 0,
                    usefulLife: ServiceFormParsing.integer(fields.text("levetid"), field: "usefulLife", &errors) ?? 0)
                if year == nil { errors.add("year", "Oppgi regnskapsåret anleggsmiddelet føres for.") }
                try errors.check()
                try await catalogue.saveAsset(asset, year: year ?? 0, in: code, by: user)
                return ("/tjenester", "Anleggsmiddel \(asset.number) er lagt i registeret.")
            }
        }
        router.get("/organisasjoner/:code/tjenester/:key/resultat/ny") { request, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            let service = try found(listing, context)
            let year = request.uri.queryParameters.get("ar", as: Int.self) ?? listing.defaultYear
            return pages.form(resultForm(listing, service: service, values: ["ar": String(year), "periode": "t1"], errors: InputErrors()),
                              context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/:key/resultat/ny") { request, context in
            let listing = try await editable(try context.parameters.require("code"), context)
            let service = try found(listing, context)
            return try await post(request, context, form: { resultForm($0, service: service, values: $1, errors: $2) }) { fields, code, user, errors in
                let year = ServiceFormParsing.integer(fields.text("ar"), field: "year", &errors)
                let achieved = ServiceFormParsing.quantity(fields.text("malt"), field: "achieved", &errors)
                if achieved == nil, errors["achieved"] == nil { errors.add("achieved", "Skriv det målte resultatet.") }
                let period = fields.text("periode").lowercased()
                if !(period.isEmpty || AccountingPeriod(code: period) != nil) {
                    errors.add("period", "Skriv perioden som t1–t3 eller m1–m12, eller la feltet stå tomt for hele året.")
                }
                try errors.check()
                try await catalogue.recordResult(ServiceLevelResult(
                    serviceKey: service.key, year: year ?? 0, period: period, levelName: fields.text("niva"), achieved: achieved ?? .zero,
                    comment: fields.text("kommentar")), in: code, by: user)
                return ("/tjenester/\(service.key.urlPathEncoded)?ar=\(year ?? 0)", "Resultatet er registrert.")
            }
        }
    }

    /// Reads the form, builds and saves through `save` (which returns where to go and what to say);
    /// refusals show the form again with each message beside its field.
    func post(_ request: Request, _ context: StyrRequestContext,
              form: @escaping (ServiceCatalogueService.Catalogue, [String: String], InputErrors) -> FormPage,
              save: ([String: String], String, UserAccount?, inout InputErrors) async throws -> (String, String)) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        let code = try context.parameters.require("code")
        var errors = InputErrors()
        do {
            let (path, message) = try await save(fields, code, context.session?.user, &errors)
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)\(path)", message: message, context)
        } catch let refused as InputErrors {
            return try await refusedForm(code, fields, refused, form, context)
        } catch ServiceError.invalid(let refused) {
            return try await refusedForm(code, fields, refused, form, context)
        }
    }

    func refusedForm(_ code: String, _ fields: [String: String], _ errors: InputErrors,
                     _ form: (ServiceCatalogueService.Catalogue, [String: String], InputErrors) -> FormPage, _ context: StyrRequestContext) async throws -> Response {
        let listing = try await editable(code, context)
        return pages.form(form(listing, fields, errors.renamed(Self.formFields)), context: context, trail: trail(listing.scope)).response
    }

    func editable(_ code: String, _ context: StyrRequestContext) async throws -> ServiceCatalogueService.Catalogue {
        let listing = try await catalogue.catalogue(of: code, by: context.session?.user)
        guard listing.canEdit else { throw ServiceError.forbidden(organisationCode: code) }
        return listing
    }

    func found(_ listing: ServiceCatalogueService.Catalogue, _ context: StyrRequestContext) throws -> ServiceDescription {
        guard let key = context.parameters.get("key"), let service = listing.services.first(where: { $0.key == key }) else {
            throw notFound(pages, context, heading: "Fant ikke tjenesten", message: "\(listing.scope.organisation.name) har ingen slik tjeneste.")
        }
        return service
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/tjenester", label: "Tjenester")]
    }

    static func serviceOptions(_ listing: ServiceCatalogueService.Catalogue, notAService: Bool = false) -> [(value: String, label: String)] {
        [("", "Velg tjeneste")] + listing.services.map { ($0.key, $0.name) }
            + (notAService ? [(ServiceMappingRule.notAService, "Ikke en tjeneste (rammefinansierte kjerneoppgaver, ledelse)")] : [])
    }

    func serviceForm(_ listing: ServiceCatalogueService.Catalogue, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Ny tjeneste i katalogen",
            intro: "Tjenestebeskrivelsen: hva tjenesten er, hvem som eier den, enheten den prises per, kundene og tjenestenivåene.",
            action: "\(listing.scope.base)/tjenester/ny", submitLabel: "Lagre tjenesten",
            fields: [
                FormField(name: "nokkel", label: "Nøkkel", value: values["nokkel"] ?? "", hint: "Små bokstaver, sifre og bindestrek, f.eks. «faktura»."),
                FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
                FormField(name: "beskrivelse", label: "Beskrivelse", kind: .textarea, value: values["beskrivelse"] ?? ""),
                FormField(name: "eier", label: "Tjenesteeier", value: values["eier"] ?? ""),
                FormField(name: "enhet", label: "Enhet", value: values["enhet"] ?? "", hint: "Det kundene betaler per: bruker, faktura, kursplass …"),
                FormField(name: "kunder", label: "Kunder", value: values["kunder"] ?? "", hint: "Organisasjonskoder skilt med komma, f.eks. «FIN, BLK»."),
                FormField(name: "nivaer", label: "Tjenestenivå", kind: .textarea, value: values["nivaer"] ?? "",
                          hint: "Ett per linje: navn; mål; enhet; høyere eller lavere (er bedre). F.eks. «Tilgjengelighet; 99,5; %; høyere»."),
            ],
            errors: errors, errorHeading: "Tjenesten er ikke lagret", cancelURL: "\(listing.scope.base)/tjenester")
    }

    func agreementForm(_ listing: ServiceCatalogueService.Catalogue, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Ny tjenesteavtale",
            intro: "En avtale med én kunde om én tjeneste: volum, pris per enhet og periode. Tjenestenivået er tjenestens.",
            action: "\(listing.scope.base)/tjenester/avtaler/ny", submitLabel: "Lagre avtalen",
            fields: [
                FormField(name: "tjeneste", label: "Tjeneste", kind: .select(Self.serviceOptions(listing)), value: values["tjeneste"] ?? ""),
                FormField(name: "kunde", label: "Kunde", value: values["kunde"] ?? "", hint: "Kundens organisasjonskode, f.eks. «FIN»."),
                FormField(name: "fra", label: "Fra og med", kind: .date, value: values["fra"] ?? ""),
                FormField(name: "til", label: "Til og med", kind: .date, value: values["til"] ?? ""),
                FormField(name: "volum", label: "Volum (enheter)", value: values["volum"] ?? ""),
                FormField(name: "pris", label: "Pris per enhet (kr)", value: values["pris"] ?? ""),
            ],
            errors: errors, errorHeading: "Avtalen er ikke lagret", cancelURL: "\(listing.scope.base)/tjenester")
    }

    func ruleForm(_ listing: ServiceCatalogueService.Catalogue, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Ny regel for kobling mot regnskapet",
            intro: "Regnskapslinjer som treffer alle kriteriene du fyller ut, føres til tjenesten. Tomme felt gjelder alle linjer.",
            action: "\(listing.scope.base)/tjenester/regler/ny", submitLabel: "Legg til regelen",
            fields: [
                FormField(name: "tjeneste", label: "Føres til", kind: .select(Self.serviceOptions(listing, notAService: true)), value: values["tjeneste"] ?? ""),
                FormField(name: "ansvar", label: "Ansvar", value: values["ansvar"] ?? ""),
                FormField(name: "funksjon", label: "Funksjon", value: values["funksjon"] ?? ""),
                FormField(name: "prosjekt", label: "Prosjekt", value: values["prosjekt"] ?? ""),
                FormField(name: "art_fra", label: "Art fra og med", value: values["art_fra"] ?? ""),
                FormField(name: "art_til", label: "Art til og med", value: values["art_til"] ?? ""),
                FormField(name: "fri", label: "Fri dimensjon", value: values["fri"] ?? ""),
            ],
            errors: errors, errorHeading: "Regelen er ikke lagt til", cancelURL: "\(listing.scope.base)/tjenester")
    }

    func assetForm(_ listing: ServiceCatalogueService.Catalogue, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Nytt anleggsmiddel",
            intro: "Anleggsmidlet avskrives lineært fra året etter aktivering og gir kalkulatorisk rente på gjennomsnittlig restverdi.",
            action: "\(listing.scope.base)/tjenester/anlegg/ny", submitLabel: "Lagre anleggsmidlet",
            fields: [
                FormField(name: "nummer", label: "Nummer", value: values["nummer"] ?? ""),
                FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
                FormField(name: "tjeneste", label: "Tjeneste", kind: .select(Self.serviceOptions(listing)), value: values["tjeneste"] ?? ""),
                FormField(name: "kostnad", label: "Anskaffelseskost (kr)", value: values["kostnad"] ?? ""),
                FormField(name: "aktivert", label: "Aktiveringsår", value: values["aktivert"] ?? ""),
                FormField(name: "levetid", label: "Levetid (år)", value: values["levetid"] ?? ""),
                FormField(name: "ar", label: "Regnskapsår", value: values["ar"] ?? "", hint: "Året registeret føres for; et anleggsmiddel aktivert senere avvises."),
            ],
            errors: errors, errorHeading: "Anleggsmidlet er ikke lagret", cancelURL: "\(listing.scope.base)/tjenester")
    }

    func resultForm(_ listing: ServiceCatalogueService.Catalogue, service: ServiceDescription, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: "\(listing.scope.organisation.name) · \(service.name)", heading: "Registrer målt tjenestenivå",
            intro: "Resultatet sammenlignes med avtalt nivå; det som er under, flagges på tjenestens side.",
            action: "\(listing.scope.base)/tjenester/\(service.key.urlPathEncoded)/resultat/ny", submitLabel: "Registrer",
            fields: [
                FormField(name: "ar", label: "År", value: values["ar"] ?? ""),
                FormField(name: "periode", label: "Periode", value: values["periode"] ?? "", hint: "t1–t3 eller m1–m12; tomt for hele året."),
                FormField(name: "niva", label: "Tjenestenivå", kind: .select([("", "Velg tjenestenivå")] + service.serviceLevels.map {
                    ($0.name, "\($0.name) (avtalt \($0.targetText))")
                }), value: values["niva"] ?? ""),
                FormField(name: "malt", label: "Målt", value: values["malt"] ?? ""),
                FormField(name: "kommentar", label: "Kommentar", kind: .textarea, value: values["kommentar"] ?? ""),
            ],
            errors: errors, errorHeading: "Resultatet er ikke registrert", cancelURL: "\(listing.scope.base)/tjenester/\(service.key.urlPathEncoded)")
    }
}
