import StyrDomain

/// Every use case of Styr, built once over one `Storage` in the composition root
/// (`buildApplication`) or the command line's context, and handed to the pages, the API and the
/// commands, which only translate.
public struct Services: Sendable {
    public let storage: any Storage
    public let signals: SignalService
    public let letters: LetterService
    public let meetings: MeetingService
    public let notices: NoticeService
    public let dialogue: DialogueOverviewService
    public let organisations: OrganisationService
    public let budget: BudgetService
    public let history: HistoryService
    public let annualReports: AnnualReportService
    public let indicators: IndicatorService
    public let yearOverview: YearOverviewService
    public let accounts: AccountService
    public let ledgerImport: LedgerImportService
    public let ledger: LedgerQueryService
    public let accountingReport: AccountingReportService
    public let budgetSetup: BudgetSetupService
    public let yearFiles: YearFileService

    /// `notificationLimit`: how soon after detection a serious incident must reach the department.
    /// `forecastThreshold`: the server's deviation of a forecast that needs an explanation.
    public init(storage: any Storage, notificationLimit: NotificationLimit = .standard, forecastThreshold: ForecastThreshold = .standard) {
        self.storage = storage
        signals = SignalService(storage: storage)
        letters = LetterService(storage: storage)
        meetings = MeetingService(storage: storage)
        notices = NoticeService(storage: storage, limit: notificationLimit)
        dialogue = DialogueOverviewService(storage: storage, limit: notificationLimit)
        organisations = OrganisationService(storage: storage)
        budget = BudgetService(storage: storage)
        history = HistoryService(storage: storage)
        annualReports = AnnualReportService(storage: storage)
        indicators = IndicatorService(storage: storage)
        yearOverview = YearOverviewService(storage: storage)
        accounts = AccountService(storage: storage)
        ledgerImport = LedgerImportService(storage: storage)
        ledger = LedgerQueryService(storage: storage)
        accountingReport = AccountingReportService(storage: storage, defaultThreshold: forecastThreshold)
        budgetSetup = BudgetSetupService(storage: storage, defaultThreshold: forecastThreshold)
        yearFiles = YearFileService(storage: storage)
    }
}
