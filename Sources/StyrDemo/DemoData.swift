import StyrDomain

/// The demo data set: Oslo kommune, Byrådsavdeling for finans, Byrådslederens kontor and
/// Utviklings- og kompetanseetaten (UKE), with UKE's annual report 2020 (seed 001) and mission
/// statement (seed 000). Only input numbers are here, exactly as printed in the seeds; every
/// sum, net result, revised budget and deviation is computed by Styr.
public enum DemoData {
    public static let year = 2020
    public static let agencyCode = "UKE"
    public static let chapterNumber = 125

    public static let organisations: [Organisation] = [
        Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil),
        Organisation(code: "FIN", name: "Byrådsavdeling for finans", kind: .department, parentCode: "OSLO"),
        Organisation(code: "BLK", name: "Byrådslederens kontor", kind: .department, parentCode: "OSLO"),
        Organisation(code: "UKE", name: "Utviklings- og kompetanseetaten", kind: .agency, parentCode: "FIN"),
    ]

    /// Tabell 1. Bemanning.
    public static let staffing: [StaffingFigure] = [
        StaffingFigure(
            asOf: CalendarDate(year: 2020, month: 1, day: 1), headcount: 365, fullTimeEquivalents: Quantity(milli: 343_160),
            comment: "Grunnet feilrapportering i årsberetning 2019 er tallene for 1.1.2020 korrigert i denne tabellen."),
        StaffingFigure(asOf: CalendarDate(year: 2021, month: 1, day: 1), headcount: 371, fullTimeEquivalents: Quantity(milli: 354_170)),
    ]

    public static let chapter = Chapter(number: 125, name: "Utviklings- og kompetanseetaten", organisationCode: "UKE")

    /// Loads the whole data set through the repositories. Call it inside one transaction.
    public static func load(into repository: some GovernanceRepository) async throws {
        for organisation in organisations { try await repository.save(organisation) }
        for figure in staffing { try await repository.add(figure, to: agencyCode) }
        try await repository.save(ukeMissionStatement)
        for (position, area) in goalAreas.enumerated() {
            try await repository.save(area, of: agencyCode, year: year, position: position)
        }
        for (position, entry) in indicators.enumerated() {
            try await repository.save(entry.indicator, of: agencyCode, position: position)
            for value in entry.values { try await repository.save(value, ofIndicator: entry.indicator.key, of: agencyCode) }
        }
        try await repository.save(chapter)
        try await repository.save(budgetAmounts)
        for revision in budgetRevisions { try await repository.save(revision) }
        for project in investmentProjects { try await repository.save(project) }
        for (position, narrative) in narratives.enumerated() { try await repository.save(narrative, position: position) }
        try await loadDialogue(into: repository)
    }
}
