import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The forms for a year's self-cost input: the swap rate, an indirect cost with its allocation
/// key, and next year's price plan of a service.
extension SelfCostController {
    func addFormRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tjenester/selvkost/:year/swaprente") { _, context in
            let (listing, year) = try await editable(context)
            let setup = try await catalogue.selfCostYear(of: listing.scope.code, year: year, by: context.session?.user)
            return pages.form(swapRateForm(listing, year: year, values: ["swaprente": setup.swapRate.map { $0.percentText.replacingOccurrences(of: " %", with: "") } ?? ""],
                                           errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/selvkost/:year/swaprente") { request, context in
            try await post(request, context, form: swapRateForm) { fields, code, year, user, _ in
                try await catalogue.setSwapRate(BasisPoints(percentText: fields.text("swaprente")), year: year, in: code, by: user)
                return "Swaprenten for \(year) er lagret."
            }
        }
        router.get("/organisasjoner/:code/tjenester/selvkost/:year/kostnad/ny") { _, context in
            let (listing, year) = try await editable(context)
            let shares = (listing.services.map(\.key) + [ServiceMappingRule.notAService]).map { "\($0); " }.joined(separator: "\n")
            return pages.form(poolForm(listing, year: year, values: ["andeler": shares], errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/selvkost/:year/kostnad/ny") { request, context in
            try await post(request, context, form: poolForm) { fields, code, year, user, errors in
                let amount = ServiceFormParsing.money(fields.text("belop"), field: "amount", &errors)
                var shares: [AllocationShare] = []
                for line in fields.text("andeler").split(whereSeparator: \.isNewline) {
                    let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty else {
                        errors.add("shares", "Skriv én tjeneste per linje: nøkkel; prosent, f.eks. «faktura-regnskap; 25».")
                        break
                    }
                    if parts[1].isEmpty { continue }
                    guard let share = BasisPoints(percentText: parts[1]) else {
                        errors.add("shares", "Andelen for «\(parts[0])» må være en prosent med høyst to desimaler.")
                        break
                    }
                    shares.append(AllocationShare(serviceKey: parts[0], share: share))
                }
                try errors.check()
                let pool = IndirectCostPool(name: fields.text("navn"), amount: amount,
                                            basis: AllocationBasis(rawValue: fields.text("nokkel")) ?? .fte, shares: shares)
                try await catalogue.saveIndirectPool(pool, year: year, in: code, by: user)
                return "Den indirekte kostnaden «\(pool.name)» er fordelt."
            }
        }
        router.get("/organisasjoner/:code/tjenester/selvkost/:year/pris/ny") { _, context in
            let (listing, year) = try await editable(context)
            return pages.form(priceForm(listing, year: year, values: ["fondsbruk": "0"], errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/tjenester/selvkost/:year/pris/ny") { request, context in
            try await post(request, context, form: priceForm) { fields, code, year, user, errors in
                let plan = PricePlan(
                    serviceKey: fields.text("tjeneste"), year: year + 1,
                    plannedCostBase: ServiceFormParsing.money(fields.text("kostnadsgrunnlag"), field: "plannedCostBase", &errors),
                    plannedFundUse: fields.text("fondsbruk").isEmpty ? .zero : ServiceFormParsing.money(fields.text("fondsbruk"), field: "plannedFundUse", &errors),
                    plannedVolume: ServiceFormParsing.quantity(fields.text("volum"), field: "plannedVolume", &errors))
                try errors.check()
                try await catalogue.savePricePlan(plan, year: year, in: code, by: user)
                return "Prisplanen for \(year + 1) er lagret."
            }
        }
    }

    func editable(_ context: StyrRequestContext) async throws -> (ServiceCatalogueService.Catalogue, Int) {
        let code = try context.parameters.require("code")
        let listing = try await catalogue.catalogue(of: code, by: context.session?.user)
        guard listing.canEdit else { throw ServiceError.forbidden(organisationCode: code) }
        return (listing, try year(context))
    }

    func post(_ request: Request, _ context: StyrRequestContext,
              form: @escaping (ServiceCatalogueService.Catalogue, Int, [String: String], InputErrors) -> FormPage,
              save: ([String: String], String, Int, UserAccount?, inout InputErrors) async throws -> String) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        let code = try context.parameters.require("code"), year = try year(context)
        var errors = InputErrors()
        do {
            let message = try await save(fields, code, year, context.session?.user, &errors)
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/tjenester/selvkost/\(year)", message: message, context)
        } catch let refused as InputErrors {
            let (listing, year) = try await editable(context)
            return pages.form(form(listing, year, fields, refused.renamed(Self.formFields)), context: context, trail: trail(listing.scope)).response
        } catch ServiceError.invalid(let refused) {
            let (listing, year) = try await editable(context)
            return pages.form(form(listing, year, fields, refused.renamed(Self.formFields)), context: context, trail: trail(listing.scope)).response
        }
    }

    func swapRateForm(_ listing: ServiceCatalogueService.Catalogue, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Swaprente \(year)",
            intro: "Årets gjennomsnittlige 5-årige swaprente. Kalkylerenten er swaprenten + 0,5 prosentpoeng (selvkostforskriften § 5).",
            action: "\(listing.scope.base)/tjenester/selvkost/\(year)/swaprente", submitLabel: "Lagre swaprenten",
            fields: [FormField(name: "swaprente", label: "Swaprente (prosent)", value: values["swaprente"] ?? "", hint: "F.eks. 0,85.")],
            errors: errors, errorHeading: "Swaprenten er ikke lagret", cancelURL: "\(listing.scope.base)/tjenester/selvkost/\(year)")
    }

    func poolForm(_ listing: ServiceCatalogueService.Catalogue, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Indirekte kostnad \(year)",
            intro: "En felles kostnad (ledelse, lokaler, felles IKT …) og nøkkelen den fordeles etter. Andelene må summere til 100 %; delen som ikke er tjenester, føres på «\(ServiceMappingRule.notAService)». En kostnad med samme navn erstattes.",
            action: "\(listing.scope.base)/tjenester/selvkost/\(year)/kostnad/ny", submitLabel: "Fordel kostnaden",
            fields: [
                FormField(name: "navn", label: "Kostnad", value: values["navn"] ?? ""),
                FormField(name: "belop", label: "Beløp (kr)", value: values["belop"] ?? ""),
                FormField(name: "nokkel", label: "Fordelingsnøkkel", kind: .select(AllocationBasis.allCases.map { ($0.rawValue, $0.norwegianName) }),
                          value: values["nokkel"] ?? AllocationBasis.fte.rawValue),
                FormField(name: "andeler", label: "Andeler", kind: .textarea, value: values["andeler"] ?? "",
                          hint: "Én per linje: tjenestens nøkkel; prosent. Tom prosent betyr ingen andel."),
            ],
            errors: errors, errorHeading: "Kostnaden er ikke fordelt", cancelURL: "\(listing.scope.base)/tjenester/selvkost/\(year)")
    }

    func priceForm(_ listing: ServiceCatalogueService.Catalogue, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: listing.scope.organisation.name, heading: "Prisplan for \(year + 1)",
            intro: "Pris per enhet = (planlagt kostnadsgrunnlag − planlagt bruk av selvkostfond) ÷ planlagt volum. Negativ bruk av fond betyr at et fremført underskudd dekkes inn.",
            action: "\(listing.scope.base)/tjenester/selvkost/\(year)/pris/ny", submitLabel: "Lagre prisplanen",
            fields: [
                FormField(name: "tjeneste", label: "Tjeneste", kind: .select(ServiceController.serviceOptions(listing)), value: values["tjeneste"] ?? ""),
                FormField(name: "kostnadsgrunnlag", label: "Planlagt kostnadsgrunnlag (kr)", value: values["kostnadsgrunnlag"] ?? ""),
                FormField(name: "fondsbruk", label: "Planlagt bruk av selvkostfond (kr)", value: values["fondsbruk"] ?? ""),
                FormField(name: "volum", label: "Planlagt volum (enheter)", value: values["volum"] ?? ""),
            ],
            errors: errors, errorHeading: "Prisplanen er ikke lagret", cancelURL: "\(listing.scope.base)/tjenester/selvkost/\(year)")
    }
}
