import Foundation
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// Optimistic locking of every record two people edit in a form (`RecordVersions`): two saves
/// from the same version at once → one is saved, the other is a `WriteConflict` with the new
/// version (never a database error); a save from the stale version afterwards conflicts too.
@Suite("Versioned edits")
struct VersionedEditTests {
    /// Runs `save` twice at once from `loaded`, then once more from `loaded` (stale); checks the
    /// outcomes and that the record's version moved by exactly one.
    static func race(
        _ label: String, loaded: Int, current: @Sendable () async throws -> Int, _ save: @Sendable @escaping (Int) async throws -> Void
    ) async throws {
        async let first = ConcurrentEditTests.outcome { try await save(loaded) }
        async let second = ConcurrentEditTests.outcome { try await save(loaded) }
        let outcomes = [try await first, try await second]
        #expect(outcomes.filter { $0 == nil }.count == 1, "\(label): one is saved")
        #expect(outcomes.compactMap { $0 }.first?.currentVersion == loaded + 1, "\(label): the other conflicts with the new version")
        #expect(outcomes.compactMap { $0 }.first?.message.contains("Noen andre har lagret") == true, "\(label)")
        await #expect(throws: WriteConflict.stale(current: loaded + 1), "\(label): a stale form") { try await save(loaded) }
        #expect(try await current() == loaded + 1, "\(label)")
        // The current version is saved.
        try await save(loaded + 1)
        #expect(try await current() == loaded + 2, "\(label)")
    }

    @Test("goals and indicators: two saves from one version, one conflicts", arguments: TestDatabase.backends)
    func goalsAndIndicators(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let editor = try #require(users[ServiceTestApp.editor])
            let versions = services.recordVersions

            // The year's goals are one record: goals are addressed by place.
            let area = "Testområde"
            try await services.goals.addGoalArea(named: area, in: "UKE", year: 2021, by: fin)
            try await services.goals.addGoal("Stabile tjenester", to: area, in: "UKE", year: 2021, by: fin)
            let chain = try await services.goals.chain(in: "UKE", year: 2021, by: fin)
            #expect(chain.version == 2)
            try await Self.race("goals", loaded: chain.version, current: { try await services.goals.chain(in: "UKE", year: 2021, by: fin).version }) { version in
                try await services.goals.editGoal(at: 0, of: area, to: "Stabile tjenester \(version)", in: "UKE", year: 2021, version: version, by: fin)
            }
            // Any other change of the year's goals raises it too (a form of before is stale).
            let before = try await services.goals.chain(in: "UKE", year: 2021, by: fin).version
            try await services.goals.addGoal("Nytt mål", to: area, in: "UKE", year: 2021, by: fin)
            #expect(try await services.goals.chain(in: "UKE", year: 2021, by: fin).version == before + 1)

            let key = IndicatorServiceTests.key
            let definition = RecordVersions.indicatorDefinition("UKE", key: key)
            let name = try #require(try await services.indicators.list(in: "UKE", year: 2020, by: fin).entries.first { $0.indicator.key == key }).indicator.name
            try await Self.race(
                "indicator definition", loaded: try await versions.version(of: definition, in: "UKE", by: fin),
                current: { try await versions.version(of: definition, in: "UKE", by: fin) }
            ) { version in
                _ = try await services.indicators.define(
                    IndicatorServiceTests.definition(name, target: "9\(version)"), .existing(key: key), in: "UKE", year: 2020, version: version, by: fin)
            }

            let result = RecordVersions.indicatorResult("UKE", key: key, year: 2020)
            try await Self.race("indicator result", loaded: 0, current: { try await versions.version(of: result, in: "UKE", by: editor) }) { version in
                _ = try await services.indicators.enterResult(
                    IndicatorServiceTests.result("80,5", comment: "Ny portal \(version)."), for: key, in: "UKE", year: 2020, version: version, by: editor)
            }
            let period = try #require(ReportPeriod(code: "t2"))
            let periodResult = RecordVersions.indicatorResult("UKE", key: key, year: 2020, period: period)
            try await Self.race("period result", loaded: 0, current: { try await versions.version(of: periodResult, in: "UKE", by: editor) }) { version in
                _ = try await services.indicators.enterResult(
                    IndicatorServiceTests.result("80,5", comment: "Ny portal \(version)."), for: key, in: "UKE", year: 2020, period: period,
                    version: version, by: editor)
            }
            // Another organisation's record is not read through UKE.
            await #expect(throws: ServiceError.self) {
                _ = try await versions.version(of: RecordVersions.indicatorDefinition("BYM", key: key), in: "UKE", by: fin)
            }
        }
    }

    @Test("budget lines: Dok. 3, a revision and an investment project", arguments: TestDatabase.backends)
    func budgetLines(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let versions = services.recordVersions
            let grid = RecordVersions.originalBudget("UKE", year: 2020)
            try await Self.race("Dok. 3", loaded: 0, current: { try await versions.version(of: grid, in: "UKE", by: fin) }) { version in
                let cell = OriginalBudgetCell(chapter: 125, kind: .operating, group: BudgetDataServiceTests.salaries, amount: .typed("\(version + 1) 000"))
                try await services.originalBudget.save([cell], in: "UKE", year: 2020, version: version, by: fin)
            }

            let revision = try #require(try await services.revisions.list(of: "UKE", year: 2020, by: fin).revisions.first)
            let revisionKey = RecordVersions.budgetRevision("UKE", id: revision.id)
            try await Self.race("revision", loaded: 0, current: { try await versions.version(of: revisionKey, in: "UKE", by: fin) }) { version in
                var draft = RevisionDraft(revision.revision)
                draft.reason = "Endret \(version)."
                draft.decidedOn = draft.decidedOn ?? CalendarDate("2020-06-01")
                _ = try await services.revisions.update(revision.id, with: draft, in: "UKE", year: 2020, version: version, by: fin)
            }
            await #expect(throws: WriteConflict.stale(current: 2)) {
                try await services.revisions.delete(revision.id, in: "UKE", year: 2020, version: 0, by: fin)
            }

            let project = InvestmentProjectDraft(chapter: 125, number: "P9", name: "Nytt", groups: ObjectGroup(first: 0, last: 599),
                                                 originalBudget: .typed("100"), revisedBudget: .typed("100"))
            _ = try await services.investmentProjects.create(project, in: "UKE", year: 2020, by: fin)
            let projectKey = RecordVersions.investmentProject("UKE", year: 2020, number: "P9")
            try await Self.race("investment project", loaded: 0, current: { try await versions.version(of: projectKey, in: "UKE", by: fin) }) { version in
                var changed = project
                changed.name = "Omdøpt \(version)"
                _ = try await services.investmentProjects.update("P9", with: changed, in: "UKE", year: 2020, version: version, by: fin)
            }
        }
    }

    @Test("mission statement draft, meeting and allocation letter draft", arguments: TestDatabase.backends)
    func missionMeetingLetter(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let editor = try #require(users[ServiceTestApp.editor])
            let versions = services.recordVersions

            let draft = try await services.missions.startDraft(trigger: .changedRules, triggerText: "Nytt IKT-reglement", in: "UKE", by: editor)
            let missionKey = RecordVersions.missionDraft("UKE")
            let started = try await versions.version(of: missionKey, in: "UKE", by: editor)
            #expect(started == 1, "starting a draft raises its version")
            try await Self.race("mission draft", loaded: started, current: { try await versions.version(of: missionKey, in: "UKE", by: editor) }) { version in
                var bodies = draft.content.sections.map(\.body)
                bodies[0] = "Ny tekst \(version)."
                let edit = MissionDraftEdit(
                    title: draft.content.title, trigger: .changedMandate, triggerText: "", sectionBodies: bodies,
                    coreTaskDescriptions: draft.content.coreTasks.map(\.description), targetGroups: ["Innbyggere"])
                _ = try await services.missions.editDraft(edit, in: "UKE", version: version, by: editor)
            }

            let meeting = try await services.meetings.create(MeetingServiceTests.draft, in: "UKE", by: fin)
            let id = try #require(meeting.id)
            let meetingKey = RecordVersions.meeting("UKE", id: id)
            try await Self.race("meeting", loaded: 0, current: { try await versions.version(of: meetingKey, in: "UKE", by: fin) }) { version in
                var changed = MeetingServiceTests.draft
                changed.minutes = "Endret referat \(version)."
                _ = try await services.meetings.edit(id, to: changed, in: "UKE", version: version, by: fin)
            }

            _ = try await services.letters.createDraft(in: "UKE", year: 2022, fromPrevious: true, by: fin)
            let letterKey = RecordVersions.letterDraft("UKE", year: 2022)
            try await Self.race("letter draft", loaded: 0, current: { try await versions.version(of: letterKey, in: "UKE", by: fin) }) { version in
                _ = try await services.letters.saveDraft(
                    in: "UKE", year: 2022, title: "Tildelingsbrev 2022", introduction: "Innledning \(version).", lists: [:], version: version, by: fin)
            }
            // The auditor reads versions but saves nothing.
            let auditor = users[ServiceTestApp.auditor]
            #expect(try await versions.version(of: letterKey, in: "UKE", by: auditor) == 2)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await services.letters.saveDraft(in: "UKE", year: 2022, title: "X", introduction: "", lists: [:], version: 2, by: auditor)
            }
        }
    }
}
