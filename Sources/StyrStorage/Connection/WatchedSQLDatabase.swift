import Logging
import NIOCore
import SQLKit
import Synchronization

/// A PostgreSQL connection's `SQLDatabase` whose queries fail at once when the connection closes.
///
/// PostgresNIO writes a query to its channel without a promise for the write: when the channel
/// has closed before the write reaches it (the server restarting, the pool handing out a
/// connection whose end it has not seen yet), the write is dropped and the query waits for ever.
/// A request in flight then never answers, and holds up the server's shutdown (the restart fault
/// of `Benchmarks/faults.sh`; upstream's fix, postgres-nio #487, was reverted in #501). Every
/// query is therefore registered with its connection's `ConnectionWatch`, which fails it as
/// `StorageUnavailable` (a 503 at the edges) when the connection closes, and refuses queries on
/// a connection already closed.
struct WatchedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let watch: ConnectionWatch

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let promise = base.eventLoop.makePromise(of: Void.self)
        guard let ticket = watch.register(promise) else {
            promise.fail(StorageUnavailable(.connectionLost))
            return promise.futureResult
        }
        let watch = self.watch
        base.execute(sql: query, onRow).whenComplete { result in
            watch.finished(ticket)
            promise.completeWith(result)
        }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await execute(sql: query, onRow).get()
    }
}

/// One pooled PostgreSQL connection as Styr sees it: the queries running on it, failed together
/// when it closes (`WatchedSQLDatabase`).
final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var nextTicket = 0
        var running: [Int: EventLoopPromise<Void>] = [:]
    }

    private let state = Mutex(State())

    /// Registers a query about to be sent; nil when the connection has closed.
    func register(_ promise: EventLoopPromise<Void>) -> Int? {
        state.withLock { state in
            guard !state.closed else { return nil }
            state.nextTicket &+= 1
            state.running[state.nextTicket] = promise
            return state.nextTicket
        }
    }

    /// The query of `ticket` has its answer.
    func finished(_ ticket: Int) {
        _ = state.withLock { $0.running.removeValue(forKey: ticket) }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// The connection has closed: every query still waiting fails (one that did reach the
    /// connection has failed already, and keeps that error).
    func close() {
        let running = state.withLock { state in
            state.closed = true
            defer { state.running = [:] }
            return Array(state.running.values)
        }
        for promise in running { promise.fail(StorageUnavailable(.connectionLost)) }
    }
}
