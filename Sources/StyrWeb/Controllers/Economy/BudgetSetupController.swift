import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// What the accounting report is computed with beyond the numbers: the department sets each
/// chapter's post grouping and the deviation that needs an explanation, the agency its monthly
/// budget profiles (periodisering) for the year.
struct BudgetSetupController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer
    /// The server's threshold, for organisations whose department has not set one.
    let defaultThreshold: ForecastThreshold

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskapsrapport/:year/postinndeling") { request, context in
            let scope = try await access.scope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let (chapters, groupings) = try await load(scope.code)
            var values: [String: String] = [:]
            for chapter in chapters { values[Self.field(chapter.number)] = BudgetSetupText.text(groupings.grouping(forChapter: chapter.number)) }
            return pages.form(groupingPage(scope, year: year, chapters: chapters, values: values, errors: InputErrors()), context: context,
                              trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/postinndeling") { request, context in
            let scope = try await access.scope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveGroupings(scope, year: year, fields: fields, context)
        }
        router.get("/organisasjoner/:code/regnskapsrapport/:year/terskel") { request, context in
            let scope = try await access.scope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let code = scope.code
            let stored = try await database.withConnection { db in try await SQLBudgetSetupStore(db).threshold(of: code, year: year) }
            let shown = (stored ?? defaultThreshold).formValues
            return pages.form(thresholdPage(scope, year: year, ownThreshold: stored != nil,
                                            values: ["belop": shown.amount, "prosent": shown.percent, "regel": shown.rule], errors: InputErrors()),
                              context: context, trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/terskel") { request, context in
            let scope = try await access.scope(.steer, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveThreshold(scope, year: year, fields: fields, context)
        }
        router.get("/organisasjoner/:code/regnskapsrapport/:year/periodisering") { request, context in
            let scope = try await access.scope(.enterResults, request, context)
            let year = try requireYear(context, pages: pages)
            let code = scope.code
            let profiles = try await database.withConnection { db in try await SQLBudgetSetupStore(db).profiles(of: code, year: year) }
            return pages.form(profilePage(scope, year: year, value: BudgetSetupText.text(profiles), errors: InputErrors()), context: context,
                              trail: trail(scope, year)).response
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/periodisering") { request, context in
            let scope = try await access.scope(.enterResults, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await saveProfiles(scope, year: year, fields: fields, context)
        }
    }

    static func field(_ chapter: Int) -> String { "kapittel_\(chapter)" }

    func trail(_ scope: DialogueScope, _ year: Int) -> [NavigationLink] {
        scope.trail + [NavigationLink(url: "\(scope.base)/regnskapsrapport/\(year)", label: "Regnskapsrapport \(year)")]
    }

    func load(_ code: String) async throws -> ([Chapter], ChapterPostGroupings) {
        try await database.withConnection { db in
            (try await SQLGovernanceStore(db).chapters(of: code), try await SQLBudgetSetupStore(db).groupings())
        }
    }

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
            errors: errors, errorHeading: "Postinndelingen er ikke lagret", cancelURL: "\(scope.base)/regnskapsrapport/\(year)")
    }

    func saveGroupings(_ scope: DialogueScope, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let (chapters, _) = try await load(scope.code)
        var errors = InputErrors()
        var parsed: [(chapter: Int, grouping: PostGrouping?)] = []
        for chapter in chapters {
            let field = Self.field(chapter.number)
            switch BudgetSetupText.grouping(fields[field] ?? "") {
            case .success(let grouping):
                parsed.append((chapter.number, grouping == .standard ? nil : grouping))
            case .failure(let found):
                for entry in found.entries { errors.add(field, "Kapittel \(chapter.number): \(entry.message)") }
            }
        }
        guard errors.isEmpty else {
            return pages.form(groupingPage(scope, year: year, chapters: chapters, values: fields, errors: errors), context: context,
                              trail: trail(scope, year)).response
        }
        let (email, toSave) = (scope.user.email, parsed)
        try await database.transaction { db in
            let store = SQLBudgetSetupStore(db, actor: email)
            for item in toSave { try await store.saveGrouping(item.grouping, chapter: item.chapter) }
        }
        return redirect(to: "\(scope.base)/regnskapsrapport/\(year)?lagret=\("Postinndelingen er lagret.".urlQueryEncoded)")
    }

    // MARK: Threshold

    func thresholdPage(_ scope: DialogueScope, year: Int, ownThreshold: Bool, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Terskel for forklaring \(year)",
            intro: "Et avvik mellom prognose og regulert budsjett over terskelen må forklares før regnskapsrapporten sendes. Terskelen gjelder \(scope.organisation.name) for \(year); endringen logges. Standard er \(defaultThreshold.norwegianDescription)"
                + (ownThreshold ? "; nå gjelder en egen terskel." : ", og den gjelder nå."),
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
            errors: errors, errorHeading: "Terskelen er ikke lagret", cancelURL: "\(scope.base)/regnskapsrapport/\(year)")
    }

    func saveThreshold(_ scope: DialogueScope, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        var threshold: ForecastThreshold?
        // The box ticked: the standard applies (and follows the server's). Values typed in are kept
        // as the organisation's own, also when they equal the standard's today.
        if fields["standard"] == nil {
            let read = ForecastThreshold.read(amount: fields["belop"] ?? "", percent: fields["prosent"] ?? "", rule: fields["regel"] ?? "")
            guard let readThreshold = read.threshold else {
                var errors = InputErrors()
                let names: [ForecastThreshold.Field: String] = [.amount: "belop", .percent: "prosent", .rule: "regel"]
                for problem in read.problems { errors.add(names[problem.field] ?? "belop", problem.message) }
                let code = scope.code
                let stored = try await database.withConnection { db in try await SQLBudgetSetupStore(db).threshold(of: code, year: year) }
                return pages.form(thresholdPage(scope, year: year, ownThreshold: stored != nil, values: fields, errors: errors), context: context,
                                  trail: trail(scope, year)).response
            }
            threshold = readThreshold
        }
        let (code, email, toSave) = (scope.code, scope.user.email, threshold)
        try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveThreshold(toSave, of: code, year: year) }
        let message = threshold.map { "Terskelen er lagret: forklaring kreves ved \($0.norwegianDescription)." } ?? "Standardterskelen gjelder."
        return redirect(to: "\(scope.base)/regnskapsrapport/\(year)?lagret=\(message.urlQueryEncoded)")
    }

    // MARK: Profiles

    func profilePage(_ scope: DialogueScope, year: Int, value: String, errors: InputErrors) -> FormPage {
        FormPage(
            kicker: scope.organisation.name, heading: "Periodisering \(year)",
            intro: "Periodiseringen fordeler årets regulerte budsjett på månedene, og gir «budsjett hittil» i regnskapsrapporten. Uten profil får hver måned en tolvdel.",
            action: "\(scope.base)/regnskapsrapport/\(year)/periodisering", submitLabel: "Lagre periodiseringen",
            fields: [FormField(name: "profiler", label: "Månedsprofiler", kind: .textarea, value: value, hint: BudgetSetupText.profileFormat, rows: 8)],
            errors: errors, errorHeading: "Periodiseringen er ikke lagret", cancelURL: "\(scope.base)/regnskapsrapport/\(year)")
    }

    func saveProfiles(_ scope: DialogueScope, year: Int, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let (chapters, groupings) = try await load(scope.code)
        let posts = Dictionary(chapters.map { ($0.number, groupings.grouping(forChapter: $0.number)) }, uniquingKeysWith: { a, _ in a })
        let profiles: BudgetSetupText.Profiles
        switch BudgetSetupText.profiles(fields["profiler"] ?? "", postsByChapter: posts) {
        case .success(let read): profiles = read
        case .failure(let found):
            var errors = InputErrors()
            for entry in found.entries { errors.add("profiler", entry.message) }
            return pages.form(profilePage(scope, year: year, value: fields["profiler"] ?? "", errors: errors), context: context,
                              trail: trail(scope, year)).response
        }
        let (code, email) = (scope.code, scope.user.email)
        try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveProfiles(profiles, of: code, year: year) }
        return redirect(to: "\(scope.base)/regnskapsrapport/\(year)?lagret=\("Periodiseringen er lagret.".urlQueryEncoded)")
    }
}
