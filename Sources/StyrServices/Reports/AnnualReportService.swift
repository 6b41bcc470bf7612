import StyrDomain
import StyrReports

/// The annual report (årsberetning) of an agency for a year: read in one unit of work, computed,
/// and handed to the edge, which only renders it (web page, Markdown or HTML file).
public struct AnnualReportService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// A computed report with what it was computed from, and the imported actuals behind its
    /// regnskap columns (for a page that links them to the ledger lines).
    public struct Report: Sendable {
        public var scope: OrganisationScope
        public var data: AnnualReportData
        public var report: AnnualReport
        public var imported: ImportedActuals
    }

    public func annualReport(of code: String, year: Int, unit: AnnualReport.AmountUnit = .kroner, by user: UserAccount?) async throws -> Report {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            var data = try await Self.data(of: scope, year: year, repositories)
            if scope.isAgency { data.special = try await SpecialReportService.data(of: code, year: year, repositories) }
            return Report(scope: scope, data: data, report: AnnualReport(data, unit: unit),
                          imported: try await ImportedActuals.read(of: scope, chapter: data.chapter, years: [year, year - 1], repositories))
        }
    }

    /// Everything a chapter's report or budget page is computed from; a missing chapter or a year
    /// without any figures is not found.
    static func data(of scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> AnnualReportData {
        do {
            return try await AnnualReportData.load(from: repositories.governance, organisationCode: scope.code, year: year)
        } catch {
            // `load` throws only `ReportError`.
            switch error {
            case .unknownOrganisation: throw ServiceError.unknownOrganisation(code: scope.code)
            case .noChapter, .noData: throw ServiceError.notFound(error.description)
            // An unexpected failure of storage: the edges answer it as an error of their own (500).
            case .storage: throw error
            }
        }
    }
}

/// The actuals imported from the ledger for a chapter's years, summed per year, kontoklasse and
/// artsgruppe from the sums each import keeps (no scan of the lines).
public struct ImportedActuals: Sendable {
    public struct Key: Hashable, Sendable {
        public var year: Int
        public var kind: AccountKind
        public var group: ObjectGroup

        public init(year: Int, kind: AccountKind, group: ObjectGroup) {
            self.year = year
            self.kind = kind
            self.group = group
        }
    }

    /// The chapter lines are filtered by; nil when the organisation has one chapter, as lines
    /// without a chapter then count for it.
    public var chapter: Int?
    public var totals: [Key: Money]

    static func read(of scope: OrganisationScope, chapter: Chapter, years: [Int], _ repositories: Repositories) async throws -> ImportedActuals {
        let chapterCount = try await repositories.governance.chapters(of: scope.code).count
        let filter = chapterCount > 1 ? chapter.number : nil
        var totals: [Key: Money] = [:]
        for year in years {
            for record in try await repositories.ledger.imports(of: scope.code, year: year) where record.measure == .actuals {
                for total in record.totals where filter == nil || total.chapter == filter {
                    guard let group = ObjectGroup(code: total.group) else { continue }
                    let key = Key(year: year, kind: total.kind, group: group)
                    totals[key] = (totals[key] ?? .zero) + total.amount
                }
            }
        }
        return ImportedActuals(chapter: filter, totals: totals)
    }
}
