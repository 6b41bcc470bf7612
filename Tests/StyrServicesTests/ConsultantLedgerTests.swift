import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// Tabell 4.8.1 from the ledger: lines imported on KOSTRA art 271 (and 270, the consultant art
/// before the split) make the consultant figure, in place of the rows the agency entered.
@Suite("Consultant use from the ledger")
struct ConsultantLedgerTests {
    /// The standard ERP profile: kontoklasse 1 (drift), then the three-digit art and one digit more.
    static func file(art: Int, amounts: [String]) -> String {
        "art;ansvar;tjeneste_nr;periode;beloep\n" + amounts.enumerated().map { "1\(art)0;A101;12000;\($0.offset + 1);\($0.element)\n" }.joined()
    }

    @Test("art 271 lines of 2021 and art 270 lines of 2020 are the figure; the entered rows are not used", arguments: TestDatabase.backends)
    func fromLedger(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            // Before: no lines on the arts, so 2020 shows what the agency entered (18,40 and 11,80 mill. kr).
            var chapters = try await services.specialReports.chapters(of: "UKE", year: 2020, by: editor)
            #expect(chapters.data.consultants.source == .entered && chapters.data.consultants.rows == chapters.report.consultants)
            #expect(!chapters.report.consultants.isEmpty)

            let run2021 = try await services.ledgerImport.importFile(
                .init(year: 2021, sourceName: "hovedbok-2021.csv", invalidCodes: .warning), into: "UKE",
                chunks: LedgerServiceTests.chunks(Self.file(art: 271, amounts: ["1000000,00", "250000,50"])), by: editor)
            #expect(run2021.outcome.record != nil)
            // 2020 had the demo's lines; this file takes their place, with art 270 (consultants before 271/272).
            let run2020 = try await services.ledgerImport.importFile(
                .init(year: 2020, sourceName: "hovedbok-2020.csv", replace: true, invalidCodes: .warning), into: "UKE",
                chunks: LedgerServiceTests.chunks(Self.file(art: 270, amounts: ["400000,00", "100000,00", "-20000,00"])), by: editor)
            #expect(run2020.outcome.record != nil)

            chapters = try await services.specialReports.chapters(of: "UKE", year: 2021, by: editor)
            #expect(chapters.data.consultants.source == .ledger)
            #expect(chapters.data.consultants.rows == [ConsultantRow(
                category: ConsultantUse.ledgerCategory, previousYear: Money(ore: 48_000_000), year: Money(ore: 125_000_050))])
            chapters = try await services.specialReports.chapters(of: "UKE", year: 2020, by: editor)
            #expect(chapters.data.consultants.source == .ledger)
            #expect(chapters.data.consultants.rows.map(\.year) == [Money(ore: 48_000_000)])
            #expect(!chapters.report.consultants.isEmpty, "the entered rows are kept, only not used")
        }
    }
}
