/// A service level promised in a service description or agreement: what is measured, the level,
/// and whether a higher result is better (availability) or worse (response time).
public struct ServiceLevel: Hashable, Sendable, Codable {
    public var name: String
    public var target: Quantity
    public var unit: String
    public var higherIsBetter: Bool

    public init(name: String, target: Quantity, unit: String, higherIsBetter: Bool) {
        self.name = name
        self.target = target
        self.unit = unit
        self.higherIsBetter = higherIsBetter
    }

    /// `99,5 %`, `4 timer`.
    public var targetText: String {
        NorwegianFormat.quantity(target, decimals: 3) + (unit == "%" ? " %" : " " + unit)
    }
}

/// A version of a service description: from which year it holds and what changed.
public struct ServiceVersion: Hashable, Sendable, Codable {
    public var number: Int
    public var validFromYear: Int
    public var note: String

    public init(number: Int, validFromYear: Int, note: String) {
        self.number = number
        self.validFromYear = validFromYear
        self.note = note
    }
}

/// A service in the agency's service catalogue (tjenestekatalog).
public struct ServiceDescription: Hashable, Sendable, Codable {
    public var organisationCode: String
    /// Short key, lower-case letters, digits and hyphens (`faktura`), unique in the agency.
    public var key: String
    public var name: String
    public var description: String
    /// Who owns the service (a person or unit in the agency).
    public var owner: String
    /// The unit a customer pays per (`faktura`, `bruker`, `kursplass`).
    public var unit: String
    /// Customer organisation codes.
    public var customers: [String]
    public var serviceLevels: [ServiceLevel]
    /// Oldest first; the description as it now reads is the last version's.
    public var versions: [ServiceVersion]
    /// Whether the figures of the service are illustrative (the demo's), shown as «eksempel».
    public var isExample: Bool

    public init(organisationCode: String, key: String, name: String, description: String, owner: String, unit: String,
                customers: [String] = [], serviceLevels: [ServiceLevel] = [], versions: [ServiceVersion] = [], isExample: Bool = false) {
        self.organisationCode = organisationCode
        self.key = key
        self.name = name
        self.description = description
        self.owner = owner
        self.unit = unit
        self.customers = customers
        self.serviceLevels = serviceLevels
        self.versions = versions
        self.isExample = isExample
    }

    public var currentVersion: Int { versions.last?.number ?? 1 }
}

/// An agreement with one customer agency about one service for a period.
public struct ServiceAgreement: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var serviceKey: String
    public var customerCode: String
    public var fromDate: CalendarDate
    public var toDate: CalendarDate
    /// Units agreed for the period.
    public var volume: Quantity
    /// Price per unit.
    public var price: Money
    public var serviceLevels: [ServiceLevel]
    public var isExample: Bool

    public init(organisationCode: String, serviceKey: String, customerCode: String, fromDate: CalendarDate, toDate: CalendarDate,
                volume: Quantity, price: Money, serviceLevels: [ServiceLevel] = [], isExample: Bool = false) {
        self.organisationCode = organisationCode
        self.serviceKey = serviceKey
        self.customerCode = customerCode
        self.fromDate = fromDate
        self.toDate = toDate
        self.volume = volume
        self.price = price
        self.serviceLevels = serviceLevels
        self.isExample = isExample
    }

    /// The agreement's key: service, customer and first day.
    public var key: String { "\(serviceKey)/\(customerCode)/\(fromDate.iso)" }

    /// Whether the agreement covers any day of the year.
    public func covers(year: Int) -> Bool { fromDate.year <= year && toDate.year >= year }

    /// The amount to invoice: volume × price, to the øre.
    public var amount: Money {
        Money(ore: SelfCostRounding.divide(Int128(price.ore) * Int128(volume.milli), by: 1000))
    }
}

/// A result measured for a service level in a period (`2020-t1`, `2020-m03`, `2020`).
public struct ServiceLevelResult: Hashable, Sendable, Codable {
    public var serviceKey: String
    public var year: Int
    /// The period within the year, as the accounting report names it (`t1`, `m3`), or empty for the year.
    public var period: String
    public var levelName: String
    public var achieved: Quantity
    public var comment: String

    public init(serviceKey: String, year: Int, period: String, levelName: String, achieved: Quantity, comment: String = "") {
        self.serviceKey = serviceKey
        self.year = year
        self.period = period
        self.levelName = levelName
        self.achieved = achieved
        self.comment = comment
    }

    /// Short of the level: below it when higher is better, above it otherwise.
    public func isShortfall(against level: ServiceLevel) -> Bool {
        level.higherIsBetter ? achieved < level.target : achieved > level.target
    }
}

public enum ServiceCatalogueRules {
    /// A service as entered: a key of 2–40 lower-case letters, digits or hyphens not used by
    /// another service, a name, a unit, known customers, service levels with a name each.
    public static func validate(_ service: ServiceDescription, otherKeys: Set<String>, organisationCodes: Set<String>) throws {
        var errors = InputErrors()
        let allowed = Set("abcdefghijklmnopqrstuvwxyzæøå0123456789-")
        if !(2...40).contains(service.key.count) || !service.key.allSatisfy({ allowed.contains($0) }) {
            errors.add("key", "Nøkkelen må være 2–40 små bokstaver, sifre eller bindestreker (f.eks. «faktura»).")
        } else if service.key == ServiceMappingRule.notAService {
            errors.add("key", "«\(ServiceMappingRule.notAService)» er reservert for det som ikke er en tjeneste.")
        } else if otherKeys.contains(service.key) {
            errors.add("key", "Det finnes allerede en tjeneste med nøkkelen «\(service.key)».")
        }
        if service.name.selfCostTrimmed.isEmpty { errors.add("name", "Tjenesten må ha et navn.") }
        if service.unit.selfCostTrimmed.isEmpty { errors.add("unit", "Oppgi enheten tjenesten prises per (f.eks. «faktura», «bruker»).") }
        if let unknown = service.customers.first(where: { !organisationCodes.contains($0) }) {
            errors.add("customers", "Kunden «\(unknown)» er ikke en virksomhet i Styr.")
        }
        if service.serviceLevels.contains(where: { $0.name.selfCostTrimmed.isEmpty }) {
            errors.add("serviceLevels", "Hvert tjenestenivå må ha et navn.")
        }
        try errors.check()
    }

    /// An agreement as entered: a service of the catalogue, a known customer, a period in order,
    /// a volume above 0 and a price not below 0.
    public static func validate(_ agreement: ServiceAgreement, serviceKeys: Set<String>, organisationCodes: Set<String>) throws {
        var errors = InputErrors()
        if !serviceKeys.contains(agreement.serviceKey) { errors.add("serviceKey", "Velg en tjeneste fra tjenestekatalogen.") }
        if !organisationCodes.contains(agreement.customerCode) { errors.add("customerCode", "Kunden «\(agreement.customerCode)» er ikke en virksomhet i Styr.") }
        if agreement.toDate < agreement.fromDate { errors.add("toDate", "Avtalen kan ikke slutte før den begynner.") }
        if agreement.volume.milli <= 0 { errors.add("volume", "Avtalt volum må være større enn 0.") }
        if agreement.price.ore < 0 { errors.add("price", "Prisen kan ikke være negativ.") }
        try errors.check()
    }
}
