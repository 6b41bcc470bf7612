import Foundation

/// Runs PostgreSQL's client programs (`pg_dump`, `pg_restore`) against a location, the password
/// passed in the environment, never on the command line. `STYR_PG_BIN` names their directory
/// when the ones on `PATH` are older than the server (pg_dump refuses a newer server).
enum PostgresTools {
    static func run(_ program: String, _ arguments: [String], location: DatabaseURL.PostgresLocation) throws {
        let process = Process()
        let environment = ProcessInfo.processInfo.environment
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let executable = environment["STYR_PG_BIN"].map { "\($0)/\(program)" } ?? program
        process.arguments = [executable, "--host=\(location.host)", "--port=\(location.port)", "--username=\(location.username)",
                             "--no-password", "--dbname=\(location.database)"] + arguments
        var childEnvironment = environment
        childEnvironment["PGPASSWORD"] = location.password
        childEnvironment["PGSSLMODE"] = location.sslMode.rawValue
        process.environment = childEnvironment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DatabaseBackup.Failure("Kan ikke starte \(program): \(error.localizedDescription). Er PostgreSQL-klientprogrammene installert?")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            let hint = detail.contains("version mismatch")
                ? " Bruk \(program) fra samme eller nyere PostgreSQL-versjon som tjeneren (STYR_PG_BIN=/usr/lib/postgresql/NN/bin)." : ""
            throw DatabaseBackup.Failure("\(program) feilet (kode \(process.terminationStatus)): \(detail)\(hint)")
        }
    }
}
