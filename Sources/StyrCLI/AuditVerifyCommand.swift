import ArgumentParser
import StyrDomain
import StyrServices

/// `styr audit verify`: exit 0 when the hash chain holds, 1 with the first entry edited or deleted.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Kontrollerer hashkjeden i revisjonsloggen og finner første endrede eller slettede oppføring.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let verification = try await databaseOptions.withContext { context in
            try await context.services.history.verify(by: try await context.services.organisations.commandLineUser())
        }
        switch verification {
        case .intact(let entries):
            print("Revisjonsloggen er intakt: \(entries) oppføringer, hashkjeden henger sammen.")
        case .broken(let sequence, let reason):
            printError("Revisjonsloggen er brutt ved oppføring \(sequence). \(reason)")
            throw ExitCode(1)
        }
    }
}
