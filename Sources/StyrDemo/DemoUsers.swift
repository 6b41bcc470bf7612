import StyrDomain
import StyrStorage

/// One demo user per role, for trying Styr with the demo data.
public enum DemoUsers {
    public static let users: [UserAccount] = [
        UserAccount(email: "admin@styr.demo", name: "Ada Administrator", assignments: [RoleAssignment(role: .admin, organisationCode: "OSLO")]),
        UserAccount(email: "etatsstyrer@fin.styr.demo", name: "Frida Finans", assignments: [RoleAssignment(role: .departmentSteerer, organisationCode: "FIN")]),
        UserAccount(email: "etatsstyrer@blk.styr.demo", name: "Bjørn Byrådsleder", assignments: [RoleAssignment(role: .departmentSteerer, organisationCode: "BLK")]),
        UserAccount(email: "redaktor@uke.styr.demo", name: "Ulrik Redaktør", assignments: [RoleAssignment(role: .agencyEditor, organisationCode: "UKE")]),
        UserAccount(email: "leder@uke.styr.demo", name: "Line Leder", assignments: [RoleAssignment(role: .agencyLeader, organisationCode: "UKE")]),
        UserAccount(email: "revisor@styr.demo", name: "Rolf Revisor", assignments: [RoleAssignment(role: .auditor, organisationCode: "OSLO")]),
    ]

    /// Creates the demo users (or keeps them) with new random passwords, and returns them.
    public static func ensure(in database: Database, bcryptCost: UInt8 = 12) async throws -> [(user: UserAccount, password: String)] {
        let credentials = users.map { ($0, SQLAccountStore.randomPassword()) }
        try await database.transaction { db in
            let store = SQLAccountStore(db, bcryptCost: bcryptCost)
            for (user, password) in credentials { try await store.save(user, password: password) }
        }
        return credentials
    }
}
