import Foundation
import StyrDomain
import StyrReports
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `YearFileService`: the demo's UKE 2020 exported, imported under another code into an empty
/// database (its parents created from the file) gives the same annual report and the same file;
/// refusals name the JSON path and change nothing.
@Suite("Year file service")
struct YearFileServiceTests {
    /// The whole report, chapters 4–6 (their tables and tracked items) included.
    static func markdown(_ services: Services, _ code: String, by user: UserAccount) async throws -> String {
        MarkdownRenderer.render(try await services.annualReports.annualReport(of: code, year: 2020, by: user).report)
    }

    static func invalid(_ body: () async throws -> Void) async -> InputErrors? {
        do {
            try await body()
        } catch ServiceError.invalid(let errors) {
            return errors
        } catch {
            Issue.record("expected ServiceError.invalid, got \(error)")
            return nil
        }
        Issue.record("expected a refusal")
        return nil
    }

    @Test("UKE 2020 exported and imported as UKX into an empty database: same report, same file", arguments: TestDatabase.backends)
    func roundTrip(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { demo, _ in
            let cli = try await demo.organisations.commandLineUser()
            let file = try await demo.yearFiles.export(code: "UKE", year: 2020, by: cli)
            #expect(file.schemaVersion == 1 && file.parents.map(\.code) == ["OSLO", "FIN"] && file.chapters.map(\.number) == [125])
            #expect(file.budgetAmounts.allSatisfy { $0.year == 2020 } && file.previousYearActuals.allSatisfy { $0.year == 2019 })
            #expect(file.budgetRevisions.count == 4 && file.investmentProjects.count == 4 && file.staffing.count == 2)
            #expect(file.dialogue.meetings.map(\.id) == [1, 2] && file.dialogue.signals.first?.meetingID == 1)
            #expect(file.dialogue.letters.allSatisfy { $0.year == 2020 } && file.dialogue.notices.count == 3)
            let special = try #require(file.specialReporting)
            #expect(special.report?.hse.workingTimeBreaches == 764 && special.report?.genderPay.isEmpty == false)
            #expect(special.trackedItems.count == 2 && special.trackedItems.allSatisfy { $0.id == nil })
            // Stable: the same data gives the same bytes.
            #expect(try file.encoded() == (try await demo.yearFiles.export(code: "UKE", year: 2020, by: cli)).encoded())
            let original = try await Self.markdown(demo, "UKE", by: cli)

            try await backend.withFreshDatabase { database in
                let services = Services(storage: SQLStorage(database, bcryptCost: 4))
                let empty = try await services.organisations.commandLineUser()
                #expect(empty.assignments.isEmpty)
                let decoded = try YearFile.decode(try file.encoded())
                #expect(decoded == file)
                let summary = try await services.yearFiles.importFile(decoded, as: "UKX", replace: false, by: empty)
                #expect(summary.createdOrganisations == ["OSLO", "FIN", "UKX"] && summary.organisationCode == "UKX" && summary.skipped == 0)

                let cli = try await services.organisations.commandLineUser()
                let imported = try await Self.markdown(services, "UKX", by: cli)
                #expect(imported.replacingOccurrences(of: "UKX", with: "UKE") == original)
                for figure in ["1 158 413 263", "420 062 859", "-132 182 013", "34 095 000", "1,9 %", "93,4 %", "764", "Miljøfyrtårn"] {
                    #expect(imported.contains(figure), "missing \(figure)")
                }
                let again = try await services.yearFiles.export(code: "UKX", year: 2020, by: cli)
                #expect(try again.encoded() == (YearFileRules.renamed(file, to: "UKX")).encoded())

                // Imported again without replace: refused, nothing changed; with replace: nothing new.
                let errors = await Self.invalid { _ = try await services.yearFiles.importFile(file, as: "UKX", replace: false, by: cli) }
                #expect(errors?["year"]?.contains("«UKX» har allerede data for 2020") == true)
                let replaced = try await services.yearFiles.importFile(file, as: "UKX", replace: true, by: cli)
                #expect(replaced.createdOrganisations.isEmpty && replaced.skipped > 0)
                #expect(try (try await services.yearFiles.export(code: "UKX", year: 2020, by: cli)).encoded() == again.encoded())
            }
        }
    }

    @Test("refusals name the JSON path and change nothing", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let cli = try await services.organisations.commandLineUser()
            let file = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            let before = try await services.storage.read { try await $0.governance.organisations() }
            let auditBefore = try await services.storage.read { try await $0.audit.entries(entityType: nil, entityKey: nil, limit: nil).count }

            var unknown = file
            unknown.schemaVersion = 2
            var errors = await Self.invalid { _ = try await services.yearFiles.importFile(unknown, as: "UKY", replace: false, by: cli) }
            #expect(errors?["schemaVersion"]?.contains("Ukjent skjemaversjon 2") == true)

            var outOfRange = YearFileRules.renamed(file, to: "UKY")
            outOfRange.chapters = []
            outOfRange.budgetAmounts = []
            outOfRange.previousYearActuals = []
            outOfRange.budgetRevisions = []
            outOfRange.investmentProjects = []
            outOfRange.indicators = []
            outOfRange.narratives = []
            outOfRange.specialReporting = nil
            outOfRange.year = 2300
            errors = await Self.invalid { _ = try await services.yearFiles.importFile(outOfRange, as: nil, replace: false, by: cli) }
            #expect(errors?.entries.map(\.field) == ["year"])

            errors = await Self.invalid { _ = try await services.yearFiles.importFile(file, as: nil, replace: false, by: cli) }
            #expect(errors?.entries.map(\.field) == ["year"])
            #expect(errors?["year"]?.contains("«UKE» har allerede data for 2020") == true)

            var orphan = file
            orphan.parents = []
            orphan.organisation.parentCode = "NOPE"
            errors = await Self.invalid { _ = try await services.yearFiles.importFile(orphan, as: "UKY", replace: false, by: cli) }
            #expect(errors?["organisation.parentCode"]?.contains("«NOPE» finnes ikke") == true)

            errors = await Self.invalid { _ = try await services.yearFiles.importFile(file, as: "UKY", replace: false, by: cli) }
            #expect(errors?.entries.map(\.field) == ["chapters[0].number"])
            #expect(errors?["chapters[0].number"]?.contains("hører allerede til «UKE»") == true)

            var foreign = file
            foreign.budgetAmounts[0].chapter = 999
            errors = await Self.invalid { _ = try await services.yearFiles.importFile(foreign, as: nil, replace: true, by: cli) }
            #expect(errors?["budgetAmounts[0].chapter"] != nil)

            await #expect(throws: ServiceError.unauthenticated) { _ = try await services.yearFiles.importFile(file, as: nil, replace: true, by: nil) }
            for email in [ServiceTestApp.auditor, ServiceTestApp.finSteerer, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    _ = try await services.yearFiles.importFile(file, as: nil, replace: true, by: users[email])
                }
            }
            // Reading is for everyone in scope; another department reads nothing of UKE.
            _ = try await services.yearFiles.export(code: "UKE", year: 2020, by: users[ServiceTestApp.auditor])
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await services.yearFiles.export(code: "UKE", year: 2020, by: users[ServiceTestApp.blkSteerer])
            }

            #expect(try await services.storage.read { try await $0.governance.organisations() } == before)
            #expect(try await services.storage.read { try await $0.audit.entries(entityType: nil, entityKey: nil, limit: nil).count } == auditBefore)
        }
    }
}
