import ArgumentParser

/// `styr`: the command line of Styr. Each subcommand is a file of its own.
public struct StyrCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "styr",
        abstract: "Styr – etatsstyring: mål, budsjett, regnskap og rapporter.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, ReportCommand.self, CheckCommand.self, AuditCommand.self,
            UserCommand.self, OrganisationCommand.self, TokenCommand.self, ImportCommand.self, ExportCommand.self, LedgerCommand.self, BenchCommand.self,
            CodesCommand.self, BackupCommand.self, RestoreCommand.self, OIDCCommand.self,
        ]
    )

    public init() {}
}
