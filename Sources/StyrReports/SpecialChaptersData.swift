import StyrDomain

/// What chapters 4–6 of the annual report are computed from, read by the service beside
/// `AnnualReportData`: chapters 4–5 as entered, consultant use (from the ledger or entered), the
/// tracked items of chapter 6, and Tabell 1's headcount at the end of the year.
public struct SpecialChaptersData: Sendable {
    public var report: SpecialReport
    public var consultants: ConsultantUse
    public var trackedItems: [TrackedItem]
    public var staffingAtYearEnd: Int?

    public init(report: SpecialReport, consultants: ConsultantUse, trackedItems: [TrackedItem], staffingAtYearEnd: Int?) {
        self.report = report
        self.consultants = consultants
        self.trackedItems = trackedItems
        self.staffingAtYearEnd = staffingAtYearEnd
    }

    public var findings: [SpecialReportFinding] {
        SpecialReportFigures.findings(report, staffingAtYearEnd: staffingAtYearEnd)
    }
}

/// The narrative keys of the written sections of chapters 4–5 (written on the texts page).
public enum SpecialChapterTexts {
    public static let serviceImprovement = "service-innbyggere"
    public static let caseProcessing = "saksbehandlingstid"
    public static let disabilityPlan = "handlingsplan-funksjonsnedsettelse"
    public static let universalDesign = "universell-utforming"
    public static let publicHealth = "folkehelse"
    public static let equalityMeasures = "likestillingstiltak"
    public static let hrComment = "hr-kommentar"
    public static let sickLeaveComment = "sykefravaer-kommentar"
    public static let consultantsComment = "konsulentbruk"
    public static let environmentWork = "miljoarbeid"
    public static let climateBudget = "klimabudsjett"
}
