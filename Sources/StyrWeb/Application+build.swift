import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import StyrAPI
import StyrReports
import StyrDomain
import StyrOIDC
import StyrServices
import StyrStorage

/// What `styr serve` needs to start the web application.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `Secure` cookies; off only for plain HTTP on loopback during development.
    public var secureCookies: Bool
    /// bcrypt cost for passwords (12; tests lower it).
    public var bcryptCost: UInt8
    /// How soon after detection a serious incident must be notified (one hour unless configured).
    public var notificationLimit: NotificationLimit
    /// The deviation of a forecast from the revised budget that needs an explanation.
    public var forecastThreshold: ForecastThreshold

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool? = nil, bcryptCost: UInt8 = 12,
                notificationLimit: NotificationLimit = .standard, forecastThreshold: ForecastThreshold = .standard) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies ?? !["127.0.0.1", "localhost", "::1"].contains(host)
        self.bcryptCost = bcryptCost
        self.notificationLimit = notificationLimit
        self.forecastThreshold = forecastThreshold
    }
}

/// The composition root of the web application: everything is built here and passed in.
public func buildApplication(
    _ configuration: WebConfiguration, database: Database, logger: Logger = Logger(label: "styr.web")
) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration, database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Styr"),
        services: [IdleMemoryRelease(activity: { database.statistics.units })],
        onServerRunning: { _ in FreedMemory.release() },
        logger: logger
    )
}

/// The routes, separate from the application so tests can drive them without a socket.
/// With `logger`, the access log and every error are logged through it (else the application's).
public func buildRouter(
    _ configuration: WebConfiguration = WebConfiguration(), database: Database, logger: Logger? = nil
) throws -> Router<StyrRequestContext> {
    let storage = SQLStorage(database, bcryptCost: configuration.bcryptCost)
    var services = Services(storage: storage, notificationLimit: configuration.notificationLimit, forecastThreshold: configuration.forecastThreshold)
    // Single sign-on through an OpenID Connect provider when `STYR_OIDC_ISSUER` is set (StyrOIDC/OIDCEnvironment).
    let singleSignOn = try OIDCEnvironment.read()
    services.oidcSignIn = OIDCSignInService(storage: storage, provider: singleSignOn.provider, localPasswordsAllowed: singleSignOn.localPasswordsAllowed)
    services.oidcGroupMappings = OIDCGroupMappingService(storage: storage, settings: singleSignOn.provider?.settings)
    let router = Router(context: StyrRequestContext.self)
    let pages = Pages(renderer: try HTMLRenderer(pageTemplates: PageTemplates.all()))
    // The request path's caches and metrics (Middleware/, issue 14): everything kept is tied to
    // the data version, which every write raises.
    // `STYR_REQUEST_CACHE=off` leaves them out (for comparison in Benchmarks/pages.sh).
    let caches = RequestCaches(dataVersion: { try await storage.dataVersion() })
    let keeping = ProcessInfo.processInfo.environment["STYR_REQUEST_CACHE"] != "off"
    let metrics = StyrMetrics(database: { database.statistics })
    router.add(middleware: AccessLogMiddleware(logger: logger))
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: CompressionMiddleware(caches: caches))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: NoStoreMiddleware())
    router.add(middleware: ErrorPageMiddleware(pages: pages))
    router.add(middleware: SessionMiddleware(accounts: services.accounts, caches: keeping ? caches : nil))
    if keeping { router.add(middleware: ResponseCacheMiddleware(caches: caches)) }
    router.add(middleware: YearMenuMiddleware(years: services.budgetYears, cookies: CookiePolicy(secure: configuration.secureCookies)))
    router.add(middleware: ServiceErrorMiddleware(pages: pages))
    router.add(middleware: APIMiddleware(accounts: services.accounts, caches: keeping ? caches : nil))
    let access = Authorizer(pages: pages)
    let cookies = CookiePolicy(secure: configuration.secureCookies)
    let login = LoginController(accounts: services.accounts, pages: pages, cookies: cookies, signIn: services.oidcSignIn)
    login.addRoutes(to: router)
    OIDCController(signIn: services.oidcSignIn, login: login, cookies: cookies).addRoutes(to: router)
    SetupController(setup: services.setup, accounts: services.accounts, pages: pages, cookies: cookies).addRoutes(to: router)
    InvitationController(users: services.userAdministration, accounts: services.accounts, pages: pages, cookies: cookies).addRoutes(to: router)
    AccountController(own: services.ownAccount, pages: pages, access: access).addRoutes(to: router)
    AdminOrganisationController(organisations: services.organisationAdministration, users: services.userAdministration, pages: pages, access: access)
        .addRoutes(to: router)
    AdminUserController(users: services.userAdministration, nationalIDLinks: services.nationalIDLinks, pages: pages, access: access)
        .addRoutes(to: router)
    AdminGroupMappingController(mappings: services.oidcGroupMappings, pages: pages, access: access).addRoutes(to: router)
    OrganisationController(organisations: services.organisations, pages: pages).addRoutes(to: router)
    AnnualReportController(reports: services.annualReports, pages: pages).addRoutes(to: router)
    IndicatorController(indicators: services.indicators, pages: pages, access: access).addRoutes(to: router)
    HistoryController(history: services.history, pages: pages).addRoutes(to: router)
    DashboardController(yearOverview: services.yearOverview, pages: pages).addRoutes(to: router)
    IndicatorDefinitionController(indicators: services.indicators, pages: pages, access: access).addRoutes(to: router)
    BudgetController(budget: services.budget, pages: pages).addRoutes(to: router)
    ChapterController(chapters: services.chapters, pages: pages, access: access).addRoutes(to: router)
    OriginalBudgetController(originalBudget: services.originalBudget, pages: pages, access: access).addRoutes(to: router)
    RevisionController(revisions: services.revisions, pages: pages, access: access).addRoutes(to: router)
    InvestmentProjectController(projects: services.investmentProjects, pages: pages, access: access).addRoutes(to: router)
    StaffingController(staffing: services.staffing, pages: pages, access: access).addRoutes(to: router)
    ServiceController(catalogue: services.serviceCatalogue, pages: pages, access: access).addRoutes(to: router)
    SelfCostController(selfCost: services.selfCost, catalogue: services.serviceCatalogue, pages: pages, access: access).addRoutes(to: router)
    LetterController(letters: services.letters, pages: pages, access: access).addRoutes(to: router)
    MeetingController(meetings: services.meetings, pages: pages, access: access).addRoutes(to: router)
    SignalController(signals: services.signals, pages: pages, access: access).addRoutes(to: router)
    NoticeController(notices: services.notices, pages: pages, access: access).addRoutes(to: router)
    DialogueController(dialogue: services.dialogue, accounts: services.accounts, pages: pages, access: access, years: services.budgetYears).addRoutes(to: router)
    LedgerController(ledger: services.ledger, pages: pages).addRoutes(to: router)
    AccountingReportController(reports: services.accountingReport, pages: pages, access: access).addRoutes(to: router)
    TertialReportController(reports: services.tertialReports, workflows: services.reportWorkflows, pages: pages, access: access).addRoutes(to: router)
    ReportWorkflowController(workflows: services.reportWorkflows, pages: pages, access: access).addRoutes(to: router)
    BudgetSetupController(setup: services.budgetSetup, pages: pages, access: access).addRoutes(to: router)
    LedgerImportController(imports: services.ledgerImport, pages: pages, access: access).addRoutes(to: router)
    TableCheckController(checks: services.tableChecks, pages: pages, access: access).addRoutes(to: router)
    BudgetYearController(years: services.budgetYears, pages: pages, access: access, cookies: CookiePolicy(secure: configuration.secureCookies)).addRoutes(to: router)
    GoalsController(goals: services.goals, pages: pages, access: access).addRoutes(to: router)
    MissionDraftController(missions: services.missions, pages: pages, access: access).addRoutes(to: router)
    AuthorityController(authorities: services.authorities, pages: pages, access: access).addRoutes(to: router)
    AnnualReportTextController(texts: services.annualReportTexts, pages: pages, access: access).addRoutes(to: router)
    SpecialChaptersController(specialReports: services.specialReports, reports: services.annualReports, pages: pages, access: access).addRoutes(to: router)
    TrackedItemController(items: services.trackedItems, pages: pages, access: access).addRoutes(to: router)
    ReportDocumentController(annualReports: services.annualReports, tertialReports: services.tertialReports, pages: pages).addRoutes(to: router)
    PublicReportController(reports: services.publicReports, pages: pages).addRoutes(to: router)
    RiskController(risks: services.risks, pictures: services.riskPictures, pages: pages, access: access).addRoutes(to: router)
    InternalControlController(control: services.internalControl, pages: pages, access: access).addRoutes(to: router)
    router.get("/styles.css") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: StyleSheet.css)))
    }
    router.get("/health") { _, _ in "ok" }
    router.get("/metrics") { request, context in metrics.respond(request, context) }
    router.get("/api/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
    }
    try registerStyrAPI(on: router, services: services)
    return router
}
