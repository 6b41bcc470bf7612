import Foundation
import StyrDomain

/// What the first administrator types on the set-up page: the top organisation (a municipality
/// or a ministry) and their own account.
public struct FirstAdministratorDraft: Sendable, Equatable {
    public var organisationCode: String
    public var organisationName: String
    public var name: String
    public var email: String
    public var password: String

    public init(organisationCode: String, organisationName: String, name: String, email: String, password: String) {
        self.organisationCode = organisationCode
        self.organisationName = organisationName
        self.name = name
        self.email = email
        self.password = password
    }
}

/// The first start without the demo: while no user exists, `styr serve` makes a one-time set-up
/// link (valid 24 hours, only its hash kept); on its page the first administrator creates the top
/// organisation and their own account with the admin role on it. Refusals name the draft's
/// fields: `organisationCode`, `organisationName`, `name`, `email`, `password`.
public struct SetupService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// At server start: a new set-up token when the database has no user (an earlier unused one
    /// stops working), else nil. The edge prints the link `/oppsett/<token>`.
    public func startIfNoUsers(now: Date = Date()) async throws -> String? {
        try await storage.write(as: "system:serve") { repositories in
            guard try await !repositories.accounts.hasUsers() else { return nil }
            return try await repositories.accounts.createSetupToken(now: now, lifetime: AccountAdministrationRules.setupLinkLifetime)
        }
    }

    /// Where a set-up link stands: a link of a database that has users already counts as spent.
    public func state(of token: String, now: Date = Date()) async throws -> OneTimeLinkState {
        guard Self.plausible(token) else { return .unknown }
        return try await storage.read { repositories in try await Self.state(token, now: now, repositories) }
    }

    /// Creates the top organisation (or takes the top organisation with that code, if it exists)
    /// and the administrator with the admin role on it, and spends the link: all or nothing.
    /// A link that is not open is `notFound` with a sentence saying why.
    public func complete(token: String, _ draft: FirstAdministratorDraft, now: Date = Date()) async throws -> UserAccount {
        guard Self.plausible(token) else { throw Self.refusal(.unknown) }
        var errors = InputErrors()
        let code = errors.keep(renaming: ["code": "organisationCode"]) { () throws(InputErrors) in try OrganisationTreeRules.code(draft.organisationCode) }
        let organisationName = errors.keep(renaming: ["name": "organisationName"]) { () throws(InputErrors) in
            try OrganisationTreeRules.name(draft.organisationName)
        }
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        errors.keep { () throws(InputErrors) in try AccountRules.validate(name: name) }
        let email = errors.keep { () throws(InputErrors) in try AccountRules.email(draft.email) }
        errors.keep { () throws(InputErrors) in try AccountRules.validate(password: draft.password) }
        let found = errors
        return try await storage.write(as: email ?? "system:setup") { repositories in
            let state = try await Self.state(token, now: now, repositories)
            guard state == .open else { throw Self.refusal(state) }
            var errors = found
            if let code, let existing = try await repositories.governance.organisation(code: code), existing.parentCode != nil {
                errors.add("organisationCode", "«\(code)» finnes allerede og ligger under «\(existing.parentCode!)». Velg en ny kode for den øverste organisasjonen.")
            }
            try ServiceError.rule { try errors.check() }
            guard let code, let organisationName, let email else { throw ServiceError.invalid(errors) }
            if try await repositories.governance.organisation(code: code) == nil {
                try await repositories.governance.save(Organisation(code: code, name: organisationName, kind: .municipality, parentCode: nil))
            }
            let user = UserAccount(email: email, name: name, assignments: [RoleAssignment(role: .admin, organisationCode: code)])
            try await repositories.accounts.save(user, password: draft.password)
            guard try await repositories.accounts.spendSetupToken(token, now: now) else { throw Self.refusal(.spent) }
            return user
        }
    }

    static func state(_ token: String, now: Date, _ repositories: Repositories) async throws -> OneTimeLinkState {
        let state = try await repositories.accounts.setupTokenState(token, now: now)
        if state == .open, try await repositories.accounts.hasUsers() { return .spent }
        return state
    }

    /// Longer than any token Styr makes, or empty: not looked up.
    static func plausible(_ token: String) -> Bool { !token.isEmpty && token.count <= AccountService.maximumTokenLength }

    /// Why a link cannot be used, in a sentence.
    public static func refusal(_ state: OneTimeLinkState) -> ServiceError {
        switch state {
        case .spent: .notFound("Oppsettlenken er allerede brukt. Logg inn med kontoen som ble laget, eller be en administrator om en invitasjon.")
        case .expired: .notFound("Oppsettlenken er utløpt. Start serveren på nytt for å få en ny lenke i loggen.")
        case .unknown, .open: .notFound("Oppsettlenken finnes ikke. Sjekk at hele lenken fra serverens logg er med.")
        }
    }
}

extension InputErrors {
    /// Runs a rule, keeping its field errors (renamed) here instead of throwing, so every field is checked.
    @discardableResult
    mutating func keep<T>(renaming names: [String: String] = [:], _ rule: () throws(InputErrors) -> T) -> T? {
        do {
            return try rule()
        } catch {
            for entry in error.entries { add(names[entry.field] ?? entry.field, entry.message) }
            return nil
        }
    }
}
