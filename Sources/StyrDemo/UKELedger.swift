import StyrDomain
import StyrStorage

/// Monthly ledger lines for UKE 2019 and 2020, so the accounts pages and the accounting report
/// have something to show. The seeds give only each artsgruppe's annual actuals: those are split
/// over the months by an illustrative profile, and the twelve months add up to the printed
/// annual figure exactly (the annual report and the ledger agree).
extension DemoData {
    /// One valid KOSTRA art per artsgruppe to book the demo lines on.
    static let representativeArt: [Int: Int] = [0: 10, 100: 120, 300: 300, 400: 400, 500: 500, 600: 620, 700: 700, 800: 810, 900: 900]

    /// Illustrative monthly weights: holiday pay in June, little in July, more in the autumn.
    static let monthWeights: [Int64] = [8, 8, 8, 8, 8, 10, 4, 8, 9, 9, 9, 11]

    public static func ledgerLines(year: Int) -> [LedgerLine] {
        budgetAmounts.filter { $0.year == year && $0.measure == .actuals }.flatMap { amount -> [LedgerLine] in
            let art = representativeArt[amount.group.first] ?? amount.group.first
            let total = amount.amount.ore
            let weightSum = monthWeights.reduce(0, +)
            var months = monthWeights.map { total * $0 / weightSum }
            months[11] += total - months.reduce(0, +)
            return months.enumerated().map { index, ore in
                LedgerLine(responsibility: "UKE", chapter: chapterNumber, kind: amount.kind, art: art, function: 120, year: year,
                           month: index + 1, amount: Money(ore: ore))
            }
        }
    }

    /// Stores the demo ledger lines (one import per year), each year all or nothing.
    public static func loadLedger(into database: Database) async throws {
        for year in [2019, 2020] {
            let lines = ledgerLines(year: year)
            _ = try await database.importLedger(LedgerImportTarget(
                organisationCode: agencyCode, year: year, measure: .actuals, sourceName: "demodata-uke-\(year)", format: "demodata",
                actor: "system:demo")) { writer in
                try await writer.append(lines)
                return LedgerImportCount(lines: Int64(lines.count), controlSum: lines.map(\.amount).sum())
            }
        }
    }
}
