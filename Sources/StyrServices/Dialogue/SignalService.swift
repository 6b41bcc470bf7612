import StyrDomain

/// Steering signals: recorded by the department, confirmed in writing through approved formal
/// minutes or an issued letter (`SignalRules`). Pages, API and command line call these.
public struct SignalService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The agency's signals with the meetings and letters that can confirm them.
    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var signals: [SteeringSignal]
        public var meetings: [Meeting]
        public var letters: [AllocationLetter]
    }

    public func list(in code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            return Listing(scope: scope, signals: try await store.signals(of: code), meetings: try await store.meetings(of: code),
                           letters: try await store.letters(of: code))
        }
    }

    /// What recording a signal needs to show its form: the scope (the user must steer) and the
    /// agency's meetings.
    public func prepareRecord(in code: String, by user: UserAccount?) async throws -> (scope: OrganisationScope, meetings: [Meeting]) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            return (scope, try await repositories.governance.meetings(of: code))
        }
    }

    /// Records a signal as unconfirmed; returns it with its id.
    public func record(_ draft: SignalDraft, in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> SteeringSignal {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let meetings = try await repositories.governance.meetings(of: code)
            var signal = try ServiceError.rule {
                try SignalRules.record(draft, organisationCode: code, meetings: meetings, recordedBy: scope.user.email, today: today)
            }
            signal.id = try await repositories.governance.save(signal)
            return signal
        }
    }

    /// The signal, for a page that asks how to confirm it.
    public func signal(_ id: Int64, in code: String, by user: UserAccount?, permission: Permission = .read) async throws -> (scope: OrganisationScope, signal: SteeringSignal, listing: Listing) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(permission, on: code, by: user, repositories)
            let store = repositories.governance
            let listing = Listing(scope: scope, signals: try await store.signals(of: code), meetings: try await store.meetings(of: code),
                                  letters: try await store.letters(of: code))
            guard let signal = listing.signals.first(where: { $0.id == id }) else { throw Self.notFound(id, scope) }
            return (scope, signal, listing)
        }
    }

    /// Confirms the signal in writing; nil (nothing chosen) is refused for the `confirmation` field.
    public func confirm(_ id: Int64, with confirmation: SignalConfirmation?, in code: String, by user: UserAccount?) async throws -> SteeringSignal {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let store = repositories.governance
            guard let signal = try await store.signals(of: code).first(where: { $0.id == id }) else { throw Self.notFound(id, scope) }
            guard let confirmation else {
                throw ServiceError.invalid(.single("confirmation", "Velg hva som bekrefter signalet."))
            }
            let meetings = try await store.meetings(of: code), letters = try await store.letters(of: code)
            let confirmed = try ServiceError.rule { try SignalRules.confirm(signal, with: confirmation, meetings: meetings, letters: letters) }
            try await store.save(confirmed)
            return confirmed
        }
    }

    static func notFound(_ id: Int64, _ scope: OrganisationScope) -> ServiceError {
        .notFound("\(scope.organisation.name) har ikke noe styringssignal nr. \(id).")
    }
}
