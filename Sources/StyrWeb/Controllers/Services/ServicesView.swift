import StyrDomain
import StyrServices

/// The view model of `services.mustache`: the agency's service catalogue, agreements, mapping
/// rules, asset register and the year's self-cost pages.
struct ServicesView: Sendable {
    struct Service: Sendable {
        var name: String
        var url: String
        var unit: String
        var owner: String
        var customers: String
        var levels: String
        var version: Int
        var example: Bool
    }

    struct Agreement: Sendable {
        var service: String
        var customer: String
        var period: String
        var volume: String
        var price: String
        var amount: String
    }

    struct Rule: Sendable {
        var number: Int
        var target: String
        var criteria: String
        var deleteURL: String?
    }

    struct Asset: Sendable {
        var number: String
        var name: String
        var service: String
        var cost: String
        var activationYear: Int
        var usefulLife: Int
    }

    struct YearLink: Sendable {
        var year: Int
        var mappingURL: String
        var selfCostURL: String
        var accountsURL: String
        var pricesURL: String
        var invoiceURL: String
    }

    var organisationName: String
    var saved: String?
    var isExample: Bool
    var canEdit: Bool
    var csrfToken: String
    var newServiceURL: String
    var newAgreementURL: String
    var newRuleURL: String
    var newAssetURL: String
    var services: [Service]
    var agreements: [Agreement]
    var rules: [Rule]
    var assets: [Asset]
    var years: [YearLink]

    init(_ catalogue: ServiceCatalogueService.Catalogue, saved: String?, csrfToken: String) {
        let scope = catalogue.scope
        let base = "\(scope.base)/tjenester"
        let names = Dictionary(catalogue.services.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        func serviceName(_ key: String) -> String { key == ServiceMappingRule.notAService ? "Ikke en tjeneste" : names[key] ?? key }
        organisationName = scope.organisation.name
        self.saved = saved
        isExample = catalogue.isExample
        canEdit = catalogue.canEdit
        self.csrfToken = csrfToken
        newServiceURL = "\(base)/ny"
        newAgreementURL = "\(base)/avtaler/ny"
        newRuleURL = "\(base)/regler/ny"
        newAssetURL = "\(base)/anlegg/ny"
        services = catalogue.services.map { service in
            Service(name: service.name, url: "\(base)/\(service.key.urlPathEncoded)", unit: service.unit, owner: service.owner,
                    customers: service.customers.map(scope.name(of:)).joined(separator: ", "),
                    levels: service.serviceLevels.map { "\($0.name): \($0.targetText)" }.joined(separator: "; "), version: service.currentVersion,
                    example: service.isExample)
        }
        agreements = catalogue.agreements.map { agreement in
            Agreement(service: serviceName(agreement.serviceKey), customer: scope.name(of: agreement.customerCode),
                      period: "\(NorwegianFormat.date(agreement.fromDate))–\(NorwegianFormat.date(agreement.toDate))",
                      volume: NorwegianFormat.quantity(agreement.volume, decimals: 3), price: NorwegianFormat.exactKroner(agreement.price),
                      amount: NorwegianFormat.kroner(agreement.amount, zeroAsDash: false))
        }
        rules = catalogue.rules.enumerated().map { index, rule in
            Rule(number: index + 1, target: serviceName(rule.target), criteria: rule.criteriaText,
                 deleteURL: catalogue.canEdit ? "\(base)/regler/\(index + 1)/slett" : nil)
        }
        assets = catalogue.assets.map { asset in
            Asset(number: asset.number, name: asset.name, service: serviceName(asset.serviceKey), cost: NorwegianFormat.kroner(asset.cost),
                  activationYear: asset.activationYear, usefulLife: asset.usefulLife)
        }
        let years = catalogue.years.isEmpty ? [catalogue.defaultYear] : catalogue.years
        self.years = years.reversed().map { year in
            YearLink(year: year, mappingURL: "\(base)/kobling/\(year)", selfCostURL: "\(base)/selvkost/\(year)",
                     accountsURL: "\(base)/regnskap/\(year)", pricesURL: "\(base)/priser/\(year)", invoiceURL: "\(base)/faktura/\(year)")
        }
    }
}

/// The view model of `service.mustache`: one service, its levels, agreements and the year's results.
struct ServiceView: Sendable {
    struct Level: Sendable {
        var levelName: String
        var target: String
    }

    struct Result: Sendable {
        var period: String
        var levelName: String
        var achieved: String
        var target: String
        var shortfall: Bool
        var comment: String?
    }

    struct Version: Sendable {
        var number: Int
        var validFromYear: Int
        var note: String
    }

    var organisationName: String
    var name: String
    var description: String
    var owner: String
    var unit: String
    var customers: String
    var isExample: Bool
    var year: Int
    var levels: [Level]
    var versions: [Version]
    var agreements: [ServicesView.Agreement]
    var results: [Result]
    var shortfalls: Int
    var hasShortfalls: Bool
    var canEdit: Bool
    var newResultURL: String
    var catalogueURL: String
    var previousYearURL: String
    var nextYearURL: String
    var saved: String?

    init(_ page: ServiceCatalogueService.ServicePage, saved: String?) {
        let scope = page.catalogue.scope, service = page.service
        let base = "\(scope.base)/tjenester"
        organisationName = scope.organisation.name
        name = service.name
        description = service.description
        owner = service.owner
        unit = service.unit
        customers = service.customers.map(scope.name(of:)).joined(separator: ", ")
        isExample = service.isExample
        year = page.year
        levels = service.serviceLevels.map { Level(levelName: $0.name, target: $0.targetText) }
        versions = service.versions.map { Version(number: $0.number, validFromYear: $0.validFromYear, note: $0.note) }
        agreements = page.catalogue.agreements.filter { $0.serviceKey == service.key }.map { agreement in
            ServicesView.Agreement(service: service.name, customer: scope.name(of: agreement.customerCode),
                                   period: "\(NorwegianFormat.date(agreement.fromDate))–\(NorwegianFormat.date(agreement.toDate))",
                                   volume: NorwegianFormat.quantity(agreement.volume, decimals: 3), price: NorwegianFormat.exactKroner(agreement.price),
                                   amount: NorwegianFormat.kroner(agreement.amount, zeroAsDash: false))
        }
        results = page.results.sorted { ($0.period, $0.levelName) < ($1.period, $1.levelName) }.map { result in
            let level = service.serviceLevels.first { $0.name == result.levelName }
            return Result(period: result.period.isEmpty ? "Hele året" : result.period.uppercased(), levelName: result.levelName,
                          achieved: NorwegianFormat.quantity(result.achieved, decimals: 3) + (level?.unit == "%" ? " %" : " " + (level?.unit ?? "")),
                          target: level?.targetText ?? "–", shortfall: level.map(result.isShortfall(against:)) ?? false,
                          comment: result.comment.nonEmpty)
        }
        shortfalls = results.filter(\.shortfall).count
        hasShortfalls = shortfalls > 0
        canEdit = page.catalogue.canEdit
        newResultURL = "\(base)/\(service.key.urlPathEncoded)/resultat/ny?ar=\(page.year)"
        catalogueURL = base
        previousYearURL = "\(base)/\(service.key.urlPathEncoded)?ar=\(page.year - 1)"
        nextYearURL = "\(base)/\(service.key.urlPathEncoded)?ar=\(page.year + 1)"
        self.saved = saved
    }
}
