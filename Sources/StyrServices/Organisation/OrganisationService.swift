import StyrDomain

/// Organisations, their staffing and mission statements, and the start page of each user: read by
/// the pages, the API and the command line through these use cases.
public struct OrganisationService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The organisations the user may read, in stored order.
    public func readable(by user: UserAccount?) async throws -> [Organisation] {
        guard let user else { throw ServiceError.unauthenticated }
        return AccessPolicy.readable(try await storage.read { try await $0.governance.organisations() }, by: user)
    }

    /// One organisation, for a user who may read it.
    public func organisation(_ code: String, by user: UserAccount?) async throws -> Organisation {
        try await storage.read { repositories in try await AccessCheck.scope(.read, on: code, by: user, repositories).organisation }
    }

    public func staffing(of code: String, by user: UserAccount?) async throws -> [StaffingFigure] {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await repositories.governance.staffing(of: code)
        }
    }

    // MARK: The organisation page

    /// What the organisation's page shows: where it sits, its chapters, the years with accounts,
    /// the units under it and its mission statement in force.
    public struct Overview: Sendable {
        public var scope: OrganisationScope
        public var parent: Organisation?
        public var chapters: [Chapter]
        /// Years with actuals, newest first.
        public var yearsWithAccounts: [Int]
        public var children: [Organisation]
        public var mission: MissionStatement?

        public var organisation: Organisation { scope.organisation }
    }

    public func overview(of code: String, by user: UserAccount?) async throws -> Overview {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            let chapters = try await store.chapters(of: code)
            var years = Set<Int>()
            for chapter in chapters {
                for amount in try await store.budgetAmounts(chapter: chapter.number, years: BudgetYears.supported) where amount.measure == .actuals {
                    years.insert(amount.year)
                }
            }
            return Overview(
                scope: scope, parent: scope.organisation.parentCode.flatMap { parent in scope.organisations.first { $0.code == parent } },
                chapters: chapters, yearsWithAccounts: years.sorted(by: >),
                children: scope.organisations.filter { $0.parentCode == code }, mission: try await store.missionStatements(of: code).last)
        }
    }

    // MARK: Mission statements

    /// Every version of an organisation's mission statement, oldest first.
    public struct Missions: Sendable {
        public var scope: OrganisationScope
        public var versions: [MissionStatement]
    }

    public func missionStatements(of code: String, by user: UserAccount?) async throws -> Missions {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return Missions(scope: scope, versions: try await repositories.governance.missionStatements(of: code))
        }
    }

    /// One version (nil: the one in force, the latest), with the others.
    public func missionStatement(of code: String, version: Int?, by user: UserAccount?) async throws -> (missions: Missions, mission: MissionStatement) {
        let missions = try await missionStatements(of: code, by: user)
        let name = missions.scope.organisation.name
        guard let mission = version.map({ wanted in missions.versions.first { $0.version == wanted } }) ?? missions.versions.last else {
            throw ServiceError.notFound(version.map { "\(name) har ingen versjon \($0) av samfunnsoppdraget." }
                ?? "\(name) har ikke noe samfunnsoppdrag i Styr ennå.")
        }
        return (missions, mission)
    }

    /// The readable difference between two versions that both exist.
    public func missionDiff(of code: String, from: Int, to: Int, by user: UserAccount?) async throws -> (scope: OrganisationScope, diff: MissionStatementDiff) {
        let missions = try await missionStatements(of: code, by: user)
        let name = missions.scope.organisation.name
        func version(_ number: Int) throws -> MissionStatement {
            guard let found = missions.versions.first(where: { $0.version == number }) else {
                throw ServiceError.notFound("\(name) har ingen versjon \(number) av samfunnsoppdraget.")
            }
            return found
        }
        return (missions.scope, MissionStatementDiff(from: try version(from), to: try version(to)))
    }

    // MARK: The start page

    /// An indicator result that still owes an explanation.
    public struct OpenResult: Sendable {
        public var organisation: Organisation
        public var indicator: Indicator
        public var year: Int
        /// The user may enter the explanation (else: the department follows it up).
        public var canEnter: Bool
    }

    public struct UnconfirmedSignal: Sendable {
        public var organisation: Organisation
        public var signal: SteeringSignal
    }

    public struct AwaitingNotice: Sendable {
        public var organisation: Organisation
        public var notice: InformationNotice
    }

    /// The user's start page: their organisations, and what waits for them or for their agencies.
    public struct StartPage: Sendable {
        public var user: UserAccount
        /// Every organisation, for naming the user's roles and each organisation's parent.
        public var organisations: [Organisation]
        public var readable: [Organisation]
        public var openResults: [OpenResult]
        /// Unconfirmed steering signals, for both sides of the dialogue: the oldest `unconfirmedListed`.
        public var unconfirmedSignals: [UnconfirmedSignal]
        /// Unconfirmed signals per organisation code, those listed included.
        public var unconfirmedCounts: [String: Int] = [:]
        /// How many unconfirmed signals the start page lists (the rest are counted).
        public static let unconfirmedListed = 20
        /// Sent notices the user (the steering department) is to answer.
        public var awaitingNotices: [AwaitingNotice]

        public func name(of code: String) -> String? { organisations.first { $0.code == code }?.name }
    }

    public func startPage(for user: UserAccount?) async throws -> StartPage {
        guard let user else { throw ServiceError.unauthenticated }
        return try await storage.read { repositories in
            let store = repositories.governance
            // What the user's roles reach (and the ancestors, for names), not the whole country.
            let all = try await store.organisationFamily(of: Array(Set(user.assignments.map(\.organisationCode))).sorted())
            let tree = OrganisationTree(all)
            let readable = AccessPolicy.readable(all, by: user)
            var page = StartPage(user: user, organisations: all, readable: readable, openResults: [], unconfirmedSignals: [], awaitingNotices: [])
            let units = readable.filter { $0.kind == .agency || $0.kind == .section }
            let steered = Set(units.map(\.code).filter { AccessPolicy.allows(user, .steer, on: $0, in: tree) })
            let informed = units.map(\.code).filter { steered.contains($0) || AccessPolicy.allows(user, .inform, on: $0, in: tree) }
            // One statement per kind of record for all the units (a steerer with 50 agencies), not per unit.
            let indicators = try await store.indicators(ofEach: units.map(\.code))
            let unconfirmed = try await store.unconfirmedSignals(ofEach: informed, first: StartPage.unconfirmedListed)
            page.unconfirmedCounts = unconfirmed.counts
            let unitsByCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            page.unconfirmedSignals = unconfirmed.oldest.compactMap { signal in
                unitsByCode[signal.organisationCode].map { UnconfirmedSignal(organisation: $0, signal: signal) }
            }
            let notices = try await store.notices(ofEach: Array(steered))
            for organisation in units {
                let code = organisation.code
                let canEnter = AccessPolicy.allows(user, .enterResults, on: code, in: tree)
                for entry in indicators[code] ?? [] {
                    for value in entry.values where !IndicatorRules.missingExplanations(value, of: entry.indicator).isEmpty {
                        page.openResults.append(OpenResult(organisation: organisation, indicator: entry.indicator, year: value.year, canEnter: canEnter))
                    }
                }
                if steered.contains(code) {
                    for notice in notices[code] ?? [] where notice.status == .submitted {
                        page.awaitingNotices.append(AwaitingNotice(organisation: organisation, notice: notice))
                    }
                }
            }
            return page
        }
    }

    // MARK: The command line

    /// The command line's user: it runs on the server with the database's own rights, so it
    /// administers every organisation (an administrator of each top-level one).
    public func commandLineUser() async throws -> UserAccount {
        let organisations = try await storage.read { try await $0.governance.organisations() }
        let codes = Set(organisations.map(\.code))
        let roots = organisations.filter { $0.parentCode.map { !codes.contains($0) } ?? true }
        return UserAccount(email: "system:cli", name: "Kommandolinjen",
                           assignments: roots.map { RoleAssignment(role: .admin, organisationCode: $0.code) })
    }
}
