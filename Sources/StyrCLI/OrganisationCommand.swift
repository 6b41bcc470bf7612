import ArgumentParser

/// `styr organisation …`: the organisation tree from the command line.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation", abstract: "Organisasjonstreet: opprett og vis organisasjoner.",
        subcommands: [OrganisationAddCommand.self, OrganisationListCommand.self])
}
