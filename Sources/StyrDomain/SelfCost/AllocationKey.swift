/// What an allocation key measures: how a shared cost is divided between services.
public enum AllocationBasis: String, Hashable, Sendable, Codable, CaseIterable {
    case fte, floorArea, volume, directCostShare

    public var norwegianName: String {
        switch self {
        case .fte: "Årsverk"
        case .floorArea: "Areal"
        case .volume: "Volum"
        case .directCostShare: "Andel av direkte kostnader"
        }
    }
}

/// One service's (or «ikke en tjeneste»'s) share of an indirect cost, in basis points (25 % = 2 500).
public struct AllocationShare: Hashable, Sendable, Codable {
    public var serviceKey: String
    public var share: BasisPoints

    public init(serviceKey: String, share: BasisPoints) {
        self.serviceKey = serviceKey
        self.share = share
    }
}

/// B: an indirect cost of the agency (management, premises, shared IT, …) and the key by which
/// it is attributed to the services. The shares must add up to 100 %; the part that belongs to
/// no service (frame-financed core tasks) has the key `ServiceMappingRule.notAService`.
public struct IndirectCostPool: Hashable, Sendable, Codable {
    public var name: String
    public var amount: Money
    public var basis: AllocationBasis
    public var shares: [AllocationShare]

    public init(name: String, amount: Money, basis: AllocationBasis, shares: [AllocationShare]) {
        self.name = name
        self.amount = amount
        self.basis = basis
        self.shares = shares
    }

    public var totalShare: BasisPoints { BasisPoints(shares.map(\.share.value).reduce(0, +)) }

    /// The pool's part for the service: amount × share, to the øre (half away from zero).
    public func allocated(to serviceKey: String) -> Money {
        shares.filter { $0.serviceKey == serviceKey }.map { SelfCostRounding.share(of: amount, basisPoints: $0.share.value) }.sum()
    }
}

public enum AllocationRules {
    /// A pool as entered: a name, an amount that is not negative, known services once each, no
    /// negative share, and shares adding up to exactly 100 %.
    public static func validate(_ pool: IndirectCostPool, serviceKeys: Set<String>, otherNames: Set<String> = []) throws {
        var errors = InputErrors()
        let name = pool.name.selfCostTrimmed
        if name.isEmpty { errors.add("name", "Kostnaden må ha et navn.") }
        else if otherNames.contains(name) { errors.add("name", "Det finnes allerede en indirekte kostnad «\(name)» dette året.") }
        if pool.amount.ore < 0 { errors.add("amount", "Beløpet kan ikke være negativt.") }
        let keys = pool.shares.map(\.serviceKey)
        if let unknown = keys.first(where: { !serviceKeys.contains($0) && $0 != ServiceMappingRule.notAService }) {
            errors.add("shares", "Fordelingsnøkkelen nevner «\(unknown)», som ikke er en tjeneste i katalogen.")
        } else if Set(keys).count != keys.count {
            errors.add("shares", "En tjeneste kan bare stå én gang i fordelingsnøkkelen.")
        } else if pool.shares.contains(where: { $0.share.value < 0 }) {
            errors.add("shares", "En andel kan ikke være negativ.")
        } else if pool.totalShare.value != 10_000 {
            errors.add("shares", "Fordelingsnøkkelen for «\(name)» summerer til \(pool.totalShare.percentText), ikke 100 %.")
        }
        try errors.check()
    }
}
