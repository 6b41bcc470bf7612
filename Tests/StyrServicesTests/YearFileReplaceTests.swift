import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `importFile(…, replace: true)`: the year holds exactly the file's records afterwards (what the
/// file no longer holds is deleted, in the same unit of work); without `replace` a year already
/// held is refused and nothing changes.
@Suite("Year file: replace")
struct YearFileReplaceTests {
    /// UKE 2020 with one record fewer of each kind the year holds.
    static func smaller(_ file: YearFile) -> YearFile {
        var smaller = file
        smaller.budgetAmounts.removeLast()
        smaller.budgetRevisions.removeLast()
        smaller.investmentProjects.removeFirst()
        smaller.staffing.removeFirst()
        smaller.goalAreas.removeLast()
        smaller.indicators.removeLast()
        smaller.narratives.removeLast()
        smaller.dialogue.letters.removeLast()
        smaller.dialogue.assignmentUpdates.removeLast()
        smaller.dialogue.signals = []
        smaller.dialogue.meetings.removeFirst()
        smaller.dialogue.notices.removeLast()
        return smaller
    }

    @Test("with replace, the year's records the file does not hold are deleted; the rest stays", arguments: TestDatabase.backends)
    func replaceDeletes(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let cli = try await services.organisations.commandLineUser()
            let before = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            let smaller = Self.smaller(before)
            let summary = try await services.yearFiles.importFile(smaller, as: nil, replace: true, by: cli)
            #expect(summary.deleted == 12)

            let after = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            #expect(after.budgetAmounts == smaller.budgetAmounts)
            #expect(after.budgetRevisions == smaller.budgetRevisions)
            #expect(after.investmentProjects == smaller.investmentProjects)
            #expect(after.staffing == smaller.staffing)
            #expect(after.goalAreas == smaller.goalAreas)
            #expect(after.indicators == smaller.indicators)
            #expect(after.narratives == smaller.narratives)
            #expect(after.dialogue.letters == smaller.dialogue.letters)
            #expect(after.dialogue.assignmentUpdates == smaller.dialogue.assignmentUpdates)
            #expect(after.dialogue.signals.isEmpty)
            #expect(after.dialogue.meetings.map(\.title) == smaller.dialogue.meetings.map(\.title))
            #expect(after.dialogue.notices.map(\.title) == smaller.dialogue.notices.map(\.title))
            // Kept: the year before, the chapter, the other year's dialogue.
            #expect(after.previousYearActuals == before.previousYearActuals && after.chapters == before.chapters)
            let year2021 = try await services.yearFiles.export(code: "UKE", year: 2021, by: cli)
            #expect(year2021.dialogue.letters.count == 1 && year2021.dialogue.meetings.count == 2 && year2021.dialogue.notices.count == 1)

            // The same file again replaces nothing more.
            let again = try await services.yearFiles.importFile(smaller, as: nil, replace: true, by: cli)
            #expect(again.deleted == 0)
            // And the whole file brings the records back.
            let restored = try await services.yearFiles.importFile(before, as: nil, replace: true, by: cli)
            #expect(restored.deleted == 0)
            let full = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            #expect(full.budgetAmounts == before.budgetAmounts && full.narratives == before.narratives
                    && full.indicators == before.indicators && full.dialogue.letters == before.dialogue.letters)
        }
    }

    @Test("without replace, a year already held is refused in Norwegian and nothing changes", arguments: TestDatabase.backends)
    func refusedWithoutReplace(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let cli = try await services.organisations.commandLineUser()
            let before = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            do {
                _ = try await services.yearFiles.importFile(Self.smaller(before), as: nil, replace: false, by: cli)
                Issue.record("expected a refusal")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["year"]?.contains("har allerede data for 2020") == true)
            }
            #expect(try await services.yearFiles.export(code: "UKE", year: 2020, by: cli) == before)
        }
    }

    @Test("replace is the administrator's: a steerer and an auditor are refused", arguments: TestDatabase.backends)
    func replaceAccess(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let cli = try await services.organisations.commandLineUser()
            let before = try await services.yearFiles.export(code: "UKE", year: 2020, by: cli)
            for email in [ServiceTestApp.finSteerer, ServiceTestApp.auditor] {
                await #expect(throws: ServiceError.self) {
                    _ = try await services.yearFiles.importFile(Self.smaller(before), as: nil, replace: true, by: users[email])
                }
            }
            #expect(try await services.yearFiles.export(code: "UKE", year: 2020, by: cli) == before)
        }
    }
}
