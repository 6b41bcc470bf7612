import StyrDomain
import Testing

/// `LedgerImportClash.replaced`: which earlier imports a new one replaces, or why it is refused.
@Suite("Ledger import clash")
struct LedgerImportClashTests {
    static func record(_ id: Int64, period: Int, measure: LedgerMeasure = .actuals, scope: AccountKind? = nil, year: Int = 2025) -> LedgerImportRecord {
        LedgerImportRecord(
            id: id, organisationCode: "UKE", year: year, period: period, measure: measure, sourceName: "f.csv", format: "ERP", lines: 1,
            controlSum: Money(ore: 0), importedAt: "", importedBy: "", scope: scope, totals: [])
    }

    static func new(period: Int, measure: LedgerMeasure = .actuals, scope: AccountKind? = nil, replace: Bool = false)
        -> (organisationCode: String, year: Int, period: Int, measure: LedgerMeasure, scope: AccountKind?, replace: Bool) {
        ("UKE", 2025, period, measure, scope, replace)
    }

    @Test("no overlap: nothing replaced, nothing refused")
    func noOverlap() throws {
        let earlier = [Self.record(1, period: 3), Self.record(2, period: 0, measure: .budget), Self.record(3, period: 0, year: 2024),
                       Self.record(4, period: 0, scope: .investment)]
        #expect(try LedgerImportClash.replaced(by: Self.new(period: 4), among: earlier.filter { $0.id != 4 }).isEmpty)
        // A drift-only import stands beside an investering-only one.
        #expect(try LedgerImportClash.replaced(by: Self.new(period: 0, scope: .operating), among: [earlier[3]]).isEmpty)
    }

    @Test("an overlap is refused without replace, and replaced with it")
    func overlap() throws {
        let march = Self.record(1, period: 3), year = Self.record(2, period: 0)
        #expect(throws: LedgerImportClash.alreadyImported(measure: .actuals, organisationCode: "UKE", year: 2025, period: 3)) {
            try LedgerImportClash.replaced(by: Self.new(period: 3), among: [march])
        }
        #expect(throws: LedgerImportClash.alreadyImported(measure: .actuals, organisationCode: "UKE", year: 2025, period: 0)) {
            try LedgerImportClash.replaced(by: Self.new(period: 0), among: [march])
        }
        #expect(try LedgerImportClash.replaced(by: Self.new(period: 3, replace: true), among: [march]).map(\.id) == [1])
        #expect(try LedgerImportClash.replaced(by: Self.new(period: 0, replace: true), among: [march, Self.record(3, period: 4)]).map(\.id) == [1, 3])
        // A month never replaces the whole year.
        #expect(throws: LedgerImportClash.wholeYearImported(year: 2025)) {
            try LedgerImportClash.replaced(by: Self.new(period: 3, replace: true), among: [year])
        }
        #expect(!LedgerImportClash.wholeYearImported(year: 2025).isReplaceable)
        #expect(!LedgerImportClash.alreadyImported(measure: .actuals, organisationCode: "UKE", year: 2025, period: 3).description.contains("--replace"))
    }
}
