/// Rounds amounts to a unit (e.g. 1000 kr) so that the displayed parts add up to the displayed
/// total: the total is rounded half away from zero, each part is rounded down, and the units
/// still missing go to the parts with the largest remainders (largest-remainder method).
public enum TotalsPreservingRounding {
    /// A note to print under a table rounded this way.
    public static let methodNote =
        "Beløp i 1000 kr. Tallene er avrundet med største-rest-metoden, slik at radene summerer til summene."

    /// Rounds `parts` to multiples of `unit` (returned in units), preserving the rounded sum.
    /// With `total`, the parts are made to add up to that number of units instead.
    public static func round(_ parts: [Int64], unit: Int64, total: Int64? = nil) -> [Int64] {
        precondition(unit > 0)
        guard !parts.isEmpty else { return [] }
        let target = total ?? roundHalfAwayFromZero(parts.reduce(0, +), unit: unit)
        let floors = parts.map { floorDivide($0, unit) }
        let remainders = parts.enumerated().map { index, value in (index, value - floors[index] * unit) }
        var result = floors
        var missing = target - floors.reduce(0, +)
        // Largest remainders first; ties go to the earlier row, so the result is deterministic.
        let upOrder = remainders.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        let downOrder = remainders.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        var index = 0
        while missing > 0 {
            result[upOrder[index % upOrder.count]] += 1
            missing -= 1
            index += 1
        }
        index = 0
        while missing < 0 {
            result[downOrder[index % downOrder.count]] -= 1
            missing += 1
            index += 1
        }
        return result
    }

    public static func roundHalfAwayFromZero(_ value: Int64, unit: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: unit)
        if remainder * 2 >= unit { return quotient + 1 }
        if remainder * 2 <= -unit { return quotient - 1 }
        return quotient
    }

    static func floorDivide(_ value: Int64, _ unit: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: unit)
        return remainder < 0 ? quotient - 1 : quotient
    }
}

extension AccountsTable {
    /// The table in whole units of `unit` øre (100 000 for 1000 kr), rounded so that in every
    /// column the groups add up to their sum row and the two sums to the net row. The budget
    /// columns of a year without a budget are nil (`Row.columns`).
    public func rounded(toUnitOre unit: Int64) -> [[Int64?]] {
        var displayed = Array(repeating: Array(repeating: Int64?(0), count: 5), count: rows.count)
        let expenseIndices = rows.indices.filter { if case .group(let g) = rows[$0].kind { g.isExpense } else { false } }
        let revenueIndices = rows.indices.filter { if case .group(let g) = rows[$0].kind { !g.isExpense } else { false } }
        let expenseSumIndex = rows.firstIndex { $0.kind == .expenseSum }!
        let revenueSumIndex = rows.firstIndex { $0.kind == .revenueSum }!
        let netIndex = rows.firstIndex { $0.kind == .net }!
        let revenueSign: Int64 = kind == .investment ? -1 : 1
        for column in 0..<5 {
            guard rows.allSatisfy({ $0.columns[column] != nil }) else {
                for index in rows.indices { displayed[index][column] = nil }
                continue
            }
            let values = rows.map { $0.columns[column]?.ore ?? 0 }
            let netUnits = TotalsPreservingRounding.roundHalfAwayFromZero(values[netIndex], unit: unit)
            // Split the net into its two sums, then each sum into its groups.
            let sums = TotalsPreservingRounding.round(
                [values[expenseSumIndex], revenueSign * values[revenueSumIndex]], unit: unit, total: netUnits)
            displayed[netIndex][column] = netUnits
            displayed[expenseSumIndex][column] = sums[0]
            displayed[revenueSumIndex][column] = revenueSign * sums[1]
            let expenses = TotalsPreservingRounding.round(expenseIndices.map { values[$0] }, unit: unit, total: sums[0])
            let revenues = TotalsPreservingRounding.round(
                revenueIndices.map { values[$0] }, unit: unit, total: revenueSign * sums[1])
            for (position, index) in expenseIndices.enumerated() { displayed[index][column] = expenses[position] }
            for (position, index) in revenueIndices.enumerated() { displayed[index][column] = revenues[position] }
        }
        return displayed
    }
}
