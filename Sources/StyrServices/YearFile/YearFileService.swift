import Foundation
import StyrDomain

/// The year file (`StyrDomain/YearFile`): export everything that is input for one agency and year,
/// and import such a file into any database, all or nothing. See `docs/year-file.md`.
public struct YearFileService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// What an import did.
    public struct ImportSummary: Sendable, Equatable {
        public var organisationCode: String
        public var year: Int
        /// Organisations created, top first (missing parents, then the agency if it was new).
        public var createdOrganisations: [String]
        /// Records written or updated; records already stored unchanged are skipped.
        public var written: Int
        public var skipped: Int
        /// Stored records of the year deleted because the file (imported with `replace`) does not hold them.
        public var deleted: Int = 0
    }

    // MARK: Export

    /// The year file of agency `code` for `year`. Access: read.
    public func export(code: String, year: Int, by user: UserAccount?) async throws -> YearFile {
        _ = try AccessCheck.year(year)
        return try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            let byCode = Dictionary(scope.organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            var parents: [Organisation] = []
            var next = scope.organisation.parentCode
            while let parentCode = next, let parent = byCode[parentCode], !parents.contains(where: { $0.code == parentCode }) {
                parents.insert(parent, at: 0)
                next = parent.parentCode
            }
            var file = YearFile(organisation: scope.organisation, parents: parents, year: year)
            file.chapters = try await store.chapters(of: code).sorted { $0.number < $1.number }
            for chapter in file.chapters {
                let amounts = try await store.budgetAmounts(chapter: chapter.number, years: (year - 1)...year)
                file.budgetAmounts += amounts.filter { $0.year == year }
                file.previousYearActuals += amounts.filter { $0.year == year - 1 && $0.measure == .actuals }
                file.budgetRevisions += try await store.revisions(chapter: chapter.number, year: year)
                file.investmentProjects += try await store.investmentProjects(chapter: chapter.number, year: year)
            }
            file.budgetAmounts.sort(by: Self.cellOrder)
            file.previousYearActuals.sort(by: Self.cellOrder)
            let endOfYear = CalendarDate(year: year + 1, month: 1, day: 1)
            file.staffing = try await store.staffing(of: code)
                .filter { $0.asOf.year == year || $0.asOf == endOfYear }.sorted { $0.asOf < $1.asOf }
            file.goalAreas = try await store.goalAreas(of: code, year: year)
            file.indicators = try await store.indicators(of: code).compactMap { entry in
                entry.value(in: year).map {
                    YearFileIndicator(indicator: entry.indicator, value: $0, history: entry.values.filter { $0.year < year })
                }
            }
            file.missionStatements = try await store.missionStatements(of: code).filter { $0.fixedOn.year <= year }
            file.narratives = try await store.narratives(of: code, year: year)
            file.dialogue = try await Self.dialogue(of: code, year: year, store)
            let special = YearFileSpecialReporting(
                report: try await store.specialReport(of: code, year: year),
                trackedItems: YearFileSpecialReporting.items(try await store.trackedItems(of: code), for: year).map { item in
                    var item = item
                    item.id = nil
                    return item
                })
            file.specialReporting = special.isEmpty ? nil : special
            return file
        }
    }

    private static func cellOrder(_ a: BudgetAmount, _ b: BudgetAmount) -> Bool {
        (a.chapter, a.kind.rawValue, a.measure.rawValue, a.group.first) < (b.chapter, b.kind.rawValue, b.measure.rawValue, b.group.first)
    }

    /// The year's dialogue, with the meetings numbered 1, 2, … in the file and the signals pointing
    /// at those numbers; signals and notices lose their database ids (nothing in the file names them).
    private static func dialogue(of code: String, year: Int, _ store: any GovernanceRepository) async throws -> YearFileDialogue {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo")!
        let allMeetings = try await store.meetings(of: code)
        let signals = try await store.signals(of: code).filter { $0.givenOn.year == year }
        var named = Set(signals.compactMap(\.meetingID))
        for signal in signals { if case .minutesItem(let id, _) = signal.confirmation { named.insert(id) } }
        let meetings = allMeetings.filter { $0.date.year == year || $0.id.map(named.contains) == true }
            .sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
        var numbers: [Int64: Int64] = [:]
        var dialogue = YearFileDialogue()
        for (index, meeting) in meetings.enumerated() {
            var meeting = meeting
            if let id = meeting.id { numbers[id] = Int64(index + 1) }
            meeting.id = Int64(index + 1)
            dialogue.meetings.append(meeting)
        }
        dialogue.signals = signals.map { signal in
            var signal = signal
            signal.id = nil
            signal.meetingID = signal.meetingID.flatMap { numbers[$0] }
            if case .minutesItem(let id, let item) = signal.confirmation, let number = numbers[id] {
                signal.confirmation = .minutesItem(meetingID: number, itemNumber: item)
            }
            return signal
        }
        dialogue.letters = try await store.letters(of: code).filter { $0.year == year }.sorted { $0.number < $1.number }
        dialogue.assignmentUpdates = try await store.assignmentUpdates(of: code).filter { $0.year == year }
        dialogue.notices = try await store.notices(of: code).filter { calendar.component(.year, from: $0.createdAt) == year }
            .map { notice in
                var notice = notice
                notice.id = nil
                return notice
            }
        return dialogue
    }
}
