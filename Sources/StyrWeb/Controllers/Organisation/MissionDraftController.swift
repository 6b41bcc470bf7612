import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// A new version of the mission statement (`MissionService`): start a draft from the version in
/// force naming the revision trigger, edit it, and fix it on a date (the department), or discard it.
struct MissionDraftController: Sendable {
    let missions: MissionService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "trigger": "utloser", "triggerText": "utloser_tekst", "title": "tittel", "sectionBodies": "avsnitt_0",
        "coreTaskDescriptions": "oppgave_0", "fixedOn": "dato", "draft": "utloser",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/samfunnsoppdrag/ny") { request, context in
            let drafting = try await missions.drafting(in: try context.parameters.require("code"), by: context.session?.user)
            guard drafting.canDraft else { throw ServiceError.forbidden(organisationCode: drafting.scope.code) }
            if let draft = drafting.draft {
                var values = Self.values(draft)
                values[FormPage.versionField] = String(try await missions.recordVersions.version(
                    of: RecordVersions.missionDraft(drafting.scope.code), in: drafting.scope.code, by: context.session?.user))
                return draftPage(drafting, draft: draft, values: values, errors: InputErrors(), saved: Confirmation.message(request, context), context)
            }
            return pages.form(startPage(drafting, values: [:], errors: InputErrors()), context: context, trail: trail(drafting.scope))
        }
        router.post("/organisasjoner/:code/samfunnsoppdrag/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), user = context.session?.user
            do {
                if try await missions.drafting(in: code, by: user).draft == nil {
                    try await missions.startDraft(trigger: RevisionTrigger(rawValue: fields.text("utloser")), triggerText: fields.text("utloser_tekst"), in: code, by: user)
                    return Confirmation.redirect(to: "\(base(code))/ny", message: "Utkastet er laget som en kopi av versjonen som gjelder.", context)
                }
                try await missions.editDraft(Self.edit(fields), in: code, version: RecordVersions.parse(fields[FormPage.versionField]), by: user)
                return Confirmation.redirect(to: "\(base(code))/ny", message: "Utkastet er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                let drafting = try await missions.drafting(in: code, by: user)
                if let draft = drafting.draft {
                    return draftPage(drafting, draft: draft, values: fields, errors: errors.renamed(Self.formFields), saved: nil, context).response
                }
                return pages.form(startPage(drafting, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(drafting.scope)).response
            }
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag/ny/fastsett") { _, context in
            let drafting = try await missions.drafting(in: try context.parameters.require("code"), by: context.session?.user)
            guard drafting.canFix else { throw ServiceError.forbidden(organisationCode: drafting.scope.code) }
            return pages.form(fixPage(drafting, date: CalendarDate.today().iso, errors: InputErrors()), context: context, trail: trail(drafting.scope))
        }
        router.post("/organisasjoner/:code/samfunnsoppdrag/ny/fastsett") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), user = context.session?.user
            do {
                let fixed = try await missions.fixDraft(on: CalendarDate(fields.text("dato")), in: code, by: user)
                return Confirmation.redirect(to: "\(base(code))?versjon=\(fixed.version)", message: "Versjon \(fixed.version) er fastsatt.", context)
            } catch ServiceError.invalid(let errors) {
                let drafting = try await missions.drafting(in: code, by: user)
                return pages.form(fixPage(drafting, date: fields.text("dato"), errors: errors.renamed(Self.formFields)), context: context,
                                  trail: trail(drafting.scope)).response
            }
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag/ny/forkast") { _, context in
            let drafting = try await missions.drafting(in: try context.parameters.require("code"), by: context.session?.user)
            guard drafting.canDraft else { throw ServiceError.forbidden(organisationCode: drafting.scope.code) }
            return pages.form(FormPage(
                kicker: drafting.scope.organisation.name, heading: "Forkast utkastet",
                intro: "Utkastet til ny versjon slettes. Versjonene som er fastsatt, endres ikke.",
                action: "\(base(drafting.scope.code))/ny/forkast", submitLabel: "Forkast utkastet", fields: [],
                cancelURL: "\(base(drafting.scope.code))/ny"), context: context, trail: trail(drafting.scope))
        }
        router.post("/organisasjoner/:code/samfunnsoppdrag/ny/forkast") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code")
            try await missions.discardDraft(in: code, by: context.session?.user)
            return Confirmation.redirect(to: base(code), message: "Utkastet er forkastet.", context)
        }
    }

    func base(_ code: String) -> String { "/organisasjoner/\(code.urlPathEncoded)/samfunnsoppdrag" }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/samfunnsoppdrag", label: "Samfunnsoppdrag")]
    }

    static var triggerOptions: [(value: String, label: String)] {
        [("", "Velg hva som utløste revisjonen")] + RevisionTrigger.allCases.map { ($0.rawValue, $0.norwegianName) }
    }

    func startPage(_ drafting: MissionService.Drafting, values: [String: String], errors: InputErrors) -> FormPage {
        let inForce = drafting.inForce.map { "Utkastet blir en kopi av versjon \($0.version), fastsatt \(NorwegianFormat.date($0.fixedOn)), som du så endrer." }
            ?? "Organisasjonen har ikke noe samfunnsoppdrag ennå; utkastet blir versjon 1."
        return FormPage(
            kicker: drafting.scope.organisation.name, heading: "Ny versjon av samfunnsoppdraget",
            intro: "Samfunnsoppdraget revideres når rammevilkårene for etaten endres. \(inForce) Byrådsavdelingen fastsetter den nye versjonen på en dato; deretter endres den ikke.",
            action: "\(base(drafting.scope.code))/ny", submitLabel: "Lag utkast",
            fields: [
                FormField(name: "utloser", label: "Hva utløste revisjonen", kind: .select(Self.triggerOptions), value: values["utloser"] ?? ""),
                FormField(name: "utloser_tekst", label: "Beskriv hva som skjedde", kind: .textarea, value: values["utloser_tekst"] ?? "",
                          hint: "Påkrevd når du velger «Annet», f.eks. vedtaket eller regelverket det gjelder.", rows: 3),
            ],
            errors: errors, errorHeading: "Utkastet er ikke laget", cancelURL: base(drafting.scope.code))
    }

    func draftPage(
        _ drafting: MissionService.Drafting, draft: MissionDraft, values: [String: String], errors: InputErrors, saved: String?,
        _ context: StyrRequestContext
    ) -> HTML {
        let code = drafting.scope.code
        let form = editPage(drafting, draft: draft, values: values, errors: errors)
        let view = MissionDraftView(
            form.view(csrfToken: context.session?.csrfToken ?? ""), saved: saved, fixURL: drafting.canFix ? "\(base(code))/ny/fastsett" : nil,
            discardURL: "\(base(code))/ny/forkast", currentURL: base(code))
        return pages.html(form.heading, template: "mission-draft", model: view, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent, trail: trail(drafting.scope))
    }

    func editPage(_ drafting: MissionService.Drafting, draft: MissionDraft, values: [String: String], errors: InputErrors) -> FormPage {
        let code = drafting.scope.code
        var fields = [
            FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
            FormField(name: "utloser", label: "Hva utløste revisjonen", kind: .select(Self.triggerOptions), value: values["utloser"] ?? ""),
            FormField(name: "utloser_tekst", label: "Beskriv hva som skjedde", kind: .textarea, value: values["utloser_tekst"] ?? "", rows: 3),
            FormField(name: "malgrupper", label: "Målgrupper", kind: .textarea, value: values["malgrupper"] ?? "", hint: "Én målgruppe per linje.", rows: 4),
        ]
        for (index, task) in draft.content.coreTasks.enumerated() {
            fields.append(FormField(name: "oppgave_\(index)", label: "Kjerneoppgave \(task.letter)) \(task.title)", kind: .textarea,
                                    value: values["oppgave_\(index)"] ?? "", rows: 6))
        }
        for (index, section) in draft.content.sections.enumerated() {
            fields.append(FormField(name: "avsnitt_\(index)", label: "\(section.number) \(section.heading)", kind: .textarea,
                                    value: values["avsnitt_\(index)"] ?? "", hint: "Tom linje mellom avsnitt.", rows: 10))
        }
        let based = draft.basedOnVersion.map { "en kopi av versjon \($0)" } ?? "den første versjonen"
        let next = drafting.canFix ? "Når teksten er klar, fastsett versjonen." : "Byrådsavdelingen fastsetter versjonen når teksten er klar."
        return FormPage(
            kicker: drafting.scope.organisation.name, heading: "Utkast til versjon \(draft.content.version) av samfunnsoppdraget",
            intro: "Utkastet er \(based), laget av \(draft.createdBy). Årsak: \(draft.cause.description). \(next)",
            action: "\(base(code))/ny", submitLabel: "Lagre utkastet", fields: fields, errors: errors,
            errorHeading: "Utkastet er ikke lagret", cancelURL: base(code), version: RecordVersions.parse(values[FormPage.versionField]))
    }

    func fixPage(_ drafting: MissionService.Drafting, date: String, errors: InputErrors) -> FormPage {
        let code = drafting.scope.code
        let about = drafting.draft.map { "Utkastet til versjon \($0.content.version) («\($0.content.title)», årsak: \($0.cause.description)) fastsettes av \(drafting.scope.name(of: drafting.scope.steeringDepartmentCode)). En fastsatt versjon endres ikke; senere endringer blir en ny versjon." }
            ?? "Det finnes ikke noe utkast å fastsette. Lag et utkast først."
        return FormPage(
            kicker: drafting.scope.organisation.name, heading: "Fastsett ny versjon av samfunnsoppdraget", intro: about,
            action: "\(base(code))/ny/fastsett", submitLabel: "Fastsett",
            fields: [FormField(name: "dato", label: "Fastsatt dato", kind: .date, value: date)],
            errors: errors, errorHeading: "Versjonen er ikke fastsatt", cancelURL: "\(base(code))/ny")
    }

    static func values(_ draft: MissionDraft) -> [String: String] {
        var values = [
            "tittel": draft.content.title, "utloser": draft.cause.trigger.rawValue, "utloser_tekst": draft.cause.text,
            "malgrupper": draft.content.targetGroups.joined(separator: "\n"),
        ]
        for (index, task) in draft.content.coreTasks.enumerated() { values["oppgave_\(index)"] = task.description }
        for (index, section) in draft.content.sections.enumerated() { values["avsnitt_\(index)"] = section.body }
        return values
    }

    /// The form as an edit; missing section or task fields are sent as missing (the rule counts them).
    static func edit(_ fields: [String: String]) -> MissionDraftEdit {
        func list(_ prefix: String) -> [String] {
            var items: [String] = [], index = 0
            while let value = fields["\(prefix)_\(index)"] { items.append(value); index += 1 }
            return items
        }
        return MissionDraftEdit(
            title: fields.text("tittel"), trigger: RevisionTrigger(rawValue: fields.text("utloser")), triggerText: fields.text("utloser_tekst"),
            sectionBodies: list("avsnitt"), coreTaskDescriptions: list("oppgave"),
            targetGroups: (fields["malgrupper"] ?? "").split(whereSeparator: \.isNewline).map(String.init))
    }
}
