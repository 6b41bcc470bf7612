import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Meetings between the department and an agency: the department records them and writes the
/// minutes; both sides approve the minutes, after which they are locked.
struct MeetingController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/moter") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            return try await list(scope, saved: request.uri.queryParameters.get("lagret"), context)
        }
        router.get("/organisasjoner/:code/moter/ny") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let blank = Meeting(organisationCode: scope.code, chairedByCode: scope.steeringDepartmentCode, kind: .governance, title: "",
                                date: CalendarDate.today())
            return pages.form(formPage(scope, meeting: blank, values: values(of: blank), errors: InputErrors()), context: context,
                              trail: trail(scope))
        }
        router.post("/organisasjoner/:code/moter/ny") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let blank = Meeting(organisationCode: scope.code, chairedByCode: scope.steeringDepartmentCode, kind: .governance, title: "",
                                date: CalendarDate.today())
            return try await save(scope, original: blank, fields: fields, context)
        }
        router.get("/organisasjoner/:code/moter/:id") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            let meeting = try await find(scope, context)
            return try await show(scope, meeting: meeting, saved: request.uri.queryParameters.get("lagret"), error: nil, context)
        }
        router.get("/organisasjoner/:code/moter/:id/rediger") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let meeting = try await find(scope, context)
            guard meeting.minutesStatus != .approved else { return try await show(scope, meeting: meeting, saved: nil, error: Self.lockedMessage, context) }
            return pages.form(formPage(scope, meeting: meeting, values: values(of: meeting), errors: InputErrors()), context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/moter/:id/rediger") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let meeting = try await find(scope, context)
            return try await save(scope, original: meeting, fields: fields, context)
        }
        router.post("/organisasjoner/:code/moter/:id/godkjenn") { request, context in
            let fields = try await FormBody.read(request, context: context)
            let side: MeetingSide = fields["side"] == "agency" ? .agency : .department
            let scope = try await access.agencyScope(side == .agency ? .approveMinutes : .steer, request, context)
            try access.requireCSRF(fields, context)
            let meeting = try await find(scope, context)
            return try await approve(scope, meeting: meeting, side: side, context)
        }
    }

    static let lockedMessage = "Referatet er godkjent av begge parter og kan ikke endres."

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/moter", label: "Møter")]
    }

    func find(_ scope: DialogueScope, _ context: StyrRequestContext) async throws -> Meeting {
        let id = try requireID(context, pages: pages, what: "møte")
        guard let meeting = try await database.withConnection({ db in try await SQLGovernanceStore(db).meeting(id: id) }),
              meeting.organisationCode == scope.code else {
            throw notFound(pages, context, heading: "Fant ikke møtet", message: "\(scope.organisation.name) har ikke noe møte nr. \(id).")
        }
        return meeting
    }

    func list(_ scope: DialogueScope, saved: String?, _ context: StyrRequestContext) async throws -> HTML {
        let code = scope.code
        let meetings = try await database.withConnection { db in try await SQLGovernanceStore(db).meetings(of: code) }
        let rows: [[String: Any]] = meetings.reversed().map { meeting in
            ["date": NorwegianFormat.date(meeting.date), "title": meeting.title, "kind": meeting.kind.norwegianName,
             "url": "\(scope.base)/moter/\(meeting.id ?? 0)", "status": meeting.minutesStatus.norwegianName,
             "decisions": meeting.items.filter { $0.kind == .decision }.count, "actions": meeting.items.filter { $0.kind == .actionItem }.count]
        }
        return pages.html("Møter – \(scope.organisation.name)", template: "meetings", context: [
            "organisationName": scope.organisation.name, "meetings": rows, "hasMeetings": !rows.isEmpty, "saved": saved ?? "",
            "canSteer": scope.can(.steer), "newURL": "\(scope.base)/moter/ny",
        ], context: context, trail: scope.trail)
    }

    func show(_ scope: DialogueScope, meeting: Meeting, saved: String?, error: String?, _ context: StyrRequestContext) async throws -> HTML {
        let code = scope.code, id = meeting.id ?? 0
        let signals = try await database.withConnection { db in try await SQLGovernanceStore(db).signals(of: code) }.filter { $0.meetingID == id }
        let status = meeting.minutesStatus
        let canSteer = scope.can(.steer)
        let minutes = Paragraphs.split(meeting.minutes)
        let topics = meeting.topics.map(\.norwegianName) + meeting.otherTopics
        return pages.html(meeting.title, template: "meeting", context: [
            "organisationName": scope.organisation.name, "kind": meeting.kind.norwegianName, "title": meeting.title,
            "saved": saved ?? "", "error": error ?? "", "hasError": error != nil, "isInformal": !meeting.kind.isFormal,
            "date": NorwegianFormat.date(meeting.date), "chairedBy": scope.name(of: meeting.chairedByCode), "status": status.norwegianName,
            "departmentApproval": meeting.departmentApproval.map { "\($0.by), \(NorwegianFormat.date($0.on))" } ?? "",
            "agencyApproval": meeting.agencyApproval.map { "\($0.by), \(NorwegianFormat.date($0.on))" } ?? "",
            "canEdit": canSteer && status != .approved, "canRecordSignal": canSteer,
            "signalURL": "\(scope.base)/signaler/ny?mote=\(id)", "editURL": "\(scope.base)/moter/\(id)/rediger",
            "canApproveDepartment": canSteer && meeting.departmentApproval == nil,
            "canApproveAgency": scope.can(.approveMinutes) && meeting.agencyApproval == nil,
            "approveURL": "\(scope.base)/moter/\(id)/godkjenn", "csrfToken": context.session?.csrfToken ?? "",
            "participants": meeting.participants, "hasParticipants": !meeting.participants.isEmpty,
            "topics": topics, "hasTopics": !topics.isEmpty, "agenda": meeting.agenda, "hasAgenda": !meeting.agenda.isEmpty,
            "minutes": minutes, "hasMinutes": !minutes.isEmpty,
            "items": meeting.items.map { item in
                ["number": item.number, "kind": item.kind.norwegianName, "text": item.text, "owner": item.owner ?? "",
                 "deadline": item.deadline.map(NorwegianFormat.date) ?? "", "status": item.status?.norwegianName ?? ""] as [String: Any]
            }, "hasItems": !meeting.items.isEmpty,
            "signals": signals.map { signal in
                ["text": signal.text, "url": "\(scope.base)/signaler#signal-\(signal.id ?? 0)",
                 "status": signal.isConfirmed ? "bekreftet \(signal.confirmedOn.map(NorwegianFormat.date) ?? "")" : "ubekreftet"]
            }, "hasSignals": !signals.isEmpty,
            "historyURL": "/historikk?type=meeting&nokkel=\("\(code)/\(id)".urlQueryEncoded)",
        ], context: context, status: error == nil ? .ok : .conflict, trail: trail(scope))
    }

    func values(of meeting: Meeting) -> [String: String] {
        var values = [
            "tittel": meeting.title, "dato": meeting.date.iso, "type": meeting.kind.rawValue,
            "deltakere": meeting.participants.joined(separator: "\n"), "andre_tema": meeting.otherTopics.joined(separator: "\n"),
            "dagsorden": meeting.agenda.joined(separator: "\n"), "referat": meeting.minutes, "punkter": MeetingText.text(meeting.items),
        ]
        for topic in meeting.topics { values["tema_\(topic.rawValue)"] = "ja" }
        return values
    }

    func formPage(_ scope: DialogueScope, meeting: Meeting, values: [String: String], errors: InputErrors) -> FormPage {
        let isNew = meeting.id == nil
        let approved = meeting.minutesStatus != .draft
        return FormPage(
            kicker: scope.organisation.name, heading: isNew ? "Nytt møte" : "Rediger møte og referat",
            intro: approved ? "Referatet er godkjent av én part. Lagrer du endringer, trekkes godkjenningen tilbake, og begge parter må godkjenne på nytt." : "",
            action: isNew ? "\(scope.base)/moter/ny" : "\(scope.base)/moter/\(meeting.id!)/rediger", submitLabel: "Lagre møtet",
            fields: [
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
                FormField(name: "type", label: "Type møte", kind: .select(MeetingKind.allCases.map { ($0.rawValue, $0.norwegianName) }), value: values["type"] ?? "",
                          hint: "Etatsstyringsmøter er den formelle styringsdialogen. I fag- og systemeiermøter skal det ikke gis styringssignaler."),
                FormField(name: "dato", label: "Dato", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "deltakere", label: "Deltakere", kind: .textarea, value: values["deltakere"] ?? "", hint: "Én per linje."),
                FormField(name: "tema", label: "Tema", kind: .checkboxes(FocusTopic.allCases.map { ("tema_\($0.rawValue)", $0.norwegianName, values["tema_\($0.rawValue)"] != nil) })),
                FormField(name: "andre_tema", label: "Andre tema", kind: .textarea, value: values["andre_tema"] ?? "", hint: "Én per linje."),
                FormField(name: "dagsorden", label: "Dagsorden", kind: .textarea, value: values["dagsorden"] ?? "", hint: "Én sak per linje."),
                FormField(name: "referat", label: "Referat", kind: .textarea, value: values["referat"] ?? ""),
                FormField(name: "punkter", label: "Beslutninger og oppfølgingspunkter", kind: .textarea, value: values["punkter"] ?? "",
                          hint: "Ett punkt per linje: \(MeetingText.itemFormat). Ansvarlig, frist og status bare for oppfølgingspunkter."),
            ],
            errors: errors, errorHeading: "Møtet er ikke lagret", cancelURL: isNew ? "\(scope.base)/moter" : "\(scope.base)/moter/\(meeting.id!)")
    }

    func save(_ scope: DialogueScope, original: Meeting, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        var errors = InputErrors()
        let date = CalendarDate(fields.text("dato"))
        if date == nil { errors.add("dato", "Skriv datoen for møtet (DD.MM.ÅÅÅÅ).") }
        let kind = MeetingKind(rawValue: fields.text("type"))
        if kind == nil { errors.add("type", "Velg type møte.") }
        var items: [MeetingItem] = []
        switch MeetingText.items(fields["punkter"] ?? "") {
        case .success(let parsed): items = parsed
        case .failure(let found): for entry in found.entries { errors.add(entry.field, entry.message) }
        }
        let edited: Meeting
        do {
            edited = try MeetingRules.edit(original) { meeting in
                meeting.title = fields.text("tittel")
                if let date { meeting.date = date }
                if let kind { meeting.kind = kind }
                meeting.participants = MeetingText.lines(fields["deltakere"] ?? "")
                meeting.topics = FocusTopic.allCases.filter { fields["tema_\($0.rawValue)"] != nil }
                meeting.otherTopics = MeetingText.lines(fields["andre_tema"] ?? "")
                meeting.agenda = MeetingText.lines(fields["dagsorden"] ?? "")
                meeting.minutes = fields.text("referat")
                meeting.items = items
            }
        } catch let locked as InputErrors {
            return try await show(scope, meeting: original, saved: nil, error: locked.entries.first?.message, context).response
        }
        for entry in MeetingRules.validate(edited).entries { errors.add(entry.field, entry.message) }
        guard errors.isEmpty else {
            return pages.form(formPage(scope, meeting: original, values: fields, errors: errors), context: context, trail: trail(scope)).response
        }
        let email = scope.user.email
        let id = try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(edited) }
        return redirect(to: "\(scope.base)/moter/\(id)?lagret=\("Møtet er lagret.".urlQueryEncoded)")
    }

    func approve(_ scope: DialogueScope, meeting: Meeting, side: MeetingSide, _ context: StyrRequestContext) async throws -> Response {
        let (email, id) = (scope.user.email, meeting.id ?? 0)
        let approved: Meeting
        do {
            // The rule is applied to the minutes as they are inside the transaction, so two
            // approvals at once cannot both pass.
            approved = try await database.transaction { db in
                let store = SQLGovernanceStore(db, actor: email)
                guard let current = try await store.meeting(id: id) else { throw StorageError.notFound("møte \(id)") }
                let approved = try MeetingRules.approve(current, side: side, by: email, on: CalendarDate.today())
                try await store.save(approved)
                return approved
            }
        } catch let refused as InputErrors {
            return try await show(scope, meeting: meeting, saved: nil, error: refused.entries.first?.message, context).response
        }
        let message = approved.minutesStatus == .approved ? "Referatet er godkjent av begge parter." : "Godkjenningen er registrert."
        return redirect(to: "\(scope.base)/moter/\(meeting.id ?? 0)?lagret=\(message.urlQueryEncoded)")
    }
}
