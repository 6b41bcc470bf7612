import StyrDomain

/// Importing a ledger or budget file, all or nothing, from the command line, the upload page and
/// the API. What may be asked for (the period, the lengths of names) is checked here, once; the
/// file is read by storage's one import driver (`Storage.importLedger`) as it streams in. Nothing
/// here touches a line: the import's speed is the driver's.
public struct LedgerImportService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The longest name of a file or an import profile.
    public static let maximumNameLength = 200

    /// An import as asked for, before it is checked. Each edge reads its own words into it (the
    /// API's `revised-budget`, the command line's `--kind drift`, the form's select values).
    public struct Request: Sendable, Hashable {
        public var year: Int
        /// The month (1–12) the file covers; nil for the whole year (or the months the file names).
        public var period: Int?
        public var measure: LedgerImportMeasure
        /// Nil: decided from the first line.
        public var format: LedgerFormat?
        /// The file's name, recorded with the import.
        public var sourceName: String
        public var replace: Bool
        public var profileName: String?
        public var invalidCodes: InvalidCodePolicy?
        public var defaultKind: AccountKind?

        public init(year: Int, period: Int? = nil, measure: LedgerImportMeasure = .actuals, format: LedgerFormat? = nil, sourceName: String,
                    replace: Bool = false, profileName: String? = nil, invalidCodes: InvalidCodePolicy? = nil, defaultKind: AccountKind? = nil) {
            self.year = year
            self.period = period
            self.measure = measure
            self.format = format
            self.sourceName = sourceName
            self.replace = replace
            self.profileName = profileName
            self.invalidCodes = invalidCodes
            self.defaultKind = defaultKind
        }
    }

    /// The settings of an import of `request` into `organisationCode` by `actor`, or why not,
    /// keyed by the request's fields (`period`, `sourceName`, `profileName`). Names are trimmed;
    /// an empty profile name is the standard profile.
    public static func settings(_ request: Request, organisationCode: String, actor: String) -> Result<LedgerImportSettings, InputErrors> {
        var errors = InputErrors()
        if let period = request.period, !(1...12).contains(period) {
            errors.add("period", "Perioden må være en måned fra 1 til 12, ikke \(period); uten periode gjelder importen hele året.")
        }
        let source = request.sourceName.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.count > maximumNameLength { errors.add("sourceName", "Navnet på filen kan være på høyst \(maximumNameLength) tegn.") }
        let profile = (request.profileName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if profile.count > maximumNameLength { errors.add("profileName", "Navnet på importprofilen kan være på høyst \(maximumNameLength) tegn.") }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(LedgerImportSettings(
            organisationCode: organisationCode, year: request.year, period: request.period ?? 0, measure: request.measure, format: request.format,
            sourceName: source, replace: request.replace, profileName: profile.isEmpty ? nil : profile, invalidCodes: request.invalidCodes,
            defaultKind: request.defaultKind, actor: actor))
    }

    /// What the upload form needs: the scope (the user must enter results) and the stored profiles.
    public func prepare(in code: String, year: Int, by user: UserAccount?) async throws -> (scope: OrganisationScope, profiles: [ImportProfile]) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            return (scope, try await repositories.importProfiles.profiles())
        }
    }

    /// An import that was run: what was asked (checked), and what came of it.
    public struct Run: Sendable {
        public var scope: OrganisationScope
        public var settings: LedgerImportSettings
        /// The stored import, or the errors that stopped it. A clash with an earlier import is
        /// `outcome.clash`: each edge says in its own words how to replace it.
        public var outcome: LedgerImportOutcome
    }

    /// Imports the file read in `chunks` into the organisation, all or nothing. Refused before a
    /// byte is read when the user may not enter results there or the request is invalid.
    public func importFile(
        _ request: Request, into code: String, chunks: LedgerChunks, by user: UserAccount?, progress: (@Sendable (Int64, Int) -> Void)? = nil
    ) async throws -> Run {
        let scope = try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            _ = try AccessCheck.year(request.year)
            try await YearGuard.requireOpen(organisationCode: code, year: request.year, repositories)
            return scope
        }
        let settings = try ServiceError.rule { try Self.settings(request, organisationCode: code, actor: scope.user.email).get() }
        let outcome = try await storage.importLedger(settings, chunks: chunks, progress: progress)
        return Run(scope: scope, settings: settings, outcome: outcome)
    }

    // MARK: Import profiles

    /// The stored import profiles, for anyone logged in.
    public func profiles(by user: UserAccount?) async throws -> [ImportProfile] {
        guard user != nil else { throw ServiceError.unauthenticated }
        return try await storage.read { repositories in try await repositories.importProfiles.profiles() }
    }

    /// The named profile (nil: the standard profile); an unknown name is not found.
    public func profile(named name: String?, by user: UserAccount?) async throws -> ImportProfile {
        guard user != nil else { throw ServiceError.unauthenticated }
        guard let name else { return .standard }
        guard let profile = try await storage.read({ repositories in try await repositories.importProfiles.profile(named: name) }) else {
            throw ServiceError.notFound("Det finnes ingen importprofil «\(name)».")
        }
        return profile
    }

    /// Saves a profile. Profiles are shared by every organisation of the database, so only an
    /// administrator saves them; one that cannot be used is refused (field `profile`).
    public func saveProfile(_ profile: ImportProfile, by user: UserAccount?) async throws {
        guard let user else { throw ServiceError.unauthenticated }
        guard user.assignments.contains(where: { $0.role == .admin }) else {
            throw ServiceError.forbidden(organisationCode: user.assignments.first?.organisationCode ?? "")
        }
        let problems = profile.problems
        guard problems.isEmpty else {
            throw ServiceError.invalid(.single("profile", "Profilen «\(profile.name)» er ugyldig: \(problems.joined(separator: " "))"))
        }
        try await storage.write(as: user.email) { repositories in try await repositories.importProfiles.save(profile) }
    }
}
