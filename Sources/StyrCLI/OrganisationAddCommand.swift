import ArgumentParser
import StyrDomain
import StyrServices

/// `styr organisation add --code … --name … [--kind …] [--parent …]`: creates an organisation; without
/// a parent, the top of the tree (a municipality or ministry), as on an empty database.
struct OrganisationAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Oppretter en organisasjon (uten --parent: den øverste, kommunen eller departementet).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Kort, unik kode, f.eks. OSLO eller UKE.")
    var code: String

    @Option(help: "Navnet, f.eks. «Oslo kommune».")
    var name: String

    @Option(help: "Type: kommune (øverst), byrådsavdeling, etat eller seksjon (standard: kommune uten --parent).")
    var kind: String?

    @Option(help: "Koden til organisasjonen den skal ligge under.")
    var parent: String?

    static func kind(_ text: String) -> OrganisationKind? {
        if let kind = OrganisationKind(rawValue: text) { return kind }
        switch text.lowercased() {
        case "kommune", "departement", "ministry": return .municipality
        case "byrådsavdeling", "avdeling": return .department
        case "etat", "direktorat": return .agency
        case "seksjon": return .section
        default: return nil
        }
    }

    func validate() throws {
        if let kind, Self.kind(kind) == nil {
            throw ValidationError("Ukjent type «\(kind)». Bruk kommune, byrådsavdeling, etat eller seksjon.")
        }
    }

    func run() async throws {
        let (code, name, parent) = (code, name, parent)
        let kind = kind.flatMap(Self.kind) ?? (parent == nil ? .municipality : nil)
        let created = try await databaseOptions.withContext { context in
            guard let parent else {
                guard kind == .municipality else {
                    throw ServiceError.invalid(.single("parentCode", "En \(kind?.norwegianName.lowercased() ?? "organisasjon") må ha --parent; bare den øverste står alene."))
                }
                return try await context.services.organisationAdministration.createTopLevel(code: code, name: name)
            }
            let user = try await context.services.organisations.commandLineUser()
            return try await context.services.organisationAdministration.create(
                OrganisationDraft(code: code, name: name, kind: kind, parentCode: parent), by: user)
        }
        print("Opprettet \(created.name) (\(created.code), \(created.kind.norwegianName.lowercased()))\(created.parentCode.map { " under \($0)" } ?? "").")
    }
}
