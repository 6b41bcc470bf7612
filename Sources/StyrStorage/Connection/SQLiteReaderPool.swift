import Foundation
import Logging
import SQLiteKit
import Synchronization

/// SQLite connections for reading, each lent to one unit of work at a time. In WAL mode readers
/// never wait for the writer (nor it for them): each statement reads the last committed state.
/// Writes go through the one writer connection of `Database` (its `AsyncSerialLock`).
final class SQLiteReaderPool: Sendable {
    private struct State {
        var idle: [SQLiteConnection]
        var waiters: [CheckedContinuation<SQLiteConnection, Never>] = []
        var inUse = 0
        var waits = 0
    }

    private let state: Mutex<State>
    private let all: [SQLiteConnection]

    private init(_ connections: [SQLiteConnection]) {
        all = connections
        state = Mutex(State(idle: connections))
    }

    /// Opens `count` connections to the database file (already in WAL mode).
    static func open(path: String, count: Int, logger: Logger) async throws -> SQLiteReaderPool {
        var connections: [SQLiteConnection] = []
        do {
            for _ in 0..<count {
                let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                connections.append(connection)
                try await connection.sql().raw("PRAGMA foreign_keys = ON").run()
                try await connection.sql().raw("PRAGMA busy_timeout = 5000").run()
            }
        } catch {
            for connection in connections { try? await connection.close() }
            throw error
        }
        return SQLiteReaderPool(connections)
    }

    var size: Int { all.count }

    /// Connections lent out now, units of work waiting for one, and how often one had to wait.
    var usage: (inUse: Int, waiting: Int, waits: Int) {
        state.withLock { ($0.inUse, $0.waiters.count, $0.waits) }
    }

    func withConnection<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = await acquire()
        do {
            let result = try await body(connection)
            release(connection)
            return result
        } catch {
            release(connection)
            throw error
        }
    }

    private func acquire() async -> SQLiteConnection {
        if let connection = state.withLock({ state -> SQLiteConnection? in
            guard let connection = state.idle.popLast() else { return nil }
            state.inUse += 1
            return connection
        }) {
            return connection
        }
        return await withCheckedContinuation { continuation in
            let connection = state.withLock { state -> SQLiteConnection? in
                if let connection = state.idle.popLast() {
                    state.inUse += 1
                    return connection
                }
                state.waits += 1
                state.waiters.append(continuation)
                return nil
            }
            if let connection { continuation.resume(returning: connection) }
        }
    }

    private func release(_ connection: SQLiteConnection) {
        let waiter = state.withLock { state -> CheckedContinuation<SQLiteConnection, Never>? in
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.inUse -= 1
            state.idle.append(connection)
            return nil
        }
        waiter?.resume(returning: connection)
    }

    func close() async {
        for connection in all { try? await connection.close() }
    }
}
