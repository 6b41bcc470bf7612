import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `SignalService`: access first, then the rule, then one transaction that saves and audits.
@Suite("Signal service")
struct SignalServiceTests {
    static let draft = SignalDraft(
        text: "Prioriter nytt intranett.", givenBy: "Frida Finans", givenOn: CalendarDate("2020-06-10"), origin: .other, meetingID: nil,
        place: "telefonsamtale")

    @Test("who may record a signal, and where", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            await #expect(throws: ServiceError.unauthenticated) { try await services.signals.record(Self.draft, in: "UKE", by: nil) }
            for email in [ServiceTestApp.editor, ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.signals.record(Self.draft, in: "UKE", by: users[email])
                }
            }
            // An unknown code is answered as a code that is not the user's (no probing).
            await #expect(throws: ServiceError.forbidden(organisationCode: "XYZ")) {
                try await services.signals.record(Self.draft, in: "XYZ", by: users[ServiceTestApp.finSteerer])
            }
            let fin = try #require(users[ServiceTestApp.finSteerer])
            do {
                _ = try await services.signals.list(in: "FIN", by: fin)
                Issue.record("a department has no signals of its own")
            } catch ServiceError.notAnAgency(let code, _) {
                #expect(code == "FIN")
            }
            let before = try await services.signals.list(in: "UKE", by: fin).signals.count
            let signal = try await services.signals.record(Self.draft, in: "UKE", by: fin)
            #expect(signal.id != nil && signal.recordedBy == fin.email && signal.origin == .other && !signal.isConfirmed)
            #expect(try await services.signals.list(in: "UKE", by: fin).signals.count == before + 1)
        }
    }

    @Test("a refused signal names the domain's fields and stores nothing", arguments: TestDatabase.backends)
    func refused(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let before = try await services.signals.list(in: "UKE", by: fin).signals
            var draft = Self.draft
            draft.place = ""
            draft.givenBy = ""
            draft.givenOn = nil
            do {
                _ = try await services.signals.record(draft, in: "UKE", by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["givenOn", "givenBy", "place"])
            }
            #expect(try await services.signals.list(in: "UKE", by: fin).signals == before)
            await #expect(throws: ServiceError.invalid(.single("confirmation", "Velg hva som bekrefter signalet."))) {
                try await services.signals.confirm(before[0].id!, with: nil, in: "UKE", by: fin)
            }
        }
    }
}
