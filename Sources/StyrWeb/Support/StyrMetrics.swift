import CoreMetrics
import Foundation
import Hummingbird
import Prometheus
import StyrDomain
import StyrStorage
import Synchronization

/// The server's metrics in Prometheus' text format at `/metrics` (swift-metrics over
/// swift-prometheus, a registry of this server's own): requests and their durations per route
/// template, the database's connections (SQLite's reader pool; units of work running), and the
/// ledger imports stored. Not public: an administrator's session, or
/// `Authorization: Bearer $STYR_METRICS_TOKEN` when that variable is set for `styr serve`.
final class StyrMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    let database: @Sendable () -> DatabaseStatistics
    let token: String?
    private let reported = Mutex(DatabaseStatistics())

    init(database: @escaping @Sendable () -> DatabaseStatistics, token: String? = ProcessInfo.processInfo.environment["STYR_METRICS_TOKEN"]) {
        factory = PrometheusMetricsFactory(registry: registry)
        self.database = database
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    func request(_ method: String, route: String, status: Int, duration: Duration) {
        CoreMetrics.Counter(label: "styr_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "styr_http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// The exposition: the database's figures read now, then everything in the registry.
    func exposition() -> [UInt8] {
        let now = database()
        let before = reported.withLock { reported in
            defer { reported = now }
            return reported
        }
        gauge("styr_database_units_active", "Units of work holding a database connection now").set(Int64(now.active))
        counter("styr_database_units_total", "Units of work (reads and transactions) since start").increment(by: max(0, now.units - before.units))
        gauge("styr_sqlite_reader_connections", "SQLite reader connections in the pool").set(Int64(now.sqliteReaders))
        gauge("styr_sqlite_reader_connections_in_use", "SQLite reader connections lent out now").set(Int64(now.sqliteReadersInUse))
        gauge("styr_sqlite_reader_waiting", "Reads waiting for an SQLite reader connection now").set(Int64(now.sqliteReadersWaiting))
        counter("styr_sqlite_reader_waits_total", "Reads that had to wait for an SQLite reader connection")
            .increment(by: Int64(max(0, now.sqliteReaderWaits - before.sqliteReaderWaits)))
        counter("styr_ledger_imports_total", "Ledger imports stored since start").increment(by: max(0, now.imports - before.imports))
        counter("styr_ledger_imported_lines_total", "Ledger lines stored since start").increment(by: max(0, now.importedLines - before.importedLines))
        return registry.emitToBuffer()
    }

    private func gauge(_ name: String, _ help: String) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help))
    }

    private func counter(_ name: String, _ help: String) -> Prometheus.Counter {
        registry.makeCounter(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help))
    }

    /// `GET /metrics`: 401 without credentials, 403 for a user who is no administrator.
    func respond(_ request: Request, _ context: StyrRequestContext) -> Response {
        if let status = refusal(authorization: request.headers[.authorization], user: context.session?.user) {
            return Self.refusal(status)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: exposition())))
    }

    /// Why a caller may not read the metrics, or nil when they may.
    func refusal(authorization: String?, user: UserAccount?) -> HTTPResponse.Status? {
        if let authorization {
            guard let token, tokensMatch(authorization, "Bearer " + token) else { return .unauthorized }
            return nil
        }
        guard let user else { return .unauthorized }
        return user.assignments.contains(where: { $0.role == .admin }) ? nil : .forbidden
    }

    static func refusal(_ status: HTTPResponse.Status) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        let text = status == .unauthorized
            ? "Målingene krever innlogging som administrator eller Authorization: Bearer med STYR_METRICS_TOKEN.\n"
            : "Bare administratorer kan se målingene.\n"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
