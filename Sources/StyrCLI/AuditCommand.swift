import ArgumentParser

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Revisjonsloggen: hvem endret hva, når, med verdiene før og etter.",
        subcommands: [AuditVerifyCommand.self, AuditLogCommand.self, AuditAnchorCommand.self])
}
