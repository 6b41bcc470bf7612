import StyrDomain

/// Everything the annual report of an agency for a year is computed from, read through the
/// repositories. Nothing in it is derived; `AnnualReport` does the computing.
public struct AnnualReportData: Sendable {
    public var organisation: Organisation
    public var year: Int
    public var chapter: Chapter
    public var staffing: [StaffingFigure]
    public var goalAreas: [GoalArea]
    public var indicators: [IndicatorWithValues]
    public var amounts: [BudgetAmount]
    public var revisions: [BudgetRevision]
    public var projects: [InvestmentProject]
    public var narratives: [Narrative]
    /// Chapters 4–6, read by the service beside the rest (nil: nothing entered; the chapters say so).
    public var special: SpecialChaptersData?

    public init(
        organisation: Organisation, year: Int, chapter: Chapter, staffing: [StaffingFigure], goalAreas: [GoalArea],
        indicators: [IndicatorWithValues], amounts: [BudgetAmount], revisions: [BudgetRevision],
        projects: [InvestmentProject], narratives: [Narrative]
    ) {
        self.organisation = organisation
        self.year = year
        self.chapter = chapter
        self.staffing = staffing
        self.goalAreas = goalAreas
        self.indicators = indicators
        self.amounts = amounts
        self.revisions = revisions
        self.projects = projects
        self.narratives = narratives
    }

    /// Reads the data of `organisationCode`'s annual report for `year`.
    public static func load(
        from repository: some GovernanceRepository, organisationCode: String, year: Int
    ) async throws(ReportError) -> AnnualReportData {
        do {
            guard let organisation = try await repository.organisation(code: organisationCode) else {
                throw ReportError.unknownOrganisation(organisationCode)
            }
            guard let chapter = try await repository.chapters(of: organisation.code).first else {
                throw ReportError.noChapter(organisation.name)
            }
            let amounts = try await repository.budgetAmounts(chapter: chapter.number, years: (year - 1)...year)
            let indicators = try await repository.indicators(of: organisation.code)
            guard amounts.contains(where: { $0.year == year }) || indicators.contains(where: { $0.value(in: year) != nil }) else {
                throw ReportError.noData(organisation.name, year)
            }
            return AnnualReportData(
                organisation: organisation, year: year, chapter: chapter,
                staffing: try await repository.staffing(of: organisation.code),
                goalAreas: try await repository.goalAreas(of: organisation.code, year: year),
                indicators: indicators, amounts: amounts,
                revisions: try await repository.revisions(chapter: chapter.number, year: year),
                projects: try await repository.investmentProjects(chapter: chapter.number, year: year),
                narratives: try await repository.narratives(of: organisation.code, year: year)
            )
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.storage(String(describing: error))
        }
    }
}

public enum ReportError: Error, Equatable, CustomStringConvertible {
    case unknownOrganisation(String)
    case noChapter(String)
    case noData(String, Int)
    case storage(String)

    public var description: String {
        switch self {
        case .unknownOrganisation(let code): "Fant ingen organisasjon med kode «\(code)». Kjør «styr demo» for demodata, eller sjekk koden."
        case .noChapter(let name): "\(name) har ikke noe budsjettkapittel ennå."
        case .noData(let name, let year): "\(name) har verken budsjett, regnskap eller resultater for \(year)."
        case .storage(let reason): "Kunne ikke lese fra databasen: \(reason)"
        }
    }
}
