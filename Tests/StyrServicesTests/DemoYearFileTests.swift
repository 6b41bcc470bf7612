import Foundation
import StyrDemo
import StyrDomain
import StyrReports
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// The demo is built from UKE's year files shipped with StyrDemo, through the year file import:
/// the demo exports exactly those files again, and the years before (2019 actuals, the indicators'
/// history) come with them.
@Suite("Demo from year files")
struct DemoYearFileTests {
    @Test("the demo, exported year by year, gives the shipped year files byte for byte", arguments: TestDatabase.backends)
    func exportsTheShippedFiles(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let cli = try await services.organisations.commandLineUser()
            #expect(DemoData.yearFiles.map(\.year) == [2020, 2021])
            for shipped in DemoData.yearFiles {
                var exported = try await services.yearFiles.export(code: "UKE", year: shipped.year, by: cli)
                // Chapters 4-6 come into the demo through their own service (UKESpecialReport), not
                // the shipped files; the export carries them for 2020, the year the seed gives.
                #expect((exported.specialReporting != nil) == (shipped.year == 2020), "UKE \(shipped.year): chapters 4-6")
                exported.specialReporting = nil
                #expect(exported == shipped, "UKE \(shipped.year)")
                #expect(String(decoding: try exported.encoded(), as: UTF8.self) == String(decoding: try shipped.encoded(), as: UTF8.self))
            }
        }
    }

    @Test("the years before come with the files: 2019 actuals and indicator history, in the annual report", arguments: TestDatabase.backends)
    func earlierYears(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let cli = try await services.organisations.commandLineUser()
            let file = try await services.yearFiles.export(code: "UKE", year: 2019, by: cli)
            #expect(file.budgetAmounts.count == DemoData.yearFiles[0].previousYearActuals.count)
            #expect(file.budgetAmounts.allSatisfy { $0.measure == .actuals && $0.year == 2019 })
            let indicators = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli).indicators
            #expect(indicators.first { $0.indicator.key == "ehf-leverandorfakturaer" }?.history.map(\.year) == [2016, 2019])
            let report = MarkdownRenderer.render(try await services.annualReports.annualReport(of: "UKE", year: 2020, by: cli).report)
            // Regnskap 2019 beside 2020: 2019's net operating result and EHF share 2019.
            for figure in ["317 261 065", "91,2"] { #expect(report.contains(figure), "missing \(figure)") }
        }
    }

    @Test("the shipped files are pretty-printed with sorted keys, byte for byte as the export writes them")
    func shippedBytes() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/StyrDemo/Resources")
        for year in [2020, 2021] {
            let data = try Data(contentsOf: resources.appendingPathComponent("UKE-\(year).styr-year.json"))
            #expect(data == (try YearFile.decode(data).encoded()), "UKE-\(year).styr-year.json")
        }
    }
}
