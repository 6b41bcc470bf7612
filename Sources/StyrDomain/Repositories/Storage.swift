/// Every repository of one unit of work: one connection, and for a write one transaction.
public struct Repositories: Sendable {
    public var governance: any GovernanceRepository
    public var accounts: any AccountRepository
    public var audit: any AuditRepository
    public var budgetSetup: any BudgetSetupRepository
    public var forecasts: any ForecastRepository
    public var importProfiles: any ImportProfileRepository
    public var ledger: any LedgerRepository

    public init(governance: any GovernanceRepository, accounts: any AccountRepository, audit: any AuditRepository,
                budgetSetup: any BudgetSetupRepository, forecasts: any ForecastRepository,
                importProfiles: any ImportProfileRepository, ledger: any LedgerRepository) {
        self.governance = governance
        self.accounts = accounts
        self.audit = audit
        self.budgetSetup = budgetSetup
        self.forecasts = forecasts
        self.importProfiles = importProfiles
        self.ledger = ledger
    }
}

/// The one door of the services to storage. The composition root (`buildApplication`) and the
/// command line's context construct it (SQLite or PostgreSQL); services only see this protocol.
public protocol Storage: Sendable {
    /// Reads through one connection.
    func read<T: Sendable>(_ body: @Sendable (Repositories) async throws -> T) async throws -> T
    /// Writes in one transaction, every change audited as `actor`: all of it is stored, or none.
    func write<T: Sendable>(as actor: String, _ body: @Sendable (Repositories) async throws -> T) async throws -> T
    /// Bookkeeping that is not the data (an API token's last use): written without a transaction
    /// of its own and WITHOUT raising the data version, so the caches keyed by it stay valid.
    func note(_ body: @Sendable (Repositories) async throws -> Void) async throws
    /// Imports a ledger file read in `chunks`, all or nothing (streamed, so it is not a `write`).
    func importLedger(
        _ settings: LedgerImportSettings, chunks: LedgerChunks, progress: (@Sendable (Int64, Int) -> Void)?
    ) async throws -> LedgerImportOutcome
}

extension Storage {
    /// By default a note is an ordinary write.
    public func note(_ body: @Sendable (Repositories) async throws -> Void) async throws {
        try await write(as: "system") { repositories in try await body(repositories) }
    }
}

/// The pieces of a ledger file, in order (a file on disk, an upload, a request body).
public struct LedgerChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    let makeNext: @Sendable () -> (@Sendable () async throws -> [UInt8]?)

    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == [UInt8] {
        makeNext = {
            let box = IteratorBox(chunks.makeAsyncIterator())
            return { try await box.next() }
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let next: @Sendable () async throws -> [UInt8]?
        public mutating func next() async throws -> [UInt8]? { try await next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: makeNext()) }
}

/// Holds an iterator that is used by one import at a time.
private final class IteratorBox<Iterator: AsyncIteratorProtocol>: @unchecked Sendable where Iterator.Element == [UInt8] {
    var iterator: Iterator
    init(_ iterator: Iterator) { self.iterator = iterator }
    func next() async throws -> [UInt8]? { try await iterator.next() }
}
