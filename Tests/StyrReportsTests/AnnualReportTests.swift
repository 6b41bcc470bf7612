import Foundation
import StyrDemo
import StyrDomain
import StyrReports
import StyrStorage
import StyrTestSupport
import Testing

@Suite("Annual report")
struct AnnualReportTests {
    /// The report data straight from the demo data set, without a database.
    static var demoData: AnnualReportData {
        AnnualReportData(
            organisation: DemoData.organisations.first { $0.code == "UKE" }!, year: 2020, chapter: DemoData.chapter,
            staffing: DemoData.staffing, goalAreas: DemoData.goalAreas, indicators: DemoData.indicators,
            amounts: DemoData.budgetAmounts, revisions: DemoData.budgetRevisions, projects: DemoData.investmentProjects,
            narratives: DemoData.narratives)
    }

    @Test("the Markdown report carries the seed's figures, computed from data")
    func figures() {
        let markdown = MarkdownRenderer.render(AnnualReport(Self.demoData))
        for figure in ["1 158 413 263", "420 062 859", "-132 182 013", "7 858 141", "34 095 000", "-3,3", "1,9 %", "81,7 %",
                       "826 004 165", "-738 350 404", "343,16", "354,17", "11,01", "| Ansatte | 365 | 371 | 6 |",
                       "Budsjettet er økt fra 393 826 000 kr i Dok. 3/2020 til 427 921 000 kr i regulert budsjett, til sammen 34 095 000 kr",
                       "I byrådssak 168/20 ble budsjettet økt med 2 138 000 kr", "I byrådssak 208/20 ble budsjettet økt med 32 737 000 kr",
                       "I byrådssak 90/20 ble budsjettet redusert med 780 000 kr", "mindreforbruk) på 7 858 141 kr",
                       "37 659 000", "7 119 000", "9 822 633", "(1) Ny resultatindikator 2020"] {
            #expect(markdown.contains(figure), "missing \(figure)")
        }
        // The seed's typos are not copied: computed values replace them.
        #expect(!markdown.contains("-690 533 345"))
        #expect(markdown.contains("-690 533 346"))
        #expect(!markdown.contains("8 399 000"))
    }

    @Test("indicator rows: status, comments and baselines")
    func indicators() throws {
        let report = AnnualReport(Self.demoData)
        #expect(report.indicators.headings == ["Resultatindikator", "Resultat 2016", "Resultat 2019", "Måltall 2020", "Resultat 2020", "Avvik 2020", "Status"])
        let payslips = try #require(report.indicators.rows.first { $0.name == "Andel elektroniske lønnsslipper" })
        #expect(payslips.deviation == "-3,3**")
        #expect(payslips.status == "Gul")
        let itEnvironments = try #require(report.indicators.rows.first { $0.name.hasPrefix("Antall virksomheter") })
        #expect(itEnvironments.status == "Rød: kommentar til avvik mangler")
        let satisfaction = try #require(report.indicators.rows.first)
        #expect(satisfaction.result == "ikke målt*")
        #expect(report.indicators.comments.count == 4, "the shared HMSREG comment is printed once")
        let ehf = try #require(report.indicators.rows.first { $0.name.contains("EHF") })
        #expect(ehf.baselines == ["79,1 %", "91,2 %"])
    }

    @Test("in 1000 kr the rounded rows add up to the rounded sums, and the method is noted")
    func thousands() {
        let report = AnnualReport(Self.demoData, unit: .thousands)
        #expect(report.operating.notes.contains(TotalsPreservingRounding.methodNote))
        let net = report.operating.rows.last!
        #expect(net.cells[0] == "420 063")
        let values = report.operating.rows.map { row in row.cells.map { Int64($0.replacingOccurrences(of: " ", with: "")) ?? 0 } }
        for column in 0..<5 {
            #expect(values[0..<5].map { $0[column] }.reduce(0, +) == values[5][column])
            #expect(values[6..<10].map { $0[column] }.reduce(0, +) == values[10][column])
            #expect(values[5][column] + values[10][column] == values[11][column])
        }
    }

    @Test("the report read from each database equals the one built from the demo data", arguments: TestDatabase.backends)
    func fromDatabase(backend: TestDatabase) async throws {
        let markdown = try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let data = try await database.withConnection { db in
                try await AnnualReportData.load(from: SQLGovernanceStore(db), organisationCode: "UKE", year: 2020)
            }
            return MarkdownRenderer.render(AnnualReport(data))
        }
        #expect(markdown == MarkdownRenderer.render(AnnualReport(Self.demoData)))
    }

    @Test("an unknown organisation is a Norwegian error")
    func unknownOrganisation() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database in
            await #expect(throws: ReportError.unknownOrganisation("NOPE")) {
                try await database.withConnection { db in
                    try await AnnualReportData.load(from: SQLGovernanceStore(db), organisationCode: "NOPE", year: 2020)
                }
            }
        }
    }

    @Test("HTML escapes text from the data")
    func escaping() {
        var data = Self.demoData
        data.narratives[0].body = "<script>alert('x')</script> & «hei»"
        let html = HTMLRenderer().annualReportDocument(AnnualReport(data))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test("snapshots of the rendered report", arguments: ["md", "html"])
    func snapshot(format: String) throws {
        let report = AnnualReport(Self.demoData)
        let rendered = format == "md" ? MarkdownRenderer.render(report) : HTMLRenderer().annualReportDocument(report)
        try Snapshot.assert(rendered, named: "annual-report-uke-2020.\(format)")
    }
}

/// A view model with optional text and table cells.
private struct NoteAndCells {
    var note: String?
    var cells: [String]
}

@Suite("HTML rendering")
struct HTMLRenderingTests {
    @Test("absent text (nil) is not a true section; an empty string stays as a table cell")
    func emptyStrings() throws {
        let renderer = try HTMLRenderer(pageTemplates: ["t": "{{#note}}<p>{{note}}</p>{{/note}}|{{#cells}}[{{.}}]{{/cells}}"])
        #expect(renderer.render(NoteAndCells(note: nil, cells: ["a", "", "b"]), template: "t") == "|[a][][b]")
        #expect(renderer.render(NoteAndCells(note: "hei", cells: []), template: "t") == "<p>hei</p>|")
    }
}
