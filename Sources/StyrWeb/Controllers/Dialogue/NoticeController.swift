import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The agency's duties to inform: it writes and sends notices; the department reads and answers.
/// Neither edits what the other has sent. The rules are `NoticeService`'s; this page only
/// translates the forms and the view.
struct NoticeController: Sendable {
    let notices: NoticeService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields (a notice that may no longer be changed is
    /// refused beside the choice to send it).
    static let formFields = [
        "title": "tittel", "question": "sporsmal", "area": "omrade", "description": "beskrivelse", "expectedEffect": "virkning",
        "measures": "tiltak", "rule": "regel", "proposedChange": "endring", "system": "system", "occurredAt": "inntraff",
        "detectedAt": "oppdaget", "notifiedAt": "varslet", "riskText": "risikobilde", "status": "handling",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/meldinger") { request, context in
            let listing = try await notices.list(in: try context.parameters.require("code"), by: context.session?.user)
            return pages.html("Meldinger – \(listing.scope.organisation.name)", template: "notices",
                              model: NoticesView(listing, saved: Confirmation.message(request, context)), context: context, trail: listing.scope.trail)
        }
        router.get("/organisasjoner/:code/meldinger/ny/:kind") { _, context in
            let scope = try await notices.prepareNew(in: try context.parameters.require("code"), by: context.session?.user)
            let kind = try requireKind(context)
            return pages.form(formPage(scope, kind: kind, id: nil, values: [:], errors: InputErrors()), context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/meldinger/ny/:kind") { request, context in
            let code = try context.parameters.require("code")
            _ = try await notices.prepareNew(in: code, by: context.session?.user)
            let kind = try requireKind(context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await save(nil, kind: kind, in: code, fields: fields, context)
        }
        router.get("/organisasjoner/:code/meldinger/:id") { request, context in
            let id = try requireID(context, pages: pages, what: "melding")
            let (scope, notice) = try await notices.notice(id, in: try context.parameters.require("code"), by: context.session?.user)
            return show(scope, notice: notice, saved: Confirmation.message(request, context), error: nil, context)
        }
        router.get("/organisasjoner/:code/meldinger/:id/rediger") { _, context in
            let id = try requireID(context, pages: pages, what: "melding")
            let (scope, notice) = try await notices.notice(id, in: try context.parameters.require("code"), by: context.session?.user, permission: .inform)
            guard notice.status == .draft else { return show(scope, notice: notice, saved: nil, error: NoticeRules.sentMessage, context) }
            return pages.form(formPage(scope, kind: notice.kind, id: notice.id, values: Self.values(of: notice), errors: InputErrors()),
                              context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/meldinger/:id/rediger") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "melding")
            let (_, notice) = try await notices.notice(id, in: try context.parameters.require("code"), by: context.session?.user, permission: .inform)
            return try await save(id, kind: notice.kind, in: notice.organisationCode, fields: fields, context)
        }
        router.post("/organisasjoner/:code/meldinger/:id/send") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "melding")
            return try await change(id, in: try context.parameters.require("code"), context, sent: "Meldingen er sendt til byrådsavdelingen.") { code, user in
                try await notices.submit(id, in: code, by: user)
            }
        }
        router.post("/organisasjoner/:code/meldinger/:id/svar") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let id = try requireID(context, pages: pages, what: "melding")
            return try await change(id, in: try context.parameters.require("code"), context, sent: "Svaret er sendt til etaten.") { code, user in
                try await notices.answer(id, text: fields.text("svar"), in: code, by: user)
            }
        }
    }

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/meldinger", label: "Meldinger")]
    }

    func requireKind(_ context: StyrRequestContext) throws -> NoticeKind {
        guard let kind = NoticeKind(slug: try context.parameters.require("kind")) else {
            throw notFound(pages, context, heading: "Ukjent meldingstype",
                           message: "Velg en av: \(NoticeKind.allCases.map(\.norwegianName).joined(separator: ", ")).")
        }
        return kind
    }

    /// The notice's page; with `error`, as refused (422).
    func show(_ scope: DialogueScope, notice: InformationNotice, saved: String?, error: String?, _ context: StyrRequestContext) -> HTML {
        pages.html(notice.title, template: "notice",
                   model: NoticeView(notice, scope: scope, limit: notices.limit, saved: saved, error: error, csrfToken: context.session?.csrfToken ?? ""),
                   context: context, status: error == nil ? .ok : .unprocessableContent, trail: trail(scope))
    }

    static func values(of notice: InformationNotice) -> [String: String] {
        var values = ["tittel": notice.title]
        switch notice.details {
        case .clarification(let question): values["sporsmal"] = question
        case .deviation(let area, let description, let effect, let measures):
            values["omrade"] = area.rawValue; values["beskrivelse"] = description; values["virkning"] = effect; values["tiltak"] = measures
        case .improvement(let rule, let change): values["regel"] = rule; values["endring"] = change
        case .incident(let system, let description, let timing):
            values["system"] = system; values["beskrivelse"] = description
            values["inntraff"] = OsloTime.formInput(timing.occurredAt); values["oppdaget"] = OsloTime.formInput(timing.detectedAt)
            values["varslet"] = OsloTime.formInput(timing.notifiedAt)
        case .risk(let text): values["risikobilde"] = text
        }
        return values
    }

    func formPage(_ scope: DialogueScope, kind: NoticeKind, id: Int64?, values: [String: String], errors: InputErrors) -> FormPage {
        var fields = [FormField(name: "tittel", label: "Kort tittel", value: values["tittel"] ?? "")]
        let timeHint = "Dato og klokkeslett, norsk tid (f.eks. 27.01.2021 10:20)."
        switch kind {
        case .clarificationRequest:
            fields.append(FormField(name: "sporsmal", label: "Hva er uklart i rammer, mål eller føringer?", kind: .textarea, value: values["sporsmal"] ?? ""))
        case .deviationNotice:
            fields += [
                FormField(name: "omrade", label: "Avviket gjelder", kind: .select(DeviationArea.allCases.map { ($0.rawValue, $0.norwegianName) }), value: values["omrade"] ?? ""),
                FormField(name: "beskrivelse", label: "Beskriv avviket", kind: .textarea, value: values["beskrivelse"] ?? ""),
                FormField(name: "virkning", label: "Ventet virkning", kind: .textarea, value: values["virkning"] ?? ""),
                FormField(name: "tiltak", label: "Tiltak", kind: .textarea, value: values["tiltak"] ?? ""),
            ]
        case .improvementProposal:
            fields += [
                FormField(name: "regel", label: "Hvilken lov, forskrift, instruks eller ordning gjelder det?", value: values["regel"] ?? ""),
                FormField(name: "endring", label: "Foreslått endring og hvorfor", kind: .textarea, value: values["endring"] ?? ""),
            ]
        case .incidentNotification:
            fields += [
                FormField(name: "system", label: "Fellesløsning eller system", value: values["system"] ?? ""),
                FormField(name: "beskrivelse", label: "Hva har skjedd", kind: .textarea, value: values["beskrivelse"] ?? ""),
                FormField(name: "inntraff", label: "Når inntraff hendelsen", kind: .dateTime, value: values["inntraff"] ?? "", hint: timeHint),
                FormField(name: "oppdaget", label: "Når ble den oppdaget", kind: .dateTime, value: values["oppdaget"] ?? "", hint: timeHint),
                FormField(name: "varslet", label: "Når ble byrådsavdelingen varslet", kind: .dateTime, value: values["varslet"] ?? OsloTime.formInput(Date()),
                          hint: "Alvorlige hendelser skal varsles umiddelbart, senest \(notices.limit.norwegianDescription) etter at de er oppdaget."),
            ]
        case .riskUpdate:
            fields.append(FormField(name: "risikobilde", label: "Etatens overordnede risikobilde", kind: .textarea, value: values["risikobilde"] ?? "",
                                    hint: "Vedlegg kan ikke lastes opp ennå; risikobildet knyttes til risikoregisteret når det kommer."))
        }
        fields.append(FormField(name: "handling", label: "Lagre som", kind: .select([("send", "Send til byrådsavdelingen nå"), ("utkast", "Utkast (sendes senere)")]),
                                value: values["handling"] ?? "send", hint: "En sendt melding kan ikke endres."))
        return FormPage(
            kicker: scope.organisation.name, heading: kind.norwegianName,
            action: id.map { "\(scope.base)/meldinger/\($0)/rediger" } ?? "\(scope.base)/meldinger/ny/\(kind.slug)", submitLabel: "Lagre",
            fields: fields, errors: errors, errorHeading: "Meldingen er ikke lagret", cancelURL: "\(scope.base)/meldinger")
    }

    /// The form as a draft of `kind`. A time typed that cannot be read is the page's own error
    /// (by its field), refused before the rules see the notice; an empty one is nil.
    static func draft(_ kind: NoticeKind, _ fields: [String: String]) -> (NoticeDraft, InputErrors) {
        var formatErrors = InputErrors()
        func instant(_ name: String) -> Date? {
            let text = fields.text(name)
            guard !text.isEmpty else { return nil }
            guard let date = OsloTime.parse(text) else {
                formatErrors.add(name, "«\(text)» er ikke et tidspunkt (DD.MM.ÅÅÅÅ TT:MM).")
                return nil
            }
            return date
        }
        var draft = NoticeDraft(kind: kind, title: fields.text("tittel"))
        draft.question = fields.text("sporsmal")
        draft.area = DeviationArea(rawValue: fields.text("omrade"))
        draft.description = fields.text("beskrivelse")
        draft.expectedEffect = fields.text("virkning")
        draft.measures = fields.text("tiltak")
        draft.rule = fields.text("regel")
        draft.proposedChange = fields.text("endring")
        draft.system = fields.text("system")
        if kind == .incidentNotification {
            (draft.occurredAt, draft.detectedAt, draft.notifiedAt) = (instant("inntraff"), instant("oppdaget"), instant("varslet"))
        }
        draft.riskText = fields.text("risikobilde")
        return (draft, formatErrors)
    }

    /// Writes a new notice (`id` nil) or rewrites a draft, sent now unless kept as a draft.
    func save(_ id: Int64?, kind: NoticeKind, in code: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let (draft, formatErrors) = Self.draft(kind, fields)
        let submit = fields["handling"] != "utkast"
        let notice: InformationNotice
        do {
            try formatErrors.check()
            notice = if let id {
                try await notices.edit(id, to: draft, submit: submit, in: code, by: user)
            } else {
                try await notices.create(draft, submit: submit, in: code, by: user)
            }
        } catch let errors as InputErrors {
            return try await refused(id, kind: kind, in: code, errors: errors, fields: fields, context)
        } catch ServiceError.invalid(let errors) {
            return try await refused(id, kind: kind, in: code, errors: errors.renamed(Self.formFields), fields: fields, context)
        }
        let message = notice.status == .submitted ? "Meldingen er sendt til byrådsavdelingen." : "Utkastet er lagret."
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/meldinger/\(notice.id ?? 0)", message: message, context)
    }

    /// The form again with the errors (under the form's field names) beside its fields.
    func refused(_ id: Int64?, kind: NoticeKind, in code: String, errors: InputErrors, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let scope = try await notices.prepareNew(in: code, by: context.session?.user)
        return pages.form(formPage(scope, kind: kind, id: id, values: fields, errors: errors), context: context, trail: trail(scope)).response
    }

    /// Sends or answers the notice; a refusal is shown on the notice's page.
    func change(
        _ id: Int64, in code: String, _ context: StyrRequestContext, sent message: String,
        _ use: (String, UserAccount?) async throws -> InformationNotice
    ) async throws -> Response {
        let user = context.session?.user
        do {
            _ = try await use(code, user)
        } catch ServiceError.invalid(let errors) {
            let (scope, notice) = try await notices.notice(id, in: code, by: user)
            return show(scope, notice: notice, saved: nil, error: errors.entries.map(\.message).joined(separator: " "), context).response
        }
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/meldinger/\(id)", message: message, context)
    }
}
