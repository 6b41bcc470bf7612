import Foundation
@testable import StyrCLI
import StyrOIDC
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `styr oidc map-group`, `list` and `unmap` through the group mapping service; the national
/// identity number's hash that `styr oidc link-pid` and sign-in share.
@Suite("styr oidc")
struct OIDCCLITests {
    @Test("map-group stores a mapping, a wrong one is refused, unmap removes it", arguments: TestDatabase.backends)
    func groupMappings(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["oidc", "map-group", "--group", "g-revisjon", "--role", "revisor", "--org", "UKE", "--database", database])
            #expect(try await AccountCLITests.count("oidc_group_mappings", database) == 1)
            try await CLITests.run(["oidc", "list", "--database", database])
            let twice = await AccountCLITests.refusal(["oidc", "map-group", "--group", "g-revisjon", "--role", "revisor", "--org", "UKE", "--database", database])
            #expect(twice?.exitCode == 1)
            #expect(twice?.message == "Gruppen «g-revisjon» gir allerede rollen revisor i «UKE».")
            let unknown = await AccountCLITests.refusal(["oidc", "map-group", "--group", "g", "--role", "revisor", "--org", "XYZ", "--database", database])
            #expect(unknown?.exitCode == 3)
            let id = try await AccountCLITests.withDatabase(database) { database in
                try await Services(storage: SQLStorage(database)).oidcGroupMappings.list(by: try await Services(storage: SQLStorage(database)).organisations.commandLineUser()).mappings[0].id
            }
            try await CLITests.run(["oidc", "unmap", "--id", String(id), "--database", database])
            #expect(try await AccountCLITests.count("oidc_group_mappings", database) == 0)
            #expect(await AccountCLITests.refusal(["oidc", "unmap", "--id", String(id), "--database", database])?.exitCode == 3)
        }
    }

    @Test("a national identity number is kept only as a stable PBKDF2 hash; anything but 11 digits is refused")
    func nationalIDHash() throws {
        let hash = try #require(NationalIDHash.hash("01017012345"))
        #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
        #expect(NationalIDHash.hash("010170 12345") == hash)
        #expect(NationalIDHash.hash("01017012346") != hash)
        #expect(!hash.contains("01017012345"))
        #expect(NationalIDHash.hash("1234") == nil)
        #expect(NationalIDHash.hash("0101701234x") == nil)
    }
}
