/// The part of a self-cost fund (selvkostfond) that arose in one year: a surplus (positive, owed
/// back to the customers) or a deficit carried forward (negative, to be recovered).
public struct FundLayer: Hashable, Sendable, Codable {
    public var originYear: Int
    public var amount: Money

    public init(originYear: Int, amount: Money) {
        self.originYear = originYear
        self.amount = amount
    }
}

/// A service's self-cost fund at a point in time, oldest layer first. A surplus must be used
/// within five years (the year it arose is the first); a later result first settles the oldest
/// layer of the opposite sign, and what is left becomes a layer of its own year.
public struct SelfCostFund: Hashable, Sendable, Codable {
    public var layers: [FundLayer]

    public init(layers: [FundLayer] = []) { self.layers = layers.filter { !$0.amount.isZero }.sorted { $0.originYear < $1.originYear } }

    public var balance: Money { layers.map(\.amount).sum() }

    /// The fund after `movement` (the year's result plus interest) of `year`.
    public func applying(_ movement: Money, in year: Int) -> SelfCostFund {
        var layers = self.layers
        var rest = movement
        var index = 0
        while !rest.isZero, index < layers.count {
            let layer = layers[index]
            if (layer.amount.ore > 0) != (rest.ore > 0) {
                // Opposite signs: the movement settles this (oldest) layer first.
                if layer.amount.ore.magnitude <= rest.ore.magnitude {
                    rest = rest + layer.amount
                    layers[index].amount = .zero
                } else {
                    layers[index].amount = layer.amount + rest
                    rest = .zero
                }
            }
            index += 1
        }
        if !rest.isZero {
            if let same = layers.firstIndex(where: { $0.originYear == year }) { layers[same].amount = layers[same].amount + rest }
            else { layers.append(FundLayer(originYear: year, amount: rest)) }
        }
        return SelfCostFund(layers: layers)
    }

    /// The surplus layers at the end of `year` that are in their fourth year or later.
    public func ageFlags(at year: Int) -> [FundFlag] {
        layers.filter { $0.amount.ore > 0 }.compactMap { layer in
            let age = year - layer.originYear + 1
            switch age {
            case 4: return FundFlag(originYear: layer.originYear, amount: layer.amount, kind: .fourthYear)
            case 5: return FundFlag(originYear: layer.originYear, amount: layer.amount, kind: .fifthYear)
            case 6...: return FundFlag(originYear: layer.originYear, amount: layer.amount, kind: .overdue)
            default: return nil
            }
        }
    }
}

/// A surplus that must soon be, or should have been, returned to the customers.
public struct FundFlag: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case fourthYear, fifthYear, overdue
    }

    public var originYear: Int
    public var amount: Money
    public var kind: Kind

    public init(originYear: Int, amount: Money, kind: Kind) {
        self.originYear = originYear
        self.amount = amount
        self.kind = kind
    }

    public var message: String {
        let amount = NorwegianFormat.kroner(amount)
        switch kind {
        case .fourthYear: return "Overskudd fra \(originYear) (\(amount) kr) er i sitt fjerde år; det må tilbakeføres innen fem år."
        case .fifthYear: return "Overskudd fra \(originYear) (\(amount) kr) er i sitt femte år og må tilbakeføres i år."
        case .overdue: return "Overskudd fra \(originYear) (\(amount) kr) er eldre enn fem år og skulle vært tilbakeført."
        }
    }
}

/// What happened to the fund in one year: interest on the average of the opening balance and the
/// balance after the result (same rate as the calculated interest), then the closing balance.
public struct FundYear: Hashable, Sendable, Codable {
    public var year: Int
    public var opening: Money
    public var result: Money
    public var interest: Money
    public var closing: Money
    public var fund: SelfCostFund
    public var flags: [FundFlag]

    public static func compute(from opening: SelfCostFund, result: Money, rate: BasisPoints, year: Int) -> FundYear {
        let before = opening.balance
        let average = Money(ore: SelfCostRounding.divide(Int128(before.ore) * 2 + Int128(result.ore), by: 2))
        let interest = SelfCostRounding.share(of: average, basisPoints: rate.value)
        let fund = opening.applying(result + interest, in: year)
        return FundYear(year: year, opening: before, result: result, interest: interest, closing: fund.balance, fund: fund,
                        flags: fund.ageFlags(at: year))
    }
}
