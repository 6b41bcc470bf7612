/// A fixed asset of a service in the asset register: what it cost, the year it was taken into
/// use, and how many years it is written down over.
///
/// Calculated depreciation is straight line and starts the year after activation (the asset is
/// taken into use some time during its first year); the residual value at the end of a year is
/// cost minus the depreciation up to and including that year. Each year's depreciation is the
/// difference of two rounded cumulative amounts, `round(cost × n / life)`, so the years add up to
/// the cost exactly.
public struct FixedAsset: Hashable, Sendable, Codable {
    /// The asset's number in the register (unique per agency).
    public var number: String
    public var serviceKey: String
    public var name: String
    public var cost: Money
    public var activationYear: Int
    /// Useful life in whole years, at least 1.
    public var usefulLife: Int

    public init(number: String, serviceKey: String, name: String, cost: Money, activationYear: Int, usefulLife: Int) {
        self.number = number
        self.serviceKey = serviceKey
        self.name = name
        self.cost = cost
        self.activationYear = activationYear
        self.usefulLife = usefulLife
    }

    /// Depreciation written off up to and including the year.
    public func accumulatedDepreciation(through year: Int) -> Money {
        guard usefulLife > 0 else { return .zero }
        let years = min(max(year - activationYear, 0), usefulLife)
        return Money(ore: SelfCostRounding.divide(Int128(cost.ore) * Int128(years), by: Int128(usefulLife)))
    }

    /// D for the year: straight line, from the year after activation.
    public func depreciation(in year: Int) -> Money {
        guard year >= activationYear else { return .zero }
        return accumulatedDepreciation(through: year) - accumulatedDepreciation(through: year - 1)
    }

    /// The residual value at the start of the year (the cost in the activation year); zero before it.
    public func openingValue(in year: Int) -> Money {
        year < activationYear ? .zero : cost - accumulatedDepreciation(through: year - 1)
    }

    /// The residual value at the end of the year; zero before activation.
    public func closingValue(in year: Int) -> Money {
        year < activationYear ? .zero : cost - accumulatedDepreciation(through: year)
    }
}

public enum FixedAssetRules {
    /// An asset as entered for the register of `year`: a number and a name, a positive cost, a
    /// useful life of at least one year, and activated no later than the year.
    public static func validate(_ asset: FixedAsset, year: Int, serviceKeys: Set<String>, otherNumbers: Set<String>) throws {
        var errors = InputErrors()
        let number = asset.number.selfCostTrimmed
        if number.isEmpty { errors.add("number", "Anleggsmiddelet må ha et nummer.") }
        else if otherNumbers.contains(number) { errors.add("number", "Nummeret «\(number)» er allerede brukt i anleggsregisteret.") }
        if !serviceKeys.contains(asset.serviceKey) { errors.add("serviceKey", "Velg en tjeneste fra tjenestekatalogen.") }
        if asset.name.selfCostTrimmed.isEmpty { errors.add("name", "Anleggsmiddelet må ha et navn.") }
        if asset.cost.ore <= 0 { errors.add("cost", "Anskaffelseskost må være større enn 0.") }
        if asset.usefulLife <= 0 {
            errors.add("usefulLife", "Levetiden må være minst 1 år (var \(asset.usefulLife)); et anleggsmiddel uten levetid kan ikke avskrives.")
        } else if asset.usefulLife > 100 {
            errors.add("usefulLife", "Levetiden kan være høyst 100 år.")
        }
        if asset.activationYear > year {
            errors.add("activationYear", "Aktiveringsåret \(asset.activationYear) er etter \(year); et anleggsmiddel tatt i bruk senere hører ikke til årets selvkost.")
        } else if asset.activationYear < 1900 {
            errors.add("activationYear", "Aktiveringsåret må være 1900 eller senere.")
        }
        try errors.check()
    }
}
