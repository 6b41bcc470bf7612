import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Allocation letters: the letter as in force on a date with its supplements, the department's
/// draft, issue and supplement forms, and the agency's status reports on assignments.
struct LetterController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tildelingsbrev/:year") { request, context in
            let scope = try await access.agencyScope(.read, request, context)
            let year = try requireYear(context, pages: pages)
            return try await show(scope, year: year, dateText: request.uri.queryParameters.get("dato"),
                                  saved: request.uri.queryParameters.get("lagret"), context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/utkast") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await createDraft(scope, year: year, fromPrevious: fields["grunnlag"] != "tomt", context)
        }
        router.get("/organisasjoner/:code/tildelingsbrev/:year/rediger") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let draft = try await requireDraft(scope, year: year, context)
            var texts: [String: String] = ["tittel": draft.title, "innledning": draft.introduction]
            for list in [LetterText.List.frames, .expectations, .assignments, .meetingPlan, .reporting] {
                texts[list.rawValue] = LetterText.text(draft.content, list)
            }
            return pages.form(editPage(scope, year: year, values: texts, errors: InputErrors()), context: context, trail: trail(scope, year))
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/rediger") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveDraft(scope, year: year, fields: fields, context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/utsted") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await issue(scope, year: year, dateText: fields.text("dato"), context)
        }
        router.get("/organisasjoner/:code/tildelingsbrev/:year/tillegg") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            _ = try await currentLetter(scope, year: year, context)
            return pages.form(supplementPage(scope, year: year, values: ["dato": CalendarDate.today().iso], errors: InputErrors()),
                              context: context, trail: trail(scope, year))
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/tillegg") { request, context in
            let scope = try await access.agencyScope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveSupplement(scope, year: year, fields: fields, context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/oppdrag/:key") { request, context in
            let scope = try await access.agencyScope(.inform, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await reportStatus(scope, year: year, key: try context.parameters.require("key"), fields: fields, context)
        }
    }

    func trail(_ scope: DialogueScope, _ year: Int) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/tildelingsbrev/\(year)", label: "Tildelingsbrev \(year)")]
    }

    func letters(_ scope: DialogueScope, year: Int) async throws -> [AllocationLetter] {
        let code = scope.code
        return try await database.withConnection { db in try await SQLGovernanceStore(db).letters(of: code) }.filter { $0.year == year }
    }

    func requireDraft(_ scope: DialogueScope, year: Int, _ context: StyrRequestContext) async throws -> AllocationLetter {
        guard let letter = try await letters(scope, year: year).first(where: { $0.number == 0 }) else {
            throw notFound(pages, context, heading: "Fant ikke utkastet", message: "Det finnes ikke noe tildelingsbrev for \(year) til \(scope.organisation.name) ennå.")
        }
        guard letter.status == .draft else {
            throw notFound(pages, context, heading: "Brevet er utstedt",
                           message: "Tildelingsbrevet for \(year) er utstedt og endres ikke; lag et supplerende tildelingsbrev i stedet.")
        }
        return letter
    }

    /// The letter in force today (or at the end of its year), which a supplement amends.
    func currentLetter(_ scope: DialogueScope, year: Int, _ context: StyrRequestContext) async throws -> LetterInForce {
        let all = try await letters(scope, year: year)
        guard let inForce = LetterRules.inForce(all, on: Self.defaultDate(year: year)) else {
            throw notFound(pages, context, heading: "Ingen utstedt tildelingsbrev",
                           message: "Et supplerende tildelingsbrev endrer et utstedt tildelingsbrev; for \(year) er det ikke utstedt noe ennå.")
        }
        return inForce
    }

    static func defaultDate(year: Int) -> CalendarDate {
        max(CalendarDate(year: year, month: 1, day: 1), min(CalendarDate.today(), CalendarDate(year: year, month: 12, day: 31)))
    }

    // MARK: Showing

    func show(_ scope: DialogueScope, year: Int, dateText: String?, saved: String?, _ context: StyrRequestContext) async throws -> HTML {
        let date: CalendarDate
        if let dateText, !dateText.isEmpty {
            guard let parsed = CalendarDate(dateText) else {
                return pages.error(.badRequest, heading: "Ugyldig dato", message: "«\(dateText)» er ikke en dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD).", context: context)
            }
            date = parsed
        } else {
            date = Self.defaultDate(year: year)
        }
        let code = scope.code
        let (all, updates, goalAreas, indicators) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.letters(of: code).filter { $0.year == year }, try await store.assignmentUpdates(of: code).filter { $0.year == year },
                    try await store.goalAreas(of: code, year: year), try await store.indicators(of: code))
        }
        let main = all.first { $0.number == 0 }
        let shown: (letter: AllocationLetter, content: LetterContent, inForce: LetterInForce?)
        if let inForce = LetterRules.inForce(all, on: date) {
            shown = (inForce.letter, inForce.content, inForce)
        } else if let main, main.status == .draft, scope.can(.steer) {
            shown = (main, main.content, nil)
        } else if let main, main.status == .issued, let issuedOn = main.issuedOn {
            return pages.error(.notFound, heading: "Brevet gjaldt ikke ennå",
                               message: "Tildelingsbrevet for \(year) ble utstedt \(NorwegianFormat.date(issuedOn)) og gjaldt ikke \(NorwegianFormat.date(date)).", context: context)
        } else if scope.can(.steer) {
            return pages.form(FormPage(
                kicker: scope.organisation.name, heading: "Tildelingsbrev \(year)",
                intro: "Det er ikke laget noe tildelingsbrev for \(year) ennå. Start fra fjorårets brev slik det gjaldt ved årets slutt (rammer, forventninger, åpne oppdrag og planer flyttes et år frem), eller fra et tomt brev.",
                action: "\(scope.base)/tildelingsbrev/\(year)/utkast", submitLabel: "Lag utkast",
                fields: [FormField(name: "grunnlag", label: "Start fra", kind: .select([("forrige", "Fjorårets tildelingsbrev (\(year - 1))"), ("tomt", "Et tomt brev")]), value: "forrige")]),
                context: context, trail: scope.trail)
        } else {
            return pages.error(.notFound, heading: "Ingen tildelingsbrev",
                               message: "Det er ikke utstedt noe tildelingsbrev for \(year) til \(scope.organisation.name).", context: context)
        }
        let statuses = LetterRules.currentStatuses(updates)
        let canInform = scope.can(.inform) && shown.letter.status == .issued
        let csrf = context.session?.csrfToken ?? ""
        let base = "\(scope.base)/tildelingsbrev/\(year)"
        let today = CalendarDate.today()
        let assignments: [[String: Any]] = shown.content.assignments.map { assignment in
            let status = statuses[assignment.key] ?? .notStarted
            let own = updates.filter { $0.assignmentKey == assignment.key }
            return [
                "key": assignment.key, "title": assignment.title, "description": assignment.description,
                "deadline": NorwegianFormat.date(assignment.deadline), "reporting": assignment.reporting, "status": status.norwegianName,
                "updates": own.map { ["date": NorwegianFormat.date($0.date), "status": $0.status.norwegianName, "comment": $0.comment] },
                "hasUpdates": !own.isEmpty, "canInform": canInform, "csrfToken": csrf, "todayISO": today.iso,
                "statusURL": "\(base)/oppdrag/\(assignment.key.urlPathEncoded)",
                "statusOptions": AssignmentStatus.allCases.map { ["value": $0.rawValue, "label": $0.norwegianName, "selected": $0 == status] as [String: Any] },
            ]
        }
        let indicatorRows: [[String: String]] = indicators.compactMap { entry in
            guard let target = entry.value(in: year)?.target else { return nil }
            return ["name": entry.indicator.name, "target": AnnualReport.formatTarget(target, entry.indicator)]
        }
        let supplements: [[String: Any]] = (shown.inForce?.supplements ?? []).map { supplement in
            ["label": "Nr. \(supplement.letter.number)", "title": supplement.letter.title,
             "issuedOn": supplement.letter.issuedOn.map(NorwegianFormat.date) ?? "", "introduction": supplement.letter.introduction,
             "hasIntroduction": !supplement.letter.introduction.isEmpty, "changes": supplement.changes]
        }
        let later: [[String: String]] = (shown.inForce?.laterSupplements ?? []).compactMap { supplement in
            supplement.issuedOn.map { ["url": "\(base)?dato=\($0.iso)", "label": "nr. \(supplement.number) (\(NorwegianFormat.date($0)))"] }
        }
        let intro = Paragraphs.split(shown.letter.introduction)
        return pages.html("\(shown.letter.title) – \(scope.organisation.name)", template: "letter", context: [
            "organisationName": scope.organisation.name, "issuer": scope.name(of: shown.letter.issuedByCode), "title": shown.letter.title,
            "year": year, "saved": saved ?? "", "isDraft": shown.letter.status == .draft,
            "issuedOn": shown.letter.issuedOn.map(NorwegianFormat.date) ?? "", "inForceOn": NorwegianFormat.date(date), "inForceOnISO": date.iso,
            "url": base, "canSteer": scope.can(.steer), "csrfToken": csrf, "todayISO": today.iso,
            "editURL": "\(base)/rediger", "issueURL": "\(base)/utsted", "supplementURL": "\(base)/tillegg",
            "introduction": intro, "hasIntroduction": !intro.isEmpty,
            "frames": shown.content.frames.map {
                ["chapter": $0.chapter, "expenses": NorwegianFormat.kroner($0.expenses), "revenues": NorwegianFormat.kroner($0.revenues),
                 "net": NorwegianFormat.kroner($0.net)] as [String: Any]
            }, "hasFrames": !shown.content.frames.isEmpty,
            "goals": goalAreas.map(\.name), "hasGoals": !goalAreas.isEmpty,
            "indicators": indicatorRows, "hasIndicators": !indicatorRows.isEmpty,
            "expectations": shown.content.expectations.map { ["text": $0.text] }, "hasExpectations": !shown.content.expectations.isEmpty,
            "assignments": assignments, "hasAssignments": !assignments.isEmpty,
            "meetingPlan": shown.content.meetingPlan.map { ["date": NorwegianFormat.date($0.date), "title": $0.title, "kind": $0.kind.norwegianName.lowercased()] },
            "hasMeetings": !shown.content.meetingPlan.isEmpty,
            "requirements": shown.content.reportingRequirements.map { ["report": $0.report, "period": $0.period, "due": NorwegianFormat.date($0.due)] },
            "hasRequirements": !shown.content.reportingRequirements.isEmpty,
            "supplements": supplements, "hasSupplements": !supplements.isEmpty, "supplementCount": supplements.count,
            "later": later, "hasLater": !later.isEmpty,
            "historyURL": "/historikk?type=allocationLetter&nokkel=\("\(scope.code)/\(year)/0".urlQueryEncoded)",
        ], context: context, trail: scope.trail)
    }

    // MARK: Drafts

    func createDraft(_ scope: DialogueScope, year: Int, fromPrevious: Bool, _ context: StyrRequestContext) async throws -> Response {
        let code = scope.code, department = scope.steeringDepartmentCode, email = scope.user.email
        let result: String? = try await database.transaction { db in
            let store = SQLGovernanceStore(db, actor: email)
            let all = try await store.letters(of: code)
            guard !all.contains(where: { $0.year == year && $0.number == 0 }) else { return "Det finnes allerede et tildelingsbrev for \(year)." }
            var draft = AllocationLetter(organisationCode: code, year: year, number: 0, title: "Tildelingsbrev \(year)", issuedByCode: department)
            if fromPrevious {
                guard let previous = LetterRules.inForce(all.filter { $0.year == year - 1 }, on: CalendarDate(year: year - 1, month: 12, day: 31)) else {
                    return "Det finnes ikke noe utstedt tildelingsbrev for \(year - 1) å starte fra; velg et tomt brev."
                }
                let statuses = LetterRules.currentStatuses(try await store.assignmentUpdates(of: code).filter { $0.year == year - 1 })
                draft = LetterRules.draftForNextYear(from: previous, statuses: statuses, issuedByCode: department)
                draft.title = previous.letter.title.replacingOccurrences(of: String(year - 1), with: String(year))
            }
            try await store.save(draft)
            return nil
        }
        if let result {
            return pages.error(.conflict, heading: "Kan ikke lage utkastet", message: result, context: context).response
        }
        return redirect(to: "\(scope.base)/tildelingsbrev/\(year)/rediger")
    }

    func editPage(_ scope: DialogueScope, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        let lists: [LetterText.List] = [.frames, .expectations, .assignments, .meetingPlan, .reporting]
        return FormPage(
            kicker: "\(scope.organisation.name) · utkast", heading: "Rediger tildelingsbrev \(year)",
            intro: "Mål og resultatindikatorer med måltall hentes fra resultatindikatorene for \(year) og skrives ikke her. Hver linje i listene er ett punkt, med feltene skilt med |.",
            action: "\(scope.base)/tildelingsbrev/\(year)/rediger", submitLabel: "Lagre utkastet",
            fields: [
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
                FormField(name: "innledning", label: "Innledning", kind: .textarea, value: values["innledning"] ?? ""),
            ] + lists.map { FormField(name: $0.rawValue, label: $0.norwegianName, kind: .textarea, value: values[$0.rawValue] ?? "", hint: $0.format) },
            errors: errors, errorHeading: "Utkastet er ikke lagret", cancelURL: "\(scope.base)/tildelingsbrev/\(year)")
    }

    func saveDraft(_ scope: DialogueScope, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        var draft = try await requireDraft(scope, year: year, context)
        var texts: [LetterText.List: String] = [:]
        for list in [LetterText.List.frames, .expectations, .assignments, .meetingPlan, .reporting] { texts[list] = fields[list.rawValue] ?? "" }
        var errors = InputErrors()
        switch LetterText.content(texts) {
        case .success(let content): draft.content = content
        case .failure(let found): errors = found
        }
        draft.title = fields.text("tittel")
        draft.introduction = fields.text("innledning")
        if errors.isEmpty { errors = LetterRules.validate(draft) }
        guard errors.isEmpty else {
            return pages.form(editPage(scope, year: year, values: fields, errors: errors), context: context, trail: trail(scope, year)).response
        }
        let (email, toSave) = (scope.user.email, draft)
        try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(toSave) }
        return redirect(to: "\(scope.base)/tildelingsbrev/\(year)?lagret=\("Utkastet er lagret.".urlQueryEncoded)")
    }

    func issue(_ scope: DialogueScope, year: Int, dateText: String, _ context: StyrRequestContext) async throws -> Response {
        var draft = try await requireDraft(scope, year: year, context)
        guard let date = CalendarDate(dateText) else {
            return pages.error(.unprocessableContent, heading: "Brevet er ikke utstedt", message: "«\(dateText)» er ikke en gyldig dato.", context: context).response
        }
        draft.status = .issued
        draft.issuedOn = date
        let errors = LetterRules.validate(draft)
        guard errors.isEmpty else {
            return pages.error(.unprocessableContent, heading: "Brevet er ikke utstedt", message: errors.entries.map(\.message).joined(separator: " "), context: context).response
        }
        let (email, toSave) = (scope.user.email, draft)
        try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(toSave) }
        return redirect(to: "\(scope.base)/tildelingsbrev/\(year)?dato=\(date.iso)&lagret=\("Brevet er utstedt \(NorwegianFormat.date(date)).".urlQueryEncoded)")
    }

    // MARK: Supplements

    func supplementPage(_ scope: DialogueScope, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        let lists: [LetterText.List] = [.frames, .expectations, .assignments, .meetingPlan, .reporting, .withdrawnExpectations, .withdrawnAssignments]
        return FormPage(
            kicker: scope.organisation.name, heading: "Nytt supplerende tildelingsbrev \(year)",
            intro: "Skriv bare det som endres. En ramme, forventning eller et oppdrag med en nøkkel som finnes fra før, erstatter det gamle; en ny nøkkel legger til. Brevet utstedes når det lagres, og endres ikke etterpå.",
            action: "\(scope.base)/tildelingsbrev/\(year)/tillegg", submitLabel: "Utsted supplerende tildelingsbrev",
            fields: [
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
                FormField(name: "dato", label: "Utstedt", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "innledning", label: "Hva brevet gjelder", kind: .textarea, value: values["innledning"] ?? ""),
            ] + lists.map { FormField(name: $0.rawValue, label: $0.norwegianName, kind: .textarea, value: values[$0.rawValue] ?? "", hint: $0.format) },
            errors: errors, errorHeading: "Brevet er ikke utstedt", cancelURL: "\(scope.base)/tildelingsbrev/\(year)")
    }

    func saveSupplement(_ scope: DialogueScope, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let current = try await currentLetter(scope, year: year, context)
        let all = try await letters(scope, year: year)
        var texts: [LetterText.List: String] = [:]
        for list in LetterText.List.allCases { texts[list] = fields[list.rawValue] ?? "" }
        var errors = InputErrors()
        var supplement = AllocationLetter(
            organisationCode: scope.code, year: year, number: (all.map(\.number).max() ?? 0) + 1, title: fields.text("tittel"),
            status: .issued, issuedOn: CalendarDate(fields.text("dato")), issuedByCode: scope.steeringDepartmentCode,
            introduction: fields.text("innledning"))
        switch LetterText.amendments(texts, withdrawable: current.content) {
        case .success(let amendments): supplement.amendments = amendments
        case .failure(let found): errors = found
        }
        if supplement.issuedOn == nil { errors.add("dato", "Skriv datoen brevet utstedes (DD.MM.ÅÅÅÅ).") }
        if let issuedOn = supplement.issuedOn, let mainIssued = current.letter.issuedOn, issuedOn < mainIssued {
            errors.add("dato", "Et supplerende brev kan ikke utstedes før tildelingsbrevet (\(NorwegianFormat.date(mainIssued))).")
        }
        if let issuedOn = supplement.issuedOn, let lastIssued = all.filter(\.isSupplement).compactMap(\.issuedOn).max(), issuedOn < lastIssued {
            errors.add("dato", "Et nytt supplerende brev kan ikke utstedes før det forrige (\(NorwegianFormat.date(lastIssued))).")
        }
        if errors.isEmpty {
            // Validate the letter as it will read with this supplement (deadlines in the year, one frame per chapter…).
            var letter = current.letter
            letter.content = current.content
            letter.amendments = supplement.amendments
            for entry in LetterRules.validate(letter).entries { errors.add(entry.field, entry.message) }
            for entry in LetterRules.validate(supplement).entries { errors.add(entry.field, entry.message) }
        }
        guard errors.isEmpty else {
            return pages.form(supplementPage(scope, year: year, values: fields, errors: errors), context: context, trail: trail(scope, year)).response
        }
        let (email, toSave) = (scope.user.email, supplement)
        try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(toSave) }
        return redirect(to: "\(scope.base)/tildelingsbrev/\(year)?dato=\(supplement.issuedOn!.iso)&lagret=\("Supplerende tildelingsbrev nr. \(supplement.number) er utstedt.".urlQueryEncoded)")
    }

    // MARK: Assignment status

    func reportStatus(_ scope: DialogueScope, year: Int, key: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let current = try await currentLetter(scope, year: year, context)
        guard let assignment = current.content.assignments.first(where: { $0.key == key }) else {
            throw notFound(pages, context, heading: "Fant ikke oppdraget", message: "Tildelingsbrevet for \(year) har ikke noe oppdrag «\(key)».")
        }
        var problems: [String] = []
        let status = AssignmentStatus(rawValue: fields.text("status"))
        if status == nil { problems.append("Velg en status.") }
        let date = CalendarDate(fields.text("dato"))
        if date == nil { problems.append("«\(fields.text("dato"))» er ikke en gyldig dato.") }
        if let date, date > CalendarDate.today() { problems.append("Datoen \(NorwegianFormat.date(date)) er frem i tid.") }
        if fields.text("kommentar").isEmpty { problems.append("Skriv en kommentar om hvor arbeidet står.") }
        guard problems.isEmpty, let status, let date else {
            return pages.error(.unprocessableContent, heading: "Statusen er ikke lagret",
                               message: "«\(assignment.title)»: " + problems.joined(separator: " "), context: context).response
        }
        let update = AssignmentStatusUpdate(organisationCode: scope.code, year: year, assignmentKey: key, date: date, status: status,
                                            comment: fields.text("kommentar"), recordedBy: scope.user.email)
        let email = scope.user.email
        try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).add(update) }
        return redirect(to: "\(scope.base)/tildelingsbrev/\(year)?lagret=\("Status for «\(assignment.title)» er lagret.".urlQueryEncoded)#oppdrag-\(key)")
    }
}
