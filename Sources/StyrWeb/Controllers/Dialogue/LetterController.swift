import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Allocation letters: the letter as in force on a date with its supplements, the department's
/// draft, issue and supplement forms, and the agency's status reports on assignments. The rules
/// are `LetterService`'s; this page only translates the forms and the view.
struct LetterController: Sendable {
    let letters: LetterService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each list of the letter.
    static let listFields: [LetterText.List: String] = [
        .frames: "rammer", .expectations: "forventninger", .assignments: "oppdrag", .meetingPlan: "moteplan", .reporting: "rapportering",
        .withdrawnExpectations: "trekk_forventninger", .withdrawnAssignments: "trekk_oppdrag",
    ]

    /// The forms' field for each of the rules' fields (a supplement that changes nothing is shown
    /// by its first list).
    static let formFields: [String: String] = Dictionary(uniqueKeysWithValues: listFields.map { ($0.key.rawValue, $0.value) })
        .merging(["title": "tittel", "introduction": "innledning", "issuedOn": "dato", "amendments": "rammer", "date": "dato",
                  "comment": "kommentar", "status": "status"]) { $1 }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tildelingsbrev/:year") { request, context in
            let year = try requireYear(context, pages: pages)
            return try await show(try context.parameters.require("code"), year: year, dateText: request.uri.queryParameters.get("dato"),
                                  saved: Confirmation.message(request, context), context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/utkast") { request, context in
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await createDraft(try context.parameters.require("code"), year: year, fromPrevious: fields["grunnlag"] != "tomt", context)
        }
        router.get("/organisasjoner/:code/tildelingsbrev/:year/rediger") { request, context in
            let year = try requireYear(context, pages: pages)
            let (scope, draft) = try await letters.draft(in: try context.parameters.require("code"), year: year, by: context.session?.user)
            var texts: [String: String] = ["tittel": draft.title, "innledning": draft.introduction]
            for list in Self.draftLists { texts[Self.listFields[list] ?? ""] = LetterText.text(draft.content, list) }
            texts[FormPage.versionField] = String(try await letters.recordVersions.version(
                of: RecordVersions.letterDraft(scope.code, year: year), in: scope.code, by: context.session?.user))
            return pages.form(editPage(scope, year: year, values: texts, errors: InputErrors()), context: context, trail: trail(scope, year))
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/rediger") { request, context in
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveDraft(try context.parameters.require("code"), year: year, fields: fields, context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/utsted") { request, context in
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await issue(try context.parameters.require("code"), year: year, dateText: fields.text("dato"), context)
        }
        router.get("/organisasjoner/:code/tildelingsbrev/:year/tillegg") { request, context in
            let year = try requireYear(context, pages: pages)
            let (scope, _) = try await letters.current(in: try context.parameters.require("code"), year: year, by: context.session?.user)
            return pages.form(supplementPage(scope, year: year, values: ["dato": CalendarDate.today().iso], errors: InputErrors()),
                              context: context, trail: trail(scope, year))
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/tillegg") { request, context in
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveSupplement(try context.parameters.require("code"), year: year, fields: fields, context)
        }
        router.post("/organisasjoner/:code/tildelingsbrev/:year/oppdrag/:key") { request, context in
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await reportStatus(try context.parameters.require("code"), year: year, key: try context.parameters.require("key"),
                                          fields: fields, context)
        }
    }

    static let draftLists: [LetterText.List] = [.frames, .expectations, .assignments, .meetingPlan, .reporting]

    func trail(_ scope: DialogueScope, _ year: Int) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/tildelingsbrev/\(year)", label: "Tildelingsbrev \(year)")]
    }

    /// The lists of a form, by the letter's lists.
    static func lists(_ fields: [String: String]) -> [LetterText.List: String] {
        var texts: [LetterText.List: String] = [:]
        for (list, name) in listFields { texts[list] = fields[name] ?? "" }
        return texts
    }

    // MARK: Showing

    func show(_ code: String, year: Int, dateText: String?, saved: String?, _ context: StyrRequestContext, status: HTTPResponse.Status = .ok,
              refused: LetterView.RefusedReport? = nil) async throws -> HTML {
        var date: CalendarDate?
        if let dateText, !dateText.isEmpty {
            guard let parsed = CalendarDate(dateText) else {
                return pages.error(.badRequest, heading: "Ugyldig dato", message: "«\(dateText)» er ikke en dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD).", context: context)
            }
            date = parsed
        }
        let today = CalendarDate.today()
        let reading = try await letters.read(in: code, year: year, on: date, by: context.session?.user, withGoals: true, today: today)
        let scope = reading.scope
        let shown: LetterView.Shown
        if let inForce = reading.inForce {
            shown = .inForce(inForce)
        } else if let main = reading.main, main.status == .draft, scope.can(.steer) {
            shown = .draft(main)
        } else if let main = reading.main, main.status == .issued, let issuedOn = main.issuedOn {
            return pages.error(.notFound, heading: "Brevet gjaldt ikke ennå",
                               message: "Tildelingsbrevet for \(year) ble utstedt \(NorwegianFormat.date(issuedOn)) og gjaldt ikke \(NorwegianFormat.date(reading.date)).",
                               context: context)
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
        let view = LetterView(reading, shown: shown, saved: saved, csrfToken: context.session?.csrfToken ?? "", today: today, refused: refused)
        return pages.html("\(view.title) – \(scope.organisation.name)", template: "letter", model: view, context: context, status: status,
                          trail: scope.trail)
    }

    // MARK: Drafts

    func createDraft(_ code: String, year: Int, fromPrevious: Bool, _ context: StyrRequestContext) async throws -> Response {
        do {
            _ = try await letters.createDraft(in: code, year: year, fromPrevious: fromPrevious, by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            return pages.error(.conflict, heading: "Kan ikke lage utkastet", message: ServiceError.invalid(errors).message, context: context).response
        }
        return redirect(to: "/organisasjoner/\(code.urlPathEncoded)/tildelingsbrev/\(year)/rediger")
    }

    func editPage(_ scope: DialogueScope, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: "\(scope.organisation.name) · utkast", heading: "Rediger tildelingsbrev \(year)",
            intro: "Mål og resultatindikatorer med måltall hentes fra resultatindikatorene for \(year) og skrives ikke her. Hver linje i listene er ett punkt, med feltene skilt med |.",
            action: "\(scope.base)/tildelingsbrev/\(year)/rediger", submitLabel: "Lagre utkastet",
            fields: [
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
                FormField(name: "innledning", label: "Innledning", kind: .textarea, value: values["innledning"] ?? ""),
            ] + Self.draftLists.map { listField($0, values) },
            errors: errors, errorHeading: "Utkastet er ikke lagret", cancelURL: "\(scope.base)/tildelingsbrev/\(year)",
            version: RecordVersions.parse(values[FormPage.versionField]))
    }

    func listField(_ list: LetterText.List, _ values: [String: String]) -> FormField {
        let name = Self.listFields[list] ?? list.rawValue
        return FormField(name: name, label: list.norwegianName, kind: .textarea, value: values[name] ?? "", hint: list.format)
    }

    func saveDraft(_ code: String, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            _ = try await letters.saveDraft(
                in: code, year: year, title: fields.text("tittel"), introduction: fields.text("innledning"), lists: Self.lists(fields),
                version: RecordVersions.parse(fields[FormPage.versionField]), by: user)
        } catch ServiceError.invalid(let errors) {
            let (scope, _) = try await letters.draft(in: code, year: year, by: user)
            return pages.form(editPage(scope, year: year, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                              trail: trail(scope, year)).response
        }
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/tildelingsbrev/\(year)", message: "Utkastet er lagret.", context)
    }

    func issue(_ code: String, year: Int, dateText: String, _ context: StyrRequestContext) async throws -> Response {
        let issued: AllocationLetter
        do {
            // A date that cannot be read is refused by the page before the rule sees it.
            guard let date = CalendarDate(dateText) else {
                _ = try await letters.draft(in: code, year: year, by: context.session?.user)
                return pages.error(.unprocessableContent, heading: "Brevet er ikke utstedt", message: "«\(dateText)» er ikke en gyldig dato.",
                                   context: context).response
            }
            issued = try await letters.issue(in: code, year: year, on: date, by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            return pages.error(.unprocessableContent, heading: "Brevet er ikke utstedt", message: ServiceError.invalid(errors).message,
                               context: context).response
        }
        let date = issued.issuedOn ?? CalendarDate.today()
        return Confirmation.redirect(
            to: "/organisasjoner/\(code.urlPathEncoded)/tildelingsbrev/\(year)?dato=\(date.iso)", message: "Brevet er utstedt \(NorwegianFormat.date(date)).",
            context)
    }

    // MARK: Supplements

    func supplementPage(_ scope: DialogueScope, year: Int, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Nytt supplerende tildelingsbrev \(year)",
            intro: "Skriv bare det som endres. En ramme, forventning eller et oppdrag med en nøkkel som finnes fra før, erstatter det gamle; en ny nøkkel legger til. Brevet utstedes når det lagres, og endres ikke etterpå.",
            action: "\(scope.base)/tildelingsbrev/\(year)/tillegg", submitLabel: "Utsted supplerende tildelingsbrev",
            fields: [
                FormField(name: "tittel", label: "Tittel", value: values["tittel"] ?? ""),
                FormField(name: "dato", label: "Utstedt", kind: .date, value: values["dato"] ?? ""),
                FormField(name: "innledning", label: "Hva brevet gjelder", kind: .textarea, value: values["innledning"] ?? ""),
            ] + LetterText.List.allCases.map { listField($0, values) },
            errors: errors, errorHeading: "Brevet er ikke utstedt", cancelURL: "\(scope.base)/tildelingsbrev/\(year)")
    }

    func saveSupplement(_ code: String, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let supplement: AllocationLetter
        do {
            supplement = try await letters.issueSupplement(
                in: code, year: year, title: fields.text("tittel"), issuedOn: CalendarDate(fields.text("dato")), introduction: fields.text("innledning"),
                lists: Self.lists(fields), by: user)
        } catch ServiceError.invalid(let errors) {
            let (scope, _) = try await letters.current(in: code, year: year, by: user)
            return pages.form(supplementPage(scope, year: year, values: fields, errors: errors.renamed(Self.formFields)), context: context,
                              trail: trail(scope, year)).response
        }
        return Confirmation.redirect(
            to: "/organisasjoner/\(code.urlPathEncoded)/tildelingsbrev/\(year)?dato=\((supplement.issuedOn ?? CalendarDate.today()).iso)",
            message: "Supplerende tildelingsbrev nr. \(supplement.number) er utstedt.", context)
    }

    // MARK: Assignment status

    func reportStatus(_ code: String, year: Int, key: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let assignment: Assignment
        do {
            (_, assignment) = try await letters.reportStatus(
                in: code, year: year, assignment: key, date: CalendarDate(fields.text("dato")), status: AssignmentStatus(rawValue: fields.text("status")),
                comment: fields.text("kommentar"), by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            // The letter again, with the report as typed and the errors beside its fields.
            let refused = LetterView.RefusedReport(
                key: key, status: fields.text("status"), date: CalendarDate(fields.text("dato"))?.iso ?? fields.text("dato"), comment: fields["kommentar"] ?? "",
                errors: errors.renamed(Self.formFields))
            return try await show(code, year: year, dateText: nil, saved: nil, context, status: .unprocessableContent, refused: refused).response
        }
        return Confirmation.redirect(
            to: "/organisasjoner/\(code.urlPathEncoded)/tildelingsbrev/\(year)#oppdrag-\(key)", message: "Status for «\(assignment.title)» er lagret.",
            context)
    }
}
