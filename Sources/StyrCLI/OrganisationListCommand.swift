import ArgumentParser
import StyrDomain

/// `styr organisation list`: the tree, indented, with each unit's code, kind and whether it is closed.
struct OrganisationListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Viser organisasjonstreet.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let organisations = try await databaseOptions.withContext { context in
            try await context.services.organisations.readable(by: try await context.services.organisations.commandLineUser())
        }
        guard !organisations.isEmpty else {
            print("Ingen organisasjoner ennå. Opprett den øverste med «styr organisation add --code KODE --name NAVN».")
            return
        }
        for (organisation, depth) in OrganisationTreeRules.ordered(organisations) {
            let closed = organisation.closedOn.map { ", lagt ned \(NorwegianFormat.date($0))" } ?? ""
            print("\(String(repeating: "  ", count: depth))\(organisation.code)  \(organisation.name) (\(organisation.kind.norwegianName.lowercased())\(closed))")
        }
    }
}
