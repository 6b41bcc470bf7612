import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// What the accounting report is computed with beyond the numbers: the department sets each
/// chapter's post grouping and the deviation that needs an explanation, the agency its monthly
/// budget profiles (periodisering) for the year. Who sets what, and the rules, are
/// `BudgetSetupService`'s; these forms read their line formats and show the refusals.
struct BudgetSetupController: Sendable {
    let setup: BudgetSetupService
    let pages: Pages
    let access: Authorizer

    /// The threshold form's field for each of the threshold's fields.
    static let thresholdFields = ["amount": "belop", "percent": "prosent", "rule": "regel"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskapsrapport/:year/postinndeling") { _, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let (scope, current) = try await setup.setup(in: code, year: year, by: context.session?.user, permission: .steer)
            var values: [String: String] = [:]
            for chapter in current.chapters { values[Self.field(chapter.number)] = BudgetSetupText.text(current.groupings.grouping(forChapter: chapter.number)) }
            return pages.form(groupingPage(scope, year: year, chapters: current.chapters, values: values, errors: InputErrors()), context: context,
                              trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/postinndeling") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveGroupings(code, year: year, fields: fields, context)
        }
        router.get("/organisasjoner/:code/regnskapsrapport/:year/terskel") { _, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let (scope, current) = try await setup.setup(in: code, year: year, by: context.session?.user, permission: .steer)
            let shown = current.threshold.formValues
            return pages.form(thresholdPage(scope, year: year, current: current,
                                            values: ["belop": shown.amount, "prosent": shown.percent, "regel": shown.rule,
                                                     FormPage.versionField: String(current.thresholdVersion)], errors: InputErrors()),
                              context: context, trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/terskel") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveThreshold(code, year: year, fields: fields, context)
        }
        router.get("/organisasjoner/:code/regnskapsrapport/:year/periodisering") { _, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let (scope, current) = try await setup.setup(in: code, year: year, by: context.session?.user, permission: .enterResults)
            return pages.form(profilePage(scope, year: year, value: BudgetSetupText.text(current.profiles), errors: InputErrors()), context: context,
                              trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/periodisering") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveProfiles(code, year: year, fields: fields, context)
        }
    }

    static func field(_ chapter: Int) -> String { "kapittel_\(chapter)" }

    func trail(_ scope: DialogueScope, _ year: Int) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/regnskapsrapport/\(year)", label: "Regnskapsrapport \(year)")]
    }

    func reportURL(_ scope: DialogueScope, _ year: Int) -> String { "\(scope.base)/regnskapsrapport/\(year)" }

    // MARK: Post grouping

    func groupingPage(_ scope: DialogueScope, year: Int, chapters: [Chapter], values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Postinndeling",
            intro: "Postene er radene i regnskapsrapporten med prognose. Budsjettet vedtas per artsgruppe, så en post dekker hele artsgrupper, og hver artsgruppe ligger i nøyaktig én post. Endringen gjelder alle år og logges.",
            action: "\(scope.base)/regnskapsrapport/\(year)/postinndeling", submitLabel: "Lagre postinndelingen",
            fields: chapters.map { chapter in
                FormField(name: Self.field(chapter.number), label: "Kapittel \(chapter.number) \(chapter.name)", kind: .textarea,
                          value: values[Self.field(chapter.number)] ?? "", hint: BudgetSetupText.groupingFormat, rows: 12)
            },
            errors: errors, errorHeading: "Postinndelingen er ikke lagret", cancelURL: reportURL(scope, year))
    }

    func saveGroupings(_ code: String, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let (scope, current) = try await setup.setup(in: code, year: year, by: user, permission: .steer)
        var errors = InputErrors()
        var parsed: [Int: PostGrouping?] = [:]
        for chapter in current.chapters {
            let field = Self.field(chapter.number)
            switch BudgetSetupText.grouping(fields[field] ?? "") {
            case .success(let grouping): parsed[chapter.number] = grouping
            case .failure(let found):
                for entry in found.entries { errors.add(field, "Kapittel \(chapter.number): \(entry.message)") }
            }
        }
        if errors.isEmpty {
            do {
                try await setup.saveGroupings(parsed, in: code, by: user)
            } catch ServiceError.invalid(let refused) {
                errors = refused.renamed(Dictionary(current.chapters.map { ("chapter\($0.number)", Self.field($0.number)) }, uniquingKeysWith: { a, _ in a }))
            }
        }
        guard errors.isEmpty else {
            return pages.form(groupingPage(scope, year: year, chapters: current.chapters, values: fields, errors: errors), context: context,
                              trail: trail(scope, year)).response
        }
        return Confirmation.redirect(to: reportURL(scope, year), message: "Postinndelingen er lagret.", context)
    }

    // MARK: Threshold

    func thresholdPage(_ scope: DialogueScope, year: Int, current: BudgetSetup, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Terskel for forklaring \(year)",
            intro: "Et avvik mellom prognose og regulert budsjett over terskelen må forklares før regnskapsrapporten sendes. Terskelen gjelder \(scope.organisation.name) for \(year); endringen logges. Standard er \(current.defaultThreshold.norwegianDescription)"
                + (current.ownThreshold != nil ? "; nå gjelder en egen terskel." : ", og den gjelder nå."),
            action: "\(scope.base)/regnskapsrapport/\(year)/terskel", submitLabel: "Lagre terskelen",
            fields: [
                FormField(name: "belop", label: "Beløp (kroner)", kind: .text, value: values["belop"] ?? "", hint: "Avvik over dette beløpet, for eksempel 500 000."),
                FormField(name: "prosent", label: "Prosent av regulert budsjett", kind: .text, value: values["prosent"] ?? "",
                          hint: "For eksempel 5 eller 2,5; høyst to desimaler."),
                FormField(name: "regel", label: "Forklaring kreves når avviket er", kind: .select([
                    (value: "og", label: "over både beløpet og prosenten"), (value: "eller", label: "over beløpet eller prosenten"),
                ]), value: values["regel"] ?? "og", hint: ""),
                FormField(name: "standard", label: "Standard", kind: .checkboxes([
                    (name: "standard", label: "Bruk standardterskelen (feltene over gjelder ikke)", checked: false),
                ]), value: "", hint: ""),
            ],
            errors: errors, errorHeading: "Terskelen er ikke lagret", cancelURL: reportURL(scope, year),
            version: RecordVersions.parse(values[FormPage.versionField]) ?? current.thresholdVersion)
    }

    func saveThreshold(_ code: String, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let saved: BudgetSetup
        let version = RecordVersions.parse(fields[FormPage.versionField])
        do {
            // The box ticked: the standard applies (and follows the server's). Values typed in are
            // kept as the organisation's own, also when they equal the standard's today.
            if fields["standard"] != nil {
                saved = try await setup.saveThreshold(nil, in: code, year: year, version: version, by: user)
            } else {
                saved = try await setup.saveThreshold(
                    amount: fields["belop"] ?? "", percent: fields["prosent"] ?? "", rule: fields["regel"] ?? "", in: code, year: year,
                    version: version, by: user)
            }
        } catch ServiceError.invalid(let errors) {
            let (scope, current) = try await setup.setup(in: code, year: year, by: user, permission: .steer)
            return pages.form(thresholdPage(scope, year: year, current: current, values: fields, errors: errors.renamed(Self.thresholdFields)),
                              context: context, trail: trail(scope, year)).response
        }
        let message = saved.ownThreshold.map { "Terskelen er lagret: forklaring kreves ved \($0.norwegianDescription)." } ?? "Standardterskelen gjelder."
        return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/regnskapsrapport/\(year)", message: message, context)
    }

    // MARK: Profiles

    func profilePage(_ scope: DialogueScope, year: Int, value: String, errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Periodisering \(year)",
            intro: "Periodiseringen fordeler årets regulerte budsjett på månedene, og gir «budsjett hittil» i regnskapsrapporten. Uten profil får hver måned en tolvdel.",
            action: "\(scope.base)/regnskapsrapport/\(year)/periodisering", submitLabel: "Lagre periodiseringen",
            fields: [FormField(name: "profiler", label: "Månedsprofiler", kind: .textarea, value: value, hint: BudgetSetupText.profileFormat, rows: 8)],
            errors: errors, errorHeading: "Periodiseringen er ikke lagret", cancelURL: reportURL(scope, year))
    }

    func saveProfiles(_ code: String, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let (scope, current) = try await setup.setup(in: code, year: year, by: user, permission: .enterResults)
        var errors = InputErrors()
        switch BudgetSetupText.profiles(fields["profiler"] ?? "", postsByChapter: current.postsByChapter) {
        case .success(let read):
            do {
                _ = try await setup.saveProfiles(.init(read), in: code, year: year, by: user)
            } catch ServiceError.invalid(let refused) {
                for entry in refused.entries { errors.add("profiler", entry.message) }
            }
        case .failure(let found):
            for entry in found.entries { errors.add("profiler", entry.message) }
        }
        guard errors.isEmpty else {
            return pages.form(profilePage(scope, year: year, value: fields["profiler"] ?? "", errors: errors), context: context,
                              trail: trail(scope, year)).response
        }
        return Confirmation.redirect(to: reportURL(scope, year), message: "Periodiseringen er lagret.", context)
    }
}
