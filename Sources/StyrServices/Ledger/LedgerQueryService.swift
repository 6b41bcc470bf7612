import StyrDomain

/// Reading the imported ledger: totals by any dimension, the lines behind a total a page at a
/// time, and the imports of a year. Every read
/// needs the read permission on the organisation; a filter is checked before anything is read.
public struct LedgerQueryService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The longest value a filter may compare a dimension with.
    public static let maximumValueLength = 100
    /// The most lines one page may hold.
    public static let maximumPageSize = 10_000

    /// Why `filter` cannot be read, keyed `equals` (the conditions on the dimensions), or nothing.
    /// Values must be what their dimension holds: a kontoklasse `operating` or `investment`, an
    /// artsgruppe or list of art ranges (`100-299,300-399`), a number for the other codes.
    public static func problems(_ filter: LedgerFilter) -> InputErrors {
        var errors = InputErrors()
        for (dimension, value) in filter.equals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let name = dimension.norwegianName.lowercased()
            if value.count > maximumValueLength {
                errors.add("equals", "Verdien for \(name) kan være på høyst \(maximumValueLength) tegn.")
                continue
            }
            switch dimension {
            case .group:
                if case .failure = BudgetSetupText.artRanges(value) {
                    errors.add("equals", "«\(value)» er ikke en artsgruppe (f.eks. 100-299) eller en liste av artsintervaller (100-299,300-399).")
                }
            case .kind:
                if AccountKind(rawValue: value) == nil { errors.add("equals", "«\(value)» er ikke en kontoklasse (operating eller investment).") }
            case _ where dimension.isNumeric:
                if Int(value) == nil { errors.add("equals", "«\(value)» er ikke en gyldig verdi for \(name).") }
            default:
                break
            }
        }
        if let through = filter.throughMonth, !(1...12).contains(through) {
            errors.add("throughMonth", "Perioden må være en måned fra 1 til 12, ikke \(through).")
        }
        return errors
    }

    static func check(_ filter: LedgerFilter) throws {
        _ = try AccessCheck.year(filter.year)
        let problems = problems(filter)
        guard problems.isEmpty else { throw ServiceError.invalid(problems) }
    }

    static func check(_ dimensions: [LedgerDimension]) throws {
        var seen = Set<LedgerDimension>()
        for dimension in dimensions where !seen.insert(dimension).inserted {
            throw ServiceError.invalid(.single("dimensions", "«\(dimension.rawValue)» er oppgitt to ganger."))
        }
    }

    /// Totals of the filter's lines for every combination of `dimensions` (none: one total).
    public func totals(in code: String, _ filter: LedgerFilter, by dimensions: [LedgerDimension], by user: UserAccount?) async throws -> [LedgerTotal] {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            try Self.check(filter)
            try Self.check(dimensions)
            return try await repositories.ledger.totals(of: code, filter, by: dimensions)
        }
    }

    /// The ledger page: the totals by `dimensions` and the imports of the year.
    public struct Overview: Sendable {
        public var scope: OrganisationScope
        public var totals: [LedgerTotal]
        public var imports: [LedgerImportRecord]
    }

    public func overview(in code: String, _ filter: LedgerFilter, by dimensions: [LedgerDimension], by user: UserAccount?) async throws -> Overview {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            try Self.check(filter)
            try Self.check(dimensions)
            return Overview(scope: scope, totals: try await repositories.ledger.totals(of: code, filter, by: dimensions),
                            imports: try await repositories.ledger.imports(of: code, year: filter.year))
        }
    }

    /// The filter's lines after the line `afterID` (0: from the first), at most `limit`.
    public func lines(in code: String, _ filter: LedgerFilter, after afterID: Int64, limit: Int, by user: UserAccount?) async throws -> [StoredLedgerLine] {
        try await drillDown(in: code, filter, after: afterID, limit: limit, withTotal: false, by: user).lines
    }

    /// A page of the lines behind a total, and (when asked, for the first page) their total.
    public struct DrillDown: Sendable {
        public var scope: OrganisationScope
        public var lines: [StoredLedgerLine]
        public var total: LedgerTotal?
    }

    public func drillDown(
        in code: String, _ filter: LedgerFilter, after afterID: Int64, limit: Int, withTotal: Bool, by user: UserAccount?
    ) async throws -> DrillDown {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            try Self.check(filter)
            guard afterID >= 0 else {
                throw ServiceError.invalid(.single("afterID", "Oppgi id-en til siste linje på forrige side (0 for første side)."))
            }
            guard (1...Self.maximumPageSize).contains(limit) else {
                throw ServiceError.invalid(.single("limit", "Velg et antall linjer fra 1 til \(Self.maximumPageSize)."))
            }
            let lines = try await repositories.ledger.lines(of: code, filter, afterID: afterID, limit: limit)
            let total = withTotal ? try await repositories.ledger.totals(of: code, filter, by: []).first : nil
            return DrillDown(scope: scope, lines: lines, total: total)
        }
    }

    /// The imports of the year, oldest first.
    public func imports(in code: String, year: Int, by user: UserAccount?) async throws -> [LedgerImportRecord] {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            return try await repositories.ledger.imports(of: code, year: year)
        }
    }
}
