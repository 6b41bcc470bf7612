import PostgresNIO
import SQLKit
import Synchronization

/// What `Database` knows of its PostgreSQL pool: the connections open (each with its
/// `ConnectionWatch`), how many of them units of work hold, and whether one closed since the last
/// unit of work that went well.
///
/// PostgresClient waits for a connection for ever. Styr bounds that wait
/// (`STYR_DATABASE_WAIT_SECONDS`) with a timer, which costs two tasks a unit of work; it is only
/// needed when the pool may have to open a connection, i.e. when the server may be down. So a
/// unit of work that finds a connection idle here (more open than held, and none closed since
/// the last unit that went well) takes it without a timer (`reserveIdle`); only the others wait
/// with one (`Database.leasing`). A connection that died meanwhile is handed out all the same,
/// and its queries fail at once through its watch.
final class PostgresLeases: Sendable {
    private struct State {
        var watches: [PostgresConnection.ID: ConnectionWatch] = [:]
        /// Units of work holding a connection, or sure of an idle one (`reserveIdle`).
        var held = 0
        /// Units of work waiting for the pool to hand them a connection.
        var waiting = 0
        /// False from a connection's closing until a unit of work completes.
        var healthy = true
    }

    private let state = Mutex(State())

    /// Counts the caller as holding a connection when one is known to be idle (more open than
    /// held or waited for, and none closed since the last unit of work that went well): then the
    /// pool hands one out at once, and the caller leases without a timer. The caller calls
    /// `release()` when done, also when the lease fails.
    func reserveIdle() -> Bool {
        state.withLock { state in
            guard state.healthy, state.watches.count > state.held + state.waiting else { return false }
            state.held += 1
            return true
        }
    }

    /// The caller waits for the pool; then either `granted()` or `stopWaiting()`.
    func beginWaiting() {
        state.withLock { $0.waiting += 1 }
    }

    /// The waiting caller got its connection (and calls `release()` when done).
    func granted() {
        state.withLock { state in
            state.waiting -= 1
            state.held += 1
        }
    }

    /// The waiting caller got no connection.
    func stopWaiting() {
        state.withLock { $0.waiting -= 1 }
    }

    /// Ends a unit of work's hold on its connection.
    func release() {
        state.withLock { $0.held -= 1 }
    }

    /// Runs `body` on a leased connection with the connection's watch (`body` sends its statements
    /// through `WatchedSQLDatabase`).
    func run<T: Sendable>(on connection: PostgresConnection, _ body: (PostgresConnection, ConnectionWatch) async throws -> T) async throws -> T {
        let (watch, isNew) = state.withLock { state -> (ConnectionWatch, Bool) in
            if let watch = state.watches[connection.id] { return (watch, false) }
            let watch = ConnectionWatch()
            state.watches[connection.id] = watch
            return (watch, true)
        }
        if isNew {
            let id = connection.id
            connection.closeFuture.whenComplete { [self] _ in closed(id, watch) }
        }
        if watch.isClosed { throw StorageUnavailable(.connectionLost) }
        let result = try await body(connection, watch)
        state.withLock { $0.healthy = true }
        return result
    }

    /// Connections open, held and waited for (for tests).
    var counts: (open: Int, held: Int, waiting: Int) {
        state.withLock { ($0.watches.count, $0.held, $0.waiting) }
    }

    private func closed(_ id: PostgresConnection.ID, _ watch: ConnectionWatch) {
        watch.close()
        state.withLock { state in
            if state.watches[id] === watch { state.watches[id] = nil }
            state.healthy = false
        }
    }
}

/// Who came first for a unit of work that waits with a timer: the connection or the deadline.
/// Whichever comes second loses, so a unit of work never runs after its caller was told the
/// database did not answer.
final class LeaseRace: Sendable {
    enum Outcome { case waiting, leased, timedOut }
    private let outcome = Mutex(Outcome.waiting)

    /// The connection came: true when in time.
    func lease() -> Bool { settle(.leased) }

    /// The deadline passed: true when no connection came before.
    func timeOut() -> Bool { settle(.timedOut) }

    var leased: Bool { outcome.withLock { $0 == .leased } }

    private func settle(_ new: Outcome) -> Bool {
        outcome.withLock { outcome in
            guard outcome == .waiting else { return false }
            outcome = new
            return true
        }
    }
}
