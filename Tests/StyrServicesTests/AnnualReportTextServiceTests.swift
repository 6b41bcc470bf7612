import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `AnnualReportTextService`: the agency writes the report's sections; the report shows them.
@Suite("Annual report text service")
struct AnnualReportTextServiceTests {
    @Test("the agency writes a section and a goal area's account; the report shows them", arguments: TestDatabase.backends)
    func write(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.annualReports.annualReport(of: "UKE", year: 2020, by: editor).report
            try await services.annualReportTexts.save(.leaderStatement, body: "Første avsnitt.\n\nAndre avsnitt.", of: "UKE", year: 2020, by: editor)
            let texts = try await services.annualReportTexts.texts(of: "UKE", year: 2020, by: editor)
            #expect(texts.canEdit && texts.sections.first { $0.section == .leaderStatement }?.body == "Første avsnitt.\n\nAndre avsnitt.")
            let area = try #require(texts.goalAreas.first)
            try await services.annualReportTexts.saveGoalAreaAccount(area.name, body: "Vi nådde målene.", of: "UKE", year: 2020, by: editor)
            let after = try await services.annualReports.annualReport(of: "UKE", year: 2020, by: editor).report
            #expect(after.leaderStatement == ["Første avsnitt.", "Andre avsnitt."])
            #expect(after.goalAreas.first?.paragraphs.first == "Vi nådde målene.")
            #expect(after.goalAreas.first?.indicatorNames == before.goalAreas.first?.indicatorNames)
            #expect(after.operating.rows.count == before.operating.rows.count)
            await #expect(throws: ServiceError.invalid(.single("goalArea", "Målområdet «Ukjent» finnes ikke i 2020."))) {
                try await services.annualReportTexts.saveGoalAreaAccount("Ukjent", body: "x", of: "UKE", year: 2020, by: editor)
            }
        }
    }

    @Test("a steerer of another department and an auditor may read but not write", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.annualReportTexts.save(.situation, body: "x", of: "UKE", year: 2020, by: users[email])
                }
            }
            let auditorTexts = try await services.annualReportTexts.texts(of: "UKE", year: 2020, by: users[ServiceTestApp.auditor])
            #expect(!auditorTexts.canEdit && auditorTexts.sections.count == AnnualReportTextSection.allCases.count)
        }
    }
}
