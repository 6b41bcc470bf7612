import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Steering signals: recorded by the department, confirmed in writing through approved formal
/// minutes or a letter; unconfirmed ones are shown with their age.
struct SignalController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/signaler") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            return try await list(scope, saved: request.uri.queryParameters.get("lagret"), context)
        }
        router.get("/organisasjoner/:code/signaler/ny") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let meetings = try await meetings(scope)
            var values = ["dato": CalendarDate.today().iso, "gitt_av": scope.user.name, "opphav": SignalOrigin.informalMeeting.rawValue]
            if let id = request.uri.queryParameters.get("mote", as: Int64.self), let meeting = meetings.first(where: { $0.id == id }) {
                values["mote"] = String(id)
                values["dato"] = meeting.date.iso
                values["opphav"] = meeting.kind.isFormal ? SignalOrigin.formalMeeting.rawValue : SignalOrigin.informalMeeting.rawValue
            }
            return pages.form(newPage(scope, meetings: meetings, values: values, errors: InputErrors()), context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/signaler/ny") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await create(scope, fields: fields, context)
        }
        router.get("/organisasjoner/:code/signaler/:id/bekreft") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let signal = try await find(scope, context)
            return try await confirmPage(scope, signal: signal, selected: "", errors: InputErrors(), context)
        }
        router.post("/organisasjoner/:code/signaler/:id/bekreft") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let signal = try await find(scope, context)
            return try await confirm(scope, signal: signal, choice: fields.text("bekreftelse"), context)
        }
    }

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/signaler", label: "Styringssignaler")]
    }

    func meetings(_ scope: DialogueScope) async throws -> [Meeting] {
        let code = scope.code
        return try await database.withConnection { db in try await SQLGovernanceStore(db).meetings(of: code) }
    }

    func find(_ scope: DialogueScope, _ context: StyrRequestContext) async throws -> SteeringSignal {
        let id = try requireID(context, pages: pages, what: "styringssignal")
        let code = scope.code
        guard let signal = try await database.withConnection({ db in try await SQLGovernanceStore(db).signals(of: code) }).first(where: { $0.id == id }) else {
            throw notFound(pages, context, heading: "Fant ikke signalet", message: "\(scope.organisation.name) har ikke noe styringssignal nr. \(id).")
        }
        return signal
    }

    func list(_ scope: DialogueScope, saved: String?, _ context: StyrRequestContext) async throws -> HTML {
        let code = scope.code
        let (signals, meetings, letters) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.signals(of: code), try await store.meetings(of: code), try await store.letters(of: code))
        }
        let today = CalendarDate.today()
        let canSteer = scope.can(.steer)
        let rows: [[String: Any]] = signals.reversed().map { signal in
            let id = signal.id ?? 0
            return [
                "id": id, "date": NorwegianFormat.date(signal.givenOn), "text": signal.text, "givenBy": signal.givenBy, "place": signal.place,
                "unconfirmed": !signal.isConfirmed, "age": signal.unconfirmedAge(on: today) ?? 0,
                "confirmedOn": signal.confirmedOn.map(NorwegianFormat.date) ?? "",
                "confirmation": Self.describe(signal.confirmation, meetings: meetings, letters: letters),
                "canConfirm": canSteer && !signal.isConfirmed, "confirmURL": "\(scope.base)/signaler/\(id)/bekreft",
                "historyURL": "/historikk?type=steeringSignal&nokkel=\("\(code)/\(id)".urlQueryEncoded)",
            ]
        }
        return pages.html("Styringssignaler – \(scope.organisation.name)", template: "signals", context: [
            "organisationName": scope.organisation.name, "signals": rows, "hasSignals": !rows.isEmpty, "saved": saved ?? "",
            "canSteer": canSteer, "newURL": "\(scope.base)/signaler/ny",
        ], context: context, trail: scope.trail)
    }

    static func describe(_ confirmation: SignalConfirmation?, meetings: [Meeting], letters: [AllocationLetter]) -> String {
        switch confirmation {
        case .minutesItem(let meetingID, let number)?:
            let meeting = meetings.first { $0.id == meetingID }
            return "referat fra \(meeting?.title ?? "møte \(meetingID)"), punkt \(number)"
        case .letter(let year, let number)?:
            return letters.first { $0.year == year && $0.number == number }?.kindName.lowercased() ?? "brev \(year)/\(number)"
        case nil:
            return ""
        }
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

    func create(_ scope: DialogueScope, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let meetings = try await meetings(scope)
        var errors = InputErrors()
        let date = CalendarDate(fields.text("dato"))
        if date == nil { errors.add("dato", "Skriv datoen signalet ble gitt (DD.MM.ÅÅÅÅ).") }
        var origin = SignalOrigin(rawValue: fields.text("opphav")) ?? .other
        var meeting: Meeting?
        if !fields.text("mote").isEmpty {
            meeting = meetings.first { String($0.id ?? 0) == fields.text("mote") }
            if meeting == nil { errors.add("mote", "Fant ikke møtet.") }
        }
        if let meeting {
            // The meeting decides whether the channel was formal.
            origin = meeting.kind.isFormal ? .formalMeeting : .informalMeeting
            if let date, date != meeting.date { errors.add("dato", "Møtet ble holdt \(NorwegianFormat.date(meeting.date)), ikke \(NorwegianFormat.date(date)).") }
        }
        let place = meeting.map { "\($0.title) \(NorwegianFormat.date($0.date))" } ?? fields.text("sted")
        if place.isEmpty { errors.add("sted", "Skriv hvor eller i hvilken anledning signalet ble gitt.") }
        let signal = SteeringSignal(
            organisationCode: scope.code, text: fields.text("tekst"), givenBy: fields.text("gitt_av"),
            givenOn: date ?? CalendarDate.today(), origin: origin, meetingID: meeting?.id, place: place, recordedBy: scope.user.email)
        for entry in SignalRules.validate(signal, today: CalendarDate.today()).entries { errors.add(entry.field, entry.message) }
        guard errors.isEmpty else {
            return pages.form(newPage(scope, meetings: meetings, values: fields, errors: errors), context: context, trail: trail(scope)).response
        }
        let email = scope.user.email
        let id = try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(signal) }
        return redirect(to: "\(scope.base)/signaler?lagret=\("Signalet er registrert som ubekreftet.".urlQueryEncoded)#signal-\(id)")
    }

    /// The written confirmations to choose from: items of formal minutes and issued letters.
    func confirmPage(_ scope: DialogueScope, signal: SteeringSignal, selected: String, errors: InputErrors, _ context: StyrRequestContext) async throws -> HTML {
        let code = scope.code
        let (meetings, letters) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.meetings(of: code), try await store.letters(of: code))
        }
        var options: [(value: String, label: String)] = [("", "Velg bekreftelse")]
        for meeting in meetings.reversed() where meeting.kind.isFormal {
            for item in meeting.items {
                let status = meeting.minutesStatus == .approved ? "" : " – referatet er ikke godkjent"
                options.append(("mote:\(meeting.id ?? 0):\(item.number)", "\(meeting.title) \(NorwegianFormat.date(meeting.date)), punkt \(item.number): \(item.text)\(status)"))
            }
        }
        for letter in letters.reversed() where letter.status == .issued {
            options.append(("brev:\(letter.year):\(letter.number)", "\(letter.kindName): \(letter.title) (\(letter.issuedOn.map(NorwegianFormat.date) ?? ""))"))
        }
        return pages.form(FormPage(
            kicker: scope.organisation.name, heading: "Bekreft styringssignal skriftlig",
            intro: "«\(signal.text)» – gitt av \(signal.givenBy) \(NorwegianFormat.date(signal.givenOn)), \(signal.place). Velg punktet i et godkjent referat fra et etatsstyringsmøte, eller tildelingsbrevet, som bekrefter signalet.",
            action: "\(scope.base)/signaler/\(signal.id ?? 0)/bekreft", submitLabel: "Bekreft",
            fields: [FormField(name: "bekreftelse", label: "Skriftlig bekreftelse", kind: .select(options), value: selected)],
            errors: errors, errorHeading: "Signalet er ikke bekreftet", cancelURL: "\(scope.base)/signaler"), context: context, trail: trail(scope))
    }

    func confirm(_ scope: DialogueScope, signal: SteeringSignal, choice: String, _ context: StyrRequestContext) async throws -> Response {
        let parts = choice.split(separator: ":").map(String.init)
        let confirmation: SignalConfirmation?
        if parts.count == 3, parts[0] == "mote", let id = Int64(parts[1]), let number = Int(parts[2]) {
            confirmation = .minutesItem(meetingID: id, itemNumber: number)
        } else if parts.count == 3, parts[0] == "brev", let year = Int(parts[1]), let number = Int(parts[2]) {
            confirmation = .letter(year: year, number: number)
        } else {
            confirmation = nil
        }
        guard let confirmation else {
            return try await confirmPage(scope, signal: signal, selected: choice, errors: .single("bekreftelse", "Velg hva som bekrefter signalet."), context).response
        }
        let code = scope.code, email = scope.user.email
        do {
            try await database.transaction { db in
                let store = SQLGovernanceStore(db, actor: email)
                let confirmed = try SignalRules.confirm(signal, with: confirmation, meetings: try await store.meetings(of: code),
                                                        letters: try await store.letters(of: code))
                try await store.save(confirmed)
            }
        } catch let refused as InputErrors {
            return try await confirmPage(scope, signal: signal, selected: choice, errors: refused, context).response
        }
        return redirect(to: "\(scope.base)/signaler?lagret=\("Signalet er bekreftet skriftlig.".urlQueryEncoded)#signal-\(signal.id ?? 0)")
    }
}
