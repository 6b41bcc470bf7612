import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Steering signals through the API: the same use cases as the pages (`SignalService`).
extension StyrAPIHandler {
    static func signalSchema(_ signal: SteeringSignal, today: CalendarDate) -> Components.Schemas.SteeringSignal {
        let confirmation: Components.Schemas.SignalConfirmation? = switch signal.confirmation {
        case .minutesItem(let meetingID, let itemNumber)?: Components.Schemas.SignalConfirmation(meetingId: meetingID, itemNumber: itemNumber)
        case .letter(let year, let number)?: Components.Schemas.SignalConfirmation(letterYear: year, letterNumber: number)
        case nil: nil
        }
        return Components.Schemas.SteeringSignal(
            id: signal.id ?? 0, organisationCode: signal.organisationCode, text: signal.text, givenBy: signal.givenBy,
            givenOn: signal.givenOn.iso, origin: Self.origin(signal.origin),
            meetingId: signal.meetingID, place: signal.place, recordedBy: signal.recordedBy, confirmed: signal.isConfirmed,
            confirmation: confirmation, confirmedOn: signal.confirmedOn?.iso, unconfirmedDays: signal.unconfirmedAge(on: today))
    }

    func listSignals(_ input: Operations.ListSignals.Input) async throws -> Operations.ListSignals.Output {
        let listing = try await service { try await services.signals.list(in: input.path.code, by: APICaller.current) }
        let today = CalendarDate.today()
        return .ok(.init(body: .json(Components.Schemas.SteeringSignalList(items: listing.signals.map { Self.signalSchema($0, today: today) }))))
    }

    /// The operation's name of each of the signal rule's fields.
    static let signalFields = ["meeting": "meetingId", "confirmation": "confirmation"]

    func createSignal(_ input: Operations.CreateSignal.Input) async throws -> Operations.CreateSignal.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let givenOn = try Self.date(body.givenOn, field: "givenOn")
        let draft = SignalDraft(
            text: body.text, givenBy: body.givenBy, givenOn: givenOn, origin: Self.origin(body.origin), meetingID: body.meetingId,
            place: body.place ?? "")
        let created = try await service(fields: Self.signalFields) {
            try await services.signals.record(draft, in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.signalSchema(created, today: CalendarDate.today()))))
    }

    static func origin(_ origin: SignalOrigin) -> Components.Schemas.SignalOrigin {
        switch origin {
        case .formalMeeting: .formalMeeting
        case .informalMeeting: .informalMeeting
        case .other: .other
        }
    }

    static func origin(_ origin: Components.Schemas.SignalOrigin) -> SignalOrigin {
        switch origin {
        case .formalMeeting: .formalMeeting
        case .informalMeeting: .informalMeeting
        case .other: .other
        }
    }

    func confirmSignal(_ input: Operations.ConfirmSignal.Input) async throws -> Operations.ConfirmSignal.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let confirmation: SignalConfirmation?
        switch (body.meetingId, body.itemNumber, body.letterYear, body.letterNumber) {
        case (let meetingID?, let itemNumber?, nil, nil): confirmation = .minutesItem(meetingID: meetingID, itemNumber: itemNumber)
        case (nil, nil, let year?, let number?): confirmation = .letter(year: year, number: number)
        default:
            throw APIProblem.invalid(
                "confirmation: Oppgi enten meetingId og itemNumber (et punkt i et godkjent referat) eller letterYear og letterNumber (et utstedt tildelingsbrev).")
        }
        let confirmed = try await service(fields: Self.signalFields) {
            try await services.signals.confirm(input.path.id, with: confirmation, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.signalSchema(confirmed, today: CalendarDate.today()))))
    }
}
