import ArgumentParser

/// `styr oidc …`: single sign-on's group claim → role mappings kept in the database.
struct OIDCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oidc", abstract: "Innlogging med identitetstjeneste: gruppekoblinger (gruppe → rolle i en organisasjon).",
        subcommands: [OIDCMapGroupCommand.self, OIDCListCommand.self, OIDCUnmapCommand.self, OIDCLinkNationalIDCommand.self])
}
