import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The agency's duties to inform: it writes and sends notices; the department reads and answers.
/// Neither edits what the other has sent.
struct NoticeController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer
    let limit: NotificationLimit

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/meldinger") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            return try await list(scope, saved: request.uri.queryParameters.get("lagret"), context)
        }
        router.get("/organisasjoner/:code/meldinger/ny/:kind") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let kind = try requireKind(context)
            return pages.form(formPage(scope, kind: kind, id: nil, values: [:], errors: InputErrors()), context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/meldinger/ny/:kind") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let kind = try requireKind(context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await save(scope, kind: kind, existing: nil, fields: fields, context)
        }
        router.get("/organisasjoner/:code/meldinger/:id") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            let notice = try await find(scope, context)
            return show(scope, notice: notice, saved: request.uri.queryParameters.get("lagret"), error: nil, context)
        }
        router.get("/organisasjoner/:code/meldinger/:id/rediger") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let notice = try await find(scope, context)
            guard notice.status == .draft else { return show(scope, notice: notice, saved: nil, error: Self.sentMessage, context) }
            return pages.form(formPage(scope, kind: notice.kind, id: notice.id, values: values(of: notice), errors: InputErrors()),
                              context: context, trail: trail(scope))
        }
        router.post("/organisasjoner/:code/meldinger/:id/rediger") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let notice = try await find(scope, context)
            return try await save(scope, kind: notice.kind, existing: notice, fields: fields, context)
        }
        router.post("/organisasjoner/:code/meldinger/:id/send") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let notice = try await find(scope, context)
            return try await submit(scope, notice: notice, context)
        }
        router.post("/organisasjoner/:code/meldinger/:id/svar") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let notice = try await find(scope, context)
            return try await answer(scope, notice: notice, text: fields.text("svar"), context)
        }
    }

    static let sentMessage = "Meldingen er sendt til byrådsavdelingen og kan ikke endres; send en ny melding om noe har endret seg."

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

    /// A notice of the organisation; drafts only for those who write them.
    func find(_ scope: DialogueScope, _ context: StyrRequestContext) async throws -> InformationNotice {
        let id = try requireID(context, pages: pages, what: "melding")
        guard let notice = try await database.withConnection({ db in try await SQLGovernanceStore(db).notice(id: id) }),
              notice.organisationCode == scope.code, notice.status != .draft || scope.can(.inform) else {
            throw notFound(pages, context, heading: "Fant ikke meldingen", message: "\(scope.organisation.name) har ikke sendt noen melding nr. \(id).")
        }
        return notice
    }

    func list(_ scope: DialogueScope, saved: String?, _ context: StyrRequestContext) async throws -> HTML {
        let code = scope.code
        let canInform = scope.can(.inform)
        let notices = try await database.withConnection { db in try await SQLGovernanceStore(db).notices(of: code) }
            .filter { $0.status != .draft || canInform }
        let rows: [[String: Any]] = notices.reversed().map { notice in
            var row: [String: Any] = [
                "submittedAt": notice.submittedAt.map(OsloTime.format) ?? "Utkast", "kind": notice.kind.norwegianName, "title": notice.title,
                "status": notice.status.norwegianName, "url": "\(scope.base)/meldinger/\(notice.id ?? 0)",
            ]
            if let timing = notice.incidentTiming {
                row["timing"] = OsloTime.duration(seconds: timing.secondsToNotify)
                row["late"] = timing.isLate(limit: limit)
            }
            return row
        }
        return pages.html("Meldinger – \(scope.organisation.name)", template: "notices", context: [
            "organisationName": scope.organisation.name, "notices": rows, "hasNotices": !rows.isEmpty, "saved": saved ?? "",
            "canInform": canInform, "limit": limit.norwegianDescription,
            "kinds": NoticeKind.allCases.map { ["url": "\(scope.base)/meldinger/ny/\($0.slug)", "label": $0.norwegianName] },
        ], context: context, trail: scope.trail)
    }

    func show(_ scope: DialogueScope, notice: InformationNotice, saved: String?, error: String?, _ context: StyrRequestContext) -> HTML {
        let id = notice.id ?? 0
        let base = "\(scope.base)/meldinger/\(id)"
        var fields: [[String: String]] = []
        switch notice.details {
        case .clarification(let question): fields = [["label": "Spørsmål", "value": question]]
        case .deviation(let area, let description, let effect, let measures):
            fields = [["label": "Gjelder", "value": area.norwegianName], ["label": "Avvik", "value": description],
                      ["label": "Ventet virkning", "value": effect], ["label": "Tiltak", "value": measures]]
        case .improvement(let rule, let change):
            fields = [["label": "Regel eller instruks", "value": rule], ["label": "Foreslått endring", "value": change]]
        case .incident(let system, let description, let timing):
            fields = [["label": "System", "value": system], ["label": "Hendelse", "value": description],
                      ["label": "Inntraff", "value": OsloTime.format(timing.occurredAt)], ["label": "Oppdaget", "value": OsloTime.format(timing.detectedAt)],
                      ["label": "Byrådsavdelingen varslet", "value": OsloTime.format(timing.notifiedAt)],
                      ["label": "Tid fra oppdaget til varslet", "value": OsloTime.duration(seconds: timing.secondsToNotify)]]
        case .risk(let text): fields = [["label": "Risikobilde", "value": text]]
        }
        let timing = notice.incidentTiming
        var values: [String: Any] = [
            "organisationName": scope.organisation.name, "kind": notice.kind.norwegianName, "title": notice.title, "saved": saved ?? "",
            "status": notice.status.norwegianName, "createdBy": notice.createdBy, "createdAt": OsloTime.format(notice.createdAt),
            "submittedAt": notice.submittedAt.map(OsloTime.format) ?? "", "fields": fields,
            "late": timing?.isLate(limit: limit) ?? false, "timing": timing.map { OsloTime.duration(seconds: $0.secondsToNotify) } ?? "",
            "limit": limit.norwegianDescription, "isDraft": notice.status == .draft, "canInform": scope.can(.inform),
            "editURL": "\(base)/rediger", "submitURL": "\(base)/send", "answerURL": "\(base)/svar",
            "canAnswer": scope.can(.steer) && notice.status == .submitted, "csrfToken": context.session?.csrfToken ?? "",
            "error": error ?? "", "hasError": error != nil,
            "historyURL": "/historikk?type=notice&nokkel=\("\(scope.code)/\(id)".urlQueryEncoded)",
        ]
        if let answer = notice.answer { values["answer"] = ["text": answer.text, "by": answer.by, "at": OsloTime.format(answer.at)] }
        return pages.html(notice.title, template: "notice", context: values, context: context,
                          status: error == nil ? .ok : .unprocessableContent, trail: trail(scope))
    }

    func values(of notice: InformationNotice) -> [String: String] {
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
                          hint: "Alvorlige hendelser skal varsles umiddelbart, senest \(limit.norwegianDescription) etter at de er oppdaget."),
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

    func save(_ scope: DialogueScope, kind: NoticeKind, existing: InformationNotice?, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        var errors = InputErrors()
        func instant(_ name: String) -> Date {
            guard let date = OsloTime.parse(fields.text(name)) else {
                errors.add(name, "«\(fields.text(name))» er ikke et tidspunkt (DD.MM.ÅÅÅÅ TT:MM).")
                return Date()
            }
            return date
        }
        let details: NoticeDetails
        switch kind {
        case .clarificationRequest: details = .clarification(question: fields.text("sporsmal"))
        case .deviationNotice:
            details = .deviation(area: DeviationArea(rawValue: fields.text("omrade")) ?? .goal, description: fields.text("beskrivelse"),
                                 expectedEffect: fields.text("virkning"), measures: fields.text("tiltak"))
        case .improvementProposal: details = .improvement(rule: fields.text("regel"), proposedChange: fields.text("endring"))
        case .incidentNotification:
            details = .incident(system: fields.text("system"), description: fields.text("beskrivelse"),
                                timing: IncidentTiming(occurredAt: instant("inntraff"), detectedAt: instant("oppdaget"), notifiedAt: instant("varslet")))
        case .riskUpdate: details = .risk(text: fields.text("risikobilde"))
        }
        let now = Date()
        var notice = InformationNotice(id: existing?.id, organisationCode: scope.code, title: fields.text("tittel"), details: details,
                                       createdBy: existing?.createdBy ?? scope.user.email, createdAt: existing?.createdAt ?? now)
        if errors.isEmpty {
            for entry in NoticeRules.validate(notice, now: now).entries { errors.add(entry.field, entry.message) }
        }
        if errors.isEmpty {
            do {
                if let existing { notice = try NoticeRules.edit(existing, to: notice, now: now) }
                if fields["handling"] != "utkast" { notice = try NoticeRules.submit(notice, at: now) }
            } catch let refused as InputErrors {
                errors = refused
            }
        }
        guard errors.isEmpty else {
            return pages.form(formPage(scope, kind: kind, id: existing?.id, values: fields, errors: errors), context: context, trail: trail(scope)).response
        }
        let (email, toSave) = (scope.user.email, notice)
        let id = try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(toSave) }
        let message = notice.status == .submitted ? "Meldingen er sendt til byrådsavdelingen." : "Utkastet er lagret."
        return redirect(to: "\(scope.base)/meldinger/\(id)?lagret=\(message.urlQueryEncoded)")
    }

    /// Applies a rule to the notice as it is inside the transaction and saves the result, so two
    /// answers (or sends) at once cannot both pass.
    func change(
        _ notice: InformationNotice, by email: String, _ rule: @escaping @Sendable (InformationNotice) throws -> InformationNotice
    ) async throws {
        let id = notice.id ?? 0
        try await database.transaction { db in
            let store = SQLGovernanceStore(db, actor: email)
            guard let current = try await store.notice(id: id) else { throw StorageError.notFound("melding \(id)") }
            try await store.save(try rule(current))
        }
    }

    func submit(_ scope: DialogueScope, notice: InformationNotice, _ context: StyrRequestContext) async throws -> Response {
        do {
            try await change(notice, by: scope.user.email) { try NoticeRules.submit($0, at: Date()) }
        } catch let refused as InputErrors {
            return show(scope, notice: notice, saved: nil, error: refused.entries.map(\.message).joined(separator: " "), context).response
        }
        return redirect(to: "\(scope.base)/meldinger/\(notice.id ?? 0)?lagret=\("Meldingen er sendt til byrådsavdelingen.".urlQueryEncoded)")
    }

    func answer(_ scope: DialogueScope, notice: InformationNotice, text: String, _ context: StyrRequestContext) async throws -> Response {
        let email = scope.user.email
        do {
            try await change(notice, by: email) { try NoticeRules.answer($0, text: text, by: email, at: Date()) }
        } catch let refused as InputErrors {
            return show(scope, notice: notice, saved: nil, error: refused.entries.map(\.message).joined(separator: " "), context).response
        }
        return redirect(to: "\(scope.base)/meldinger/\(notice.id ?? 0)?lagret=\("Svaret er sendt til etaten.".urlQueryEncoded)")
    }
}
