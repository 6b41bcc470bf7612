import ArgumentParser
import StyrDomain
import StyrStorage

/// The selection of lines shared by `styr ledger totals` and `styr ledger lines`.
struct LedgerFilterOptions: ParsableArguments {
    @Option(help: "Organisasjonskoden (f.eks. UKE).")
    var org: String

    @Option(help: "Regnskapsåret.")
    var year: Int

    @Option(help: "actuals (regnskap), budget (budsjett) eller revised-budget (regulert budsjett).")
    var measure: String = "actuals"

    @Option(name: .customLong("where"), help: "Utvalg DIMENSJON=VERDI, f.eks. art=010, group=100-299, function=120, responsibility=A101, month=3 (kan gjentas).")
    var conditions: [String] = []

    func filter() throws -> LedgerFilter {
        guard BudgetYears.contains(year) else { throw CLIError(BudgetYears.outOfRangeMessage(year)) }
        guard let measure = LedgerMeasure(rawValue: measure) else { throw CLIError("--measure må være actuals, budget eller revised-budget, ikke «\(self.measure)».") }
        var equals: [LedgerDimension: String] = [:]
        for condition in conditions {
            let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let dimension = LedgerDimension(rawValue: parts[0]) else {
                throw CLIError("«\(condition)» er ikke et utvalg; bruk DIMENSJON=VERDI med en av \(LedgerDimension.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            equals[dimension] = parts[1]
        }
        return LedgerFilter(year: year, measure: measure, equals: equals)
    }
}
