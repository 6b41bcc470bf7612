import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Steering signals: recorded by the department, confirmed in writing through approved formal
/// minutes or a letter; unconfirmed ones are shown with their age. The rules are
/// `SignalService`'s; this page only translates the form and the view.
struct SignalController: Sendable {
    let signals: SignalService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields.
    static let formFields = [
        "text": "tekst", "givenBy": "gitt_av", "givenOn": "dato", "origin": "opphav", "meeting": "mote", "place": "sted",
        "confirmation": "bekreftelse",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/signaler") { request, context in
            let listing = try await signals.list(in: try context.parameters.require("code"), by: context.session?.user)
            return list(listing, saved: Confirmation.message(request, context), context)
        }
        router.get("/organisasjoner/:code/signaler/ny") { request, context in
            let (scope, meetings) = try await signals.prepareRecord(in: try context.parameters.require("code"), by: context.session?.user)
            var values = ["dato": CalendarDate.today().iso, "gitt_av": scope.user.name, "opphav": SignalOrigin.informalMeeting.rawValue]
            if let id = request.uri.queryParameters.get("mote", as: Int64.self), let meeting = meetings.first(where: { $0.id == id }) {
                values["mote"] = String(id)
                values["dato"] = meeting.date.iso
                values["opphav"] = meeting.kind.isFormal ? SignalOrigin.formalMeeting.rawValue : SignalOrigin.informalMeeting.rawValue
            }
            return pages.form(newPage(scope, meetings: meetings, values: values, errors: InputErrors()), context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/signaler/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await create(try context.parameters.require("code"), fields: fields, context)
        }
        router.get("/organisasjoner/:code/signaler/:id/bekreft") { request, context in
            let id = try requireID(context, pages: pages, what: "styringssignal")
            let found = try await signals.signal(id, in: try context.parameters.require("code"), by: context.session?.user, permission: .steer)
            return confirmPage(found.scope, signal: found.signal, listing: found.listing, selected: "", errors: InputErrors(), context)
        }
        router.post("/organisasjoner/:code/signaler/:id/bekreft") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "styringssignal")
            return try await confirm(id, in: try context.parameters.require("code"), choice: fields.text("bekreftelse"), context)
        }
    }

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/signaler", label: "Styringssignaler")]
    }

    func list(_ listing: SignalService.Listing, saved: String?, _ context: StyrRequestContext) -> HTML {
        pages.html("Styringssignaler – \(listing.scope.organisation.name)", template: "signals",
                   model: SignalsView(listing, saved: saved, today: CalendarDate.today()), context: context, trail: listing.scope.trail)
    }

    func newPage(_ scope: DialogueScope, meetings: [Meeting], values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Registrer styringssignal",
            intro: "Skriv ned signalet slik det ble gitt. Et signal fra et uformelt møte eller en samtale står som ubekreftet til det er bekreftet skriftlig.",
            action: "\(scope.base)/signaler/ny", submitLabel: "Registrer signalet",
            fields: [
                FormField(name: "tekst", label: "Signalet", kind: .textarea, value: values["tekst"] ?? ""),
                FormField(name: "gitt_av", label: "Gitt av", value: values["gitt_av"] ?? "", hint: "Navn og rolle."),
                FormField(name: "dato", label: "Dato", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "opphav", label: "Hvor ble det gitt", kind: .select(SignalOrigin.allCases.map { ($0.rawValue, $0.norwegianName) }), value: values["opphav"] ?? ""),
                FormField(name: "mote", label: "Møte", kind: .select([("", "Ikke i et registrert møte")] + meetings.reversed().map {
                    (String($0.id ?? 0), "\(NorwegianFormat.date($0.date)) \($0.title) (\($0.kind.norwegianName.lowercased()))")
                }), value: values["mote"] ?? ""),
                FormField(name: "sted", label: "Sted eller anledning", value: values["sted"] ?? "", hint: "F.eks. «telefonsamtale». Fylles ut fra møtet om du velger et."),
            ],
            errors: errors, errorHeading: "Signalet er ikke registrert", cancelURL: "\(scope.base)/signaler")
    }

    /// The form as a draft: a meeting that is not a number is one that does not exist (id 0).
    static func draft(_ fields: [String: String]) -> SignalDraft {
        SignalDraft(
            text: fields.text("tekst"), givenBy: fields.text("gitt_av"), givenOn: CalendarDate(fields.text("dato")),
            origin: SignalOrigin(rawValue: fields.text("opphav")),
            meetingID: fields.text("mote").isEmpty ? nil : Int64(fields.text("mote")) ?? 0, place: fields.text("sted"))
    }

    func create(_ code: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            let signal = try await signals.record(Self.draft(fields), in: code, by: user)
            return Confirmation.redirect(
                to: "/organisasjoner/\(code.urlPathEncoded)/signaler#signal-\(signal.id ?? 0)", message: "Signalet er registrert som ubekreftet.", context)
        } catch ServiceError.invalid(let errors) {
            let (scope, meetings) = try await signals.prepareRecord(in: code, by: user)
            return pages.form(newPage(scope, meetings: meetings, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                              trail: trail(scope)).response
        }
    }

    /// The written confirmations to choose from: items of formal minutes and issued letters.
    func confirmPage(_ scope: DialogueScope, signal: SteeringSignal, listing: SignalService.Listing, selected: String, errors: InputErrors,
                     _ context: StyrRequestContext) -> HTML {
        var options: [(value: String, label: String)] = [("", "Velg bekreftelse")]
        for meeting in listing.meetings.reversed() where meeting.kind.isFormal {
            for item in meeting.items {
                let status = meeting.minutesStatus == .approved ? "" : " – referatet er ikke godkjent"
                options.append(("mote:\(meeting.id ?? 0):\(item.number)", "\(meeting.title) \(NorwegianFormat.date(meeting.date)), punkt \(item.number): \(item.text)\(status)"))
            }
        }
        for letter in listing.letters.reversed() where letter.status == .issued {
            options.append(("brev:\(letter.year):\(letter.number)", "\(letter.kindName): \(letter.title) (\(letter.issuedOn.map(NorwegianFormat.date) ?? ""))"))
        }
        return pages.form(FormPage(
            kicker: scope.organisation.name, heading: "Bekreft styringssignal skriftlig",
            intro: "«\(signal.text)» – gitt av \(signal.givenBy) \(NorwegianFormat.date(signal.givenOn)), \(signal.place). Velg punktet i et godkjent referat fra et etatsstyringsmøte, eller tildelingsbrevet, som bekrefter signalet.",
            action: "\(scope.base)/signaler/\(signal.id ?? 0)/bekreft", submitLabel: "Bekreft",
            fields: [FormField(name: "bekreftelse", label: "Skriftlig bekreftelse", kind: .select(options), value: selected)],
            errors: errors, errorHeading: "Signalet er ikke bekreftet", cancelURL: "\(scope.base)/signaler"), context: context, trail: trail(scope))
    }

    /// `mote:ID:ITEM` or `brev:YEAR:NUMBER`, as the select's values are written.
    static func confirmation(_ choice: String) -> SignalConfirmation? {
        let parts = choice.split(separator: ":").map(String.init)
        if parts.count == 3, parts[0] == "mote", let id = Int64(parts[1]), let number = Int(parts[2]) {
            return .minutesItem(meetingID: id, itemNumber: number)
        } else if parts.count == 3, parts[0] == "brev", let year = Int(parts[1]), let number = Int(parts[2]) {
            return .letter(year: year, number: number)
        }
        return nil
    }

    func confirm(_ id: Int64, in code: String, choice: String, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            _ = try await signals.confirm(id, with: Self.confirmation(choice), in: code, by: user)
        } catch ServiceError.invalid(let errors) {
            let found = try await signals.signal(id, in: code, by: user, permission: .steer)
            return confirmPage(found.scope, signal: found.signal, listing: found.listing, selected: choice,
                               errors: errors.renamed(Self.formFields), context).response
        }
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/signaler#signal-\(id)", message: "Signalet er bekreftet skriftlig.", context)
    }
}
