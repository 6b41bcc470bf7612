import StyrDomain

/// What the accounting report is computed with besides the numbers: the organisation's chapters,
/// their post groupings, the year's monthly budget profiles and the threshold for explanations.
public struct BudgetSetup: Sendable {
    public var chapters: [Chapter]
    public var groupings: ChapterPostGroupings
    public var profiles: BudgetSetupText.Profiles
    /// The department's own threshold for the year; nil when the server's default applies.
    public var ownThreshold: ForecastThreshold?
    /// The server's default (`styr serve --forecast-threshold-…`).
    public var defaultThreshold: ForecastThreshold
    /// The version of the threshold's record (optimistic locking, `RecordVersions`): the form carries it.
    public var thresholdVersion: Int = 0

    /// The threshold that applies: the department's own, else the server's.
    public var threshold: ForecastThreshold { ownThreshold ?? defaultThreshold }

    /// Each chapter's posts (the artsgrupper unless the department has set its own).
    public var postsByChapter: [Int: PostGrouping] {
        Dictionary(chapters.map { ($0.number, groupings.grouping(forChapter: $0.number)) }, uniquingKeysWith: { first, _ in first })
    }

    static func load(_ repositories: Repositories, code: String, year: Int, defaultThreshold: ForecastThreshold) async throws -> BudgetSetup {
        let setup = repositories.budgetSetup
        return BudgetSetup(
            chapters: try await repositories.governance.chapters(of: code), groupings: try await setup.groupings(),
            profiles: try await setup.profiles(of: code, year: year), ownThreshold: try await setup.threshold(of: code, year: year),
            defaultThreshold: defaultThreshold,
            thresholdVersion: try await RecordVersions.current(RecordVersions.forecastThreshold(code, year: year), repositories))
    }
}

/// Setting up the accounting report. Who sets what: the department (`steer`) each chapter's post
/// grouping and the agency's threshold for explanations per year; the agency (`enterResults`) its
/// monthly budget profiles (periodisering). Each write is checked here and saved in one
/// transaction; storage audits it.
public struct BudgetSetupService: Sendable {
    let storage: any Storage
    /// The server's threshold, for organisations whose department has set none for the year.
    public let defaultThreshold: ForecastThreshold

    public init(storage: any Storage, defaultThreshold: ForecastThreshold = .standard) {
        self.storage = storage
        self.defaultThreshold = defaultThreshold
    }

    /// The set-up of the organisation's year, for a user who may do `permission` there.
    public func setup(in code: String, year: Int, by user: UserAccount?, permission: Permission = .read) async throws -> (scope: OrganisationScope, setup: BudgetSetup) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(permission, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            return (scope, try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold))
        }
    }

    // MARK: Post groupings

    /// Sets the post grouping of the organisation's chapters, all in one transaction; nil (or the
    /// artsgrupper) goes back to the standard. Refused, naming the chapter (`chapter125`), when a
    /// chapter is not the organisation's or a grouping cannot carry the budget.
    public func saveGroupings(_ groupings: [Int: PostGrouping?], in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            let chapters = Set(try await repositories.governance.chapters(of: code).map(\.number))
            var errors = InputErrors()
            for (chapter, grouping) in groupings.sorted(by: { $0.key < $1.key }) {
                if !chapters.contains(chapter) { throw Self.notTheOrganisations(chapter, code) }
                if let problem = grouping?.budgetProblem { errors.add("chapter\(chapter)", "Kapittel \(chapter): \(problem)") }
            }
            guard errors.isEmpty else { throw ServiceError.invalid(errors) }
            for (chapter, grouping) in groupings.sorted(by: { $0.key < $1.key }) {
                try await repositories.budgetSetup.saveGrouping(grouping == .standard ? nil : grouping, chapter: chapter)
            }
        }
    }

    /// Sets one chapter's post grouping from a list of posts (none: the standard); returns the
    /// chapter and the grouping as stored (nil: the standard). The posts are read as
    /// `BudgetSetupText.grouping(posts:)` reads them, after the access check; a grouping that
    /// cannot carry the budget is refused for `posts`.
    public func saveGrouping(posts: [BudgetSetupText.PostDraft], chapter number: Int, in code: String, by user: UserAccount?) async throws -> (chapter: Chapter, grouping: PostGrouping?) {
        try await saveGrouping(chapter: number, in: code, by: user) { BudgetSetupText.grouping(posts: posts) }
    }

    /// Sets one chapter's post grouping; returns the chapter and the grouping as stored (nil: the
    /// standard). A grouping that cannot carry the budget is refused for `posts`.
    public func saveGrouping(_ grouping: PostGrouping?, chapter number: Int, in code: String, by user: UserAccount?) async throws -> (chapter: Chapter, grouping: PostGrouping?) {
        try await saveGrouping(chapter: number, in: code, by: user) { .success(grouping) }
    }

    func saveGrouping(
        chapter number: Int, in code: String, by user: UserAccount?, _ read: @Sendable () -> Result<PostGrouping?, InputErrors>
    ) async throws -> (chapter: Chapter, grouping: PostGrouping?) {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            guard let chapter = try await repositories.governance.chapters(of: code).first(where: { $0.number == number }) else {
                throw Self.notTheOrganisations(number, code)
            }
            let grouping = try ServiceError.rule { try read().get() }
            if let problem = grouping?.budgetProblem { throw ServiceError.invalid(.single("posts", problem)) }
            let stored = grouping == .standard ? nil : grouping
            try await repositories.budgetSetup.saveGrouping(stored, chapter: number)
            return (chapter, stored)
        }
    }

    static func notTheOrganisations(_ chapter: Int, _ code: String) -> ServiceError {
        .notFound("Kapittel \(chapter) hører ikke til «\(code)».")
    }

    // MARK: Profiles

    /// Monthly budget profiles as sent: twelve weights for every post, and for single posts.
    public struct ProfilesDraft: Sendable, Hashable {
        public struct Post: Sendable, Hashable {
            public var chapter: Int
            public var kind: AccountKind
            public var postCode: String
            public var weights: [Int64]

            public init(chapter: Int, kind: AccountKind, postCode: String, weights: [Int64]) {
                self.chapter = chapter
                self.kind = kind
                self.postCode = postCode
                self.weights = weights
            }
        }

        public var everyPost: [Int64]?
        public var posts: [Post]

        public init(everyPost: [Int64]? = nil, posts: [Post] = []) {
            self.everyPost = everyPost
            self.posts = posts
        }

        /// Profiles as read (the form's lines), to be checked again against the set-up.
        public init(_ profiles: BudgetSetupText.Profiles) {
            everyPost = profiles.fallback?.weights
            posts = profiles.byPost.sorted { $0.key < $1.key }.map {
                Post(chapter: $0.key.chapter, kind: $0.key.kind, postCode: $0.key.postCode, weights: $0.value.weights)
            }
        }
    }

    /// The profiles of `draft`, or why not, keyed `everyPost` and `posts[i]`: each profile twelve
    /// weights ≥ 0, not all zero; each post one of a chapter of the organisation, once.
    public static func profiles(_ draft: ProfilesDraft, code: String, setup: BudgetSetup) -> Result<BudgetSetupText.Profiles, InputErrors> {
        var errors = InputErrors()
        var profiles = BudgetSetupText.Profiles()
        if let weights = draft.everyPost {
            do { profiles.fallback = try BudgetProfile(weights: weights) } catch { errors.add("everyPost", error.description) }
        }
        let posts = setup.postsByChapter
        for (index, post) in draft.posts.enumerated() {
            let field = "posts[\(index)]"
            guard let grouping = posts[post.chapter] else {
                errors.add(field, "kapittel \(post.chapter) hører ikke til «\(code)».")
                continue
            }
            let postCode = post.postCode.trimmingCharacters(in: .whitespaces)
            guard grouping.post(code: postCode) != nil else {
                errors.add(field, "kapittel \(post.chapter) har ingen post «\(postCode)»; postene er \(grouping.posts.map(\.code).joined(separator: ", ")).")
                continue
            }
            let key = PostKey(chapter: post.chapter, kind: post.kind, postCode: postCode)
            guard profiles.byPost[key] == nil else {
                errors.add(field, "posten står mer enn én gang.")
                continue
            }
            do { profiles.byPost[key] = try BudgetProfile(weights: post.weights) } catch { errors.add(field, error.description) }
        }
        return errors.isEmpty ? .success(profiles) : .failure(errors)
    }

    /// Replaces the agency's profiles for the year (empty: a twelfth a month); returns them as stored.
    public func saveProfiles(_ draft: ProfilesDraft, in code: String, year: Int, by user: UserAccount?) async throws -> BudgetSetupText.Profiles {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let setup = try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
            let profiles = try ServiceError.rule { try Self.profiles(draft, code: code, setup: setup).get() }
            try await repositories.budgetSetup.saveProfiles(profiles, of: code, year: year)
            return profiles
        }
    }

    // MARK: Threshold

    /// Sets the department's threshold for the organisation's year; nil goes back to the server's
    /// default. Limits out of range are refused per field (`amount`, `percent`), with the same
    /// messages as a threshold typed in a form. Returns the set-up as it now applies. `version`:
    /// the threshold's version the form was loaded at (`thresholdVersion`); when it has moved on,
    /// `WriteConflict` and nothing is saved.
    public func saveThreshold(_ threshold: ForecastThreshold?, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> BudgetSetup {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await RecordVersions.advance(RecordVersions.forecastThreshold(code, year: year), from: version, repositories)
            if let problems = threshold?.problems, !problems.isEmpty { throw ServiceError.invalid(problems) }
            try await repositories.budgetSetup.saveThreshold(threshold, of: code, year: year)
            return try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
        }
    }

    /// As `saveThreshold`, for a threshold as typed (`ForecastThreshold.read`): the access check
    /// comes first, then every field's problem.
    public func saveThreshold(
        amount: String, percent: String, rule: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?
    ) async throws -> BudgetSetup {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let threshold = try ServiceError.rule { try ForecastThreshold.parse(amount: amount, percent: percent, rule: rule).get() }
            if !threshold.problems.isEmpty { throw ServiceError.invalid(threshold.problems) }
            try await RecordVersions.advance(RecordVersions.forecastThreshold(code, year: year), from: version, repositories)
            try await repositories.budgetSetup.saveThreshold(threshold, of: code, year: year)
            return try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
        }
    }
}
