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
    public let chapters: ChapterService
    public let originalBudget: OriginalBudgetService
    public let revisions: RevisionService
    public let investmentProjects: InvestmentProjectService
    public let staffing: StaffingService
    public let history: HistoryService
    public let annualReports: AnnualReportService
    public let indicators: IndicatorService
    public let yearOverview: YearOverviewService
    public let accounts: AccountService
    /// Single sign-on (OpenID Connect); unconfigured unless the composition root sets a provider.
    public var oidcSignIn: OIDCSignInService
    /// Group claim → role mappings made in the app; the composition root hands it the provider's settings.
    public var oidcGroupMappings: OIDCGroupMappingService
    /// ID-porten: users pre-registered by national identity number (hashed at the edge).
    public let nationalIDLinks: NationalIDLinkService
    public let ledgerImport: LedgerImportService
    public let kostraCodeLists: KostraCodeListService
    public let tableChecks: TableCheckService
    public let ledger: LedgerQueryService
    public let accountingReport: AccountingReportService
    public let budgetSetup: BudgetSetupService
    public let yearFiles: YearFileService
    public let setup: SetupService
    public let organisationAdministration: OrganisationAdministrationService
    public let userAdministration: UserAdministrationService
    public let ownAccount: OwnAccountService
    public let budgetYears: BudgetYearService
    public let goals: GoalService
    public let missions: MissionService
    public let authorities: AuthorityService
    public let annualReportTexts: AnnualReportTextService
    public let serviceCatalogue: ServiceCatalogueService
    public let selfCost: SelfCostService
    public let reportWorkflows: ReportWorkflowService
    public let tertialReports: TertialReportService
    public let risks: RiskService
    public let riskPictures: RiskPictureService
    public let internalControl: InternalControlService
    public let specialReports: SpecialReportService
    public let trackedItems: TrackedItemService
    public let reportDocuments: ReportDocumentService
    public let publicReports: PublicReportService
    public let recordVersions: RecordVersionService

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
        chapters = ChapterService(storage: storage)
        originalBudget = OriginalBudgetService(storage: storage)
        revisions = RevisionService(storage: storage)
        investmentProjects = InvestmentProjectService(storage: storage)
        staffing = StaffingService(storage: storage)
        history = HistoryService(storage: storage)
        annualReports = AnnualReportService(storage: storage)
        indicators = IndicatorService(storage: storage)
        yearOverview = YearOverviewService(storage: storage)
        accounts = AccountService(storage: storage)
        oidcSignIn = OIDCSignInService(storage: storage)
        oidcGroupMappings = OIDCGroupMappingService(storage: storage)
        nationalIDLinks = NationalIDLinkService(storage: storage)
        ledgerImport = LedgerImportService(storage: storage)
        kostraCodeLists = KostraCodeListService(storage: storage)
        tableChecks = TableCheckService(storage: storage)
        ledger = LedgerQueryService(storage: storage)
        accountingReport = AccountingReportService(storage: storage, defaultThreshold: forecastThreshold)
        budgetSetup = BudgetSetupService(storage: storage, defaultThreshold: forecastThreshold)
        yearFiles = YearFileService(storage: storage)
        setup = SetupService(storage: storage)
        organisationAdministration = OrganisationAdministrationService(storage: storage)
        userAdministration = UserAdministrationService(storage: storage)
        ownAccount = OwnAccountService(storage: storage)
        budgetYears = BudgetYearService(storage: storage)
        goals = GoalService(storage: storage)
        missions = MissionService(storage: storage)
        authorities = AuthorityService(storage: storage)
        annualReportTexts = AnnualReportTextService(storage: storage)
        serviceCatalogue = ServiceCatalogueService(storage: storage)
        selfCost = SelfCostService(storage: storage)
        reportWorkflows = ReportWorkflowService(storage: storage, defaultThreshold: forecastThreshold)
        tertialReports = TertialReportService(storage: storage, defaultThreshold: forecastThreshold)
        risks = RiskService(storage: storage)
        riskPictures = RiskPictureService(storage: storage)
        internalControl = InternalControlService(storage: storage)
        specialReports = SpecialReportService(storage: storage)
        trackedItems = TrackedItemService(storage: storage)
        reportDocuments = ReportDocumentService(annualReports: annualReports, tertialReports: tertialReports)
        publicReports = PublicReportService(storage: storage)
        recordVersions = RecordVersionService(storage: storage)
    }
}
