import Foundation

/// Where Styr keeps its data: an SQLite file (the embedded default) or a PostgreSQL server.
///
/// Accepted forms: `sqlite:///absolute/path.sqlite`, `sqlite://relative.sqlite`, `sqlite:file.sqlite`,
/// and `postgres://user:password@host:port/database[?sslmode=disable|prefer|require|verify-full][&search_path=schema]`.
public enum DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public struct PostgresLocation: Hashable, Sendable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        public var sslMode: SSLMode
        /// The schema to work in (`?search_path=…`), when not the server's default.
        public var searchPath: String?

        public enum SSLMode: String, Sendable {
            case disable, prefer, require
            case verifyFull = "verify-full"
        }
    }

    /// The default: `styr.sqlite` in the working directory.
    public static let defaultURL = DatabaseURL.sqlite(path: "styr.sqlite")

    public init(parsing text: String) throws(DatabaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw DatabaseURLError(url: text, reason: "mangler filsti etter «sqlite://»") }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
            return
        }
        guard trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") else {
            throw DatabaseURLError(url: text, reason: "ukjent skjema; bruk sqlite:///sti/fil.sqlite eller postgres://bruker:passord@vert:port/database")
        }
        guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty else {
            throw DatabaseURLError(url: text, reason: "kan ikke lese vertsnavnet")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw DatabaseURLError(url: text, reason: "mangler databasenavn etter vertsnavnet") }
        guard let username = components.user, !username.isEmpty else {
            throw DatabaseURLError(url: text, reason: "mangler brukernavn (postgres://bruker@vert/database)")
        }
        let sslValue = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let sslMode = PostgresLocation.SSLMode(rawValue: sslValue) else {
            throw DatabaseURLError(url: text, reason: "ukjent sslmode «\(sslValue)»; bruk disable, prefer, require eller verify-full")
        }
        self = .postgres(PostgresLocation(
            host: host, port: components.port ?? 5432, username: username.removingPercentEncoding ?? username,
            password: components.password?.removingPercentEncoding, database: database, sslMode: sslMode,
            searchPath: components.queryItems?.first { $0.name == "search_path" }?.value
        ))
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let location): "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)"
        }
    }
}

public struct DatabaseURLError: Error, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var description: String { "Ugyldig database-URL: \(reason)." }
}
