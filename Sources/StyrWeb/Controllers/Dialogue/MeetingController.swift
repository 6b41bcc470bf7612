import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Meetings between the department and an agency: the department records them and writes the
/// minutes; both sides approve the minutes, after which they are locked. The rules are
/// `MeetingService`'s; this page only translates the form and the view.
struct MeetingController: Sendable {
    let meetings: MeetingService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields (approvals are refused above the form).
    static let formFields = [
        "title": "tittel", "kind": "type", "date": "dato", "participants": "deltakere", "topics": "tema", "otherTopics": "andre_tema",
        "agenda": "dagsorden", "minutes": "referat", "items": "punkter",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/moter") { request, context in
            let listing = try await meetings.list(in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Møter – \(listing.scope.organisation.name)", template: "meetings",
                              model: MeetingsView(listing, saved: Confirmation.message(request, context)), context: context, trail: listing.scope.trail)
        }
        router.get("/organisasjoner/:code/moter/ny") { _, context in
            let (scope, blank) = try await meetings.prepareNew(in: try context.parameters.require("code"), by: context.session?.user)
            return pages.form(formPage(scope, meeting: blank, values: Self.values(of: blank), errors: InputErrors()), context: context,
                              trail: trail(scope))
        }
        router.post("/organisasjoner/:code/moter/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await save(nil, in: try context.parameters.require("code"), fields: fields, context)
        }
        router.get("/organisasjoner/:code/moter/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "møte")
            let found = try await meetings.meeting(id, in: try context.parameters.require("code"), by: context.session?.user)
            return show(found, saved: Confirmation.message(request, context), error: nil, context)
        }
        router.get("/organisasjoner/:code/moter/:id/rediger") { _, context in
            let id = try requireID(context, pages: pages, what: "møte")
            let found = try await meetings.meeting(id, in: try context.parameters.require("code"), by: context.session?.user, permission: .steer)
            guard found.meeting.minutesStatus != .approved else { return show(found, saved: nil, error: MeetingRules.lockedMessage, context) }
            var values = Self.values(of: found.meeting)
            values[FormPage.versionField] = String(try await meetings.recordVersions.version(
                of: RecordVersions.meeting(found.scope.code, id: id), in: found.scope.code, by: context.session?.user))
            return pages.form(formPage(found.scope, meeting: found.meeting, values: values, errors: InputErrors()),
                              context: context, trail: trail(found.scope))
        }
        router.post("/organisasjoner/:code/moter/:id/rediger") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "møte")
            return try await save(id, in: try context.parameters.require("code"), fields: fields, context)
        }
        router.post("/organisasjoner/:code/moter/:id/godkjenn") { request, context in
            let fields = try await FormBody.read(request, context: context)
            let side: MeetingSide = fields["side"] == "agency" ? .agency : .department
            let code = try context.parameters.require("code")
            // Access first (a refusal is 403 whatever the form holds), then the form's token.
            try await meetings.checkApproval(side: side, in: code, by: context.session?.user)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "møte")
            return try await approve(id, side: side, in: code, context)
        }
    }

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/moter", label: "Møter")]
    }

    /// The meeting page; with `error`, as refused (409).
    func show(_ found: MeetingService.Found, saved: String?, error: String?, _ context: StyrRequestContext) -> HTML {
        pages.html(found.meeting.title, template: "meeting",
                   model: MeetingView(found, saved: saved, error: error, csrfToken: context.session?.csrfToken ?? ""), context: context,
                   status: error == nil ? .ok : .conflict, trail: trail(found.scope))
    }

    static func values(of meeting: Meeting) -> [String: String] {
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
            action: isNew ? "\(scope.base)/moter/ny" : "\(scope.base)/moter/\(meeting.id ?? 0)/rediger", submitLabel: "Lagre møtet",
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
            errors: errors, errorHeading: "Møtet er ikke lagret", cancelURL: isNew ? "\(scope.base)/moter" : "\(scope.base)/moter/\(meeting.id ?? 0)",
            version: isNew ? nil : RecordVersions.parse(values[FormPage.versionField]))
    }

    /// The form as a draft; the items in their line format (`MeetingText`), whose errors name the line.
    static func draft(_ fields: [String: String]) -> Result<MeetingDraft, InputErrors> {
        MeetingText.items(fields["punkter"] ?? "").map { items in
            MeetingDraft(
                kind: MeetingKind(rawValue: fields.text("type")), title: fields.text("tittel"), date: CalendarDate(fields.text("dato")),
                participants: MeetingText.lines(fields["deltakere"] ?? ""), topics: FocusTopic.allCases.filter { fields["tema_\($0.rawValue)"] != nil },
                otherTopics: MeetingText.lines(fields["andre_tema"] ?? ""), agenda: MeetingText.lines(fields["dagsorden"] ?? ""),
                minutes: fields.text("referat"), items: items)
        }
    }

    /// Records a new meeting (`id` nil) or edits one; a refused form is shown again with the
    /// errors beside its fields, and an edit of locked minutes on the meeting's page.
    func save(_ id: Int64?, in code: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            let draft = try Self.draft(fields).get()
            let saved = if let id {
                try await meetings.edit(id, to: draft, in: code, version: RecordVersions.parse(fields[FormPage.versionField]), by: user)
            } else { try await meetings.create(draft, in: code, by: user) }
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/moter/\(saved.id ?? 0)", message: "Møtet er lagret.", context)
        } catch let errors as InputErrors {
            return try await refused(id, in: code, errors: errors, fields: fields, context)
        } catch ServiceError.invalid(let errors) {
            return try await refused(id, in: code, errors: errors, fields: fields, context)
        }
    }

    func refused(_ id: Int64?, in code: String, errors: InputErrors, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        guard let id else {
            let (scope, blank) = try await meetings.prepareNew(in: code, by: user)
            return pages.form(formPage(scope, meeting: blank, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                              trail: trail(scope)).response
        }
        let found = try await meetings.meeting(id, in: code, by: user, permission: .steer)
        if found.meeting.minutesStatus == .approved {
            return show(found, saved: nil, error: errors.entries.first?.message, context).response
        }
        return pages.form(formPage(found.scope, meeting: found.meeting, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                          trail: trail(found.scope)).response
    }

    func approve(_ id: Int64, side: MeetingSide, in code: String, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let approved: Meeting
        do {
            approved = try await meetings.approve(id, side: side, in: code, by: user)
        } catch ServiceError.invalid(let errors) {
            let found = try await meetings.meeting(id, in: code, by: user)
            return show(found, saved: nil, error: errors.entries.first?.message, context).response
        }
        let message = approved.minutesStatus == .approved ? "Referatet er godkjent av begge parter." : "Godkjenningen er registrert."
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/moter/\(id)", message: message, context)
    }
}
