import Foundation
import StyrDomain
import StyrServices

/// The demo data set: Oslo kommune, Byrådsavdeling for finans, Byrådslederens kontor and
/// Utviklings- og kompetanseetaten (UKE), with UKE's annual report 2020 (seed 001) and mission
/// statement (seed 000).
///
/// UKE's records of 2020 and 2021 are the year files shipped in `Resources/`
/// (`UKE-2020.styr-year.json`, `UKE-2021.styr-year.json`, written by `styr export year`), loaded
/// through the same import as any agency's year file (`YearFileService.importFile`), so the demo
/// proves that path. Only input numbers are in them, exactly as printed in the seeds; every sum,
/// net result, revised budget and deviation is computed by Styr. What a year file does not carry
/// stays in Swift: the department outside UKE's line (BLK), the mission statement (fixed in 2024,
/// after both years), the users (`DemoUsers`) and the monthly ledger lines (`UKELedger.swift`).
public enum DemoData {
    public static let year = 2020
    public static let agencyCode = "UKE"
    public static let chapterNumber = 125

    /// UKE's year files, oldest first (2020: budget, accounts, indicators, texts and dialogue; 2021:
    /// the dialogue of the year).
    public static let yearFiles: [YearFile] = [2020, 2021].map(shippedYearFile)

    static var file2020: YearFile { yearFiles[0] }

    /// A year file of `Resources/`. They ship with the module (and a test reads them), so a
    /// missing or unreadable one is a broken build.
    static func shippedYearFile(_ year: Int) -> YearFile {
        let name = "UKE-\(year).styr-year"
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            fatalError("The demo's year file \(name).json is not among StyrDemo's resources.")
        }
        do {
            return try YearFile.decode(Data(contentsOf: url))
        } catch {
            fatalError("The demo's year file \(name).json cannot be read: \(error)")
        }
    }

    /// Byrådslederens kontor: the second department (FIN's steerer may not steer it). It is not
    /// above UKE, so no year file of UKE names it.
    static let secondDepartment = Organisation(code: "BLK", name: "Byrådslederens kontor", kind: .department, parentCode: "OSLO")

    /// The organisations in the order they are stored: the parents named by the year files
    /// (Oslo kommune, FIN), BLK, then UKE (created by the import of its first year file).
    public static let organisations: [Organisation] = file2020.parents + [secondDepartment, file2020.organisation]

    /// Whom the demo is imported as: an administrator of Oslo kommune (the import's access check);
    /// the audit names the unit of work's actor, `system:demo`.
    static let importer = UserAccount(
        email: "system:demo", name: "Demodata", assignments: [RoleAssignment(role: .admin, organisationCode: "OSLO")])

    /// Loads the whole data set through the repositories. Call it inside one transaction.
    public static func load(into repository: some GovernanceRepository) async throws {
        for organisation in organisations where organisation.code != agencyCode { try await repository.save(organisation) }
        for file in yearFiles {
            _ = try await YearFileService.importFile(file, as: nil, replace: false, by: importer, within: repository)
        }
        try await repository.save(ukeMissionStatement)
    }

    // MARK: UKE 2020 as the year file holds it (for the ledger lines and for tests)

    public static var chapter: Chapter { file2020.chapters[0] }
    /// Tabell 1. Bemanning.
    public static var staffing: [StaffingFigure] { file2020.staffing }
    public static var goalAreas: [GoalArea] { file2020.goalAreas }
    /// The result-indicator table of chapter 2.2, in printed order, with the earlier years' results.
    public static var indicators: [IndicatorWithValues] {
        file2020.indicators.map { IndicatorWithValues(indicator: $0.indicator, values: $0.history + [$0.value]) }
    }
    /// Dok. 3 and regnskap 2020, and regnskap 2019.
    public static var budgetAmounts: [BudgetAmount] { file2020.budgetAmounts + file2020.previousYearActuals }
    public static var budgetRevisions: [BudgetRevision] { file2020.budgetRevisions }
    public static var investmentProjects: [InvestmentProject] { file2020.investmentProjects }
    public static var narratives: [Narrative] { file2020.narratives }
    public static var letter2020: AllocationLetter { file2020.dialogue.letters[0] }
    public static var supplement2020: AllocationLetter { file2020.dialogue.letters[1] }
    public static var assignmentUpdates2020: [AssignmentStatusUpdate] { file2020.dialogue.assignmentUpdates }
}
