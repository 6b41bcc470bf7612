import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The accounting report with forecast per month or tertial: the agency picks a forecast method
/// per post and explains deviations beyond the threshold; the leader submits it; HTML, CSV, XLSX.
struct AccountingReportController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer
    /// The deviation that needs an explanation (`styr serve --forecast-threshold-…`).
    let threshold: ForecastThreshold

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskapsrapport/:year") { request, context in
            let scope = try await access.scope(.read, request, context)
            let year = try requireYear(context, pages: pages)
            let period = try period(request, context)
            return try await show(scope, year: year, period: period, format: request.uri.queryParameters.get("format") ?? "html",
                                  saved: request.uri.queryParameters.get("lagret"), errors: InputErrors(), values: [:], context)
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year") { request, context in
            let scope = try await access.scope(.enterResults, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let period = try period(request, context)
            return try await save(scope, year: year, period: period, fields: fields, context)
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/send") { request, context in
            let scope = try await access.scope(.approveReports, request, context)
            let year = try requireYear(context, pages: pages)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let period = try period(request, context)
            return try await submit(scope, year: year, period: period, context)
        }
    }

    /// `?periode=t2` (tertial) or `?periode=m4` (January–April); the second tertial by default.
    func period(_ request: Request, _ context: StyrRequestContext) throws -> AccountingPeriod {
        let text = request.uri.queryParameters.get("periode") ?? "t2"
        let number = Int(text.dropFirst()) ?? 0
        let period: AccountingPeriod = text.hasPrefix("m") ? .month(number) : .tertial(number)
        guard period.isValid else {
            throw notFound(pages, context, heading: "Ugyldig periode", message: "«\(text)» er ingen periode; bruk t1–t3 (tertial) eller m1–m12 (måned).")
        }
        return period
    }

    static func periodCode(_ period: AccountingPeriod) -> String {
        switch period {
        case .month(let month): "m\(month)"
        case .tertial(let tertial): "t\(tertial)"
        }
    }

    static func fieldKey(_ key: PostKey) -> String { "\(key.chapter)_\(key.kind.rawValue)_\(key.postCode)" }

    func load(_ code: String, year: Int, period: AccountingPeriod) async throws -> (AccountingReport, [AccountingReportSubmission]) {
        let (report, submissions, _) = try await loadWithSetup(code, year: year, period: period)
        return (report, submissions)
    }

    func loadWithSetup(
        _ code: String, year: Int, period: AccountingPeriod
    ) async throws -> (AccountingReport, [AccountingReportSubmission], AccountingReportLoader.Setup) {
        try await database.withConnection { db in
            let setup = try await AccountingReportLoader.Setup.load(db, organisationCode: code, year: year)
            return (try await AccountingReportLoader.load(db, organisationCode: code, year: year, period: period, threshold: threshold, setup: setup),
                    try await SQLForecastStore(db).submissions(of: code, year: year), setup)
        }
    }

    /// `Poster: artsgruppene. Periodisering: en tolvdel hver måned.`, or what is set instead.
    static func setupDescription(_ setup: AccountingReportLoader.Setup) -> String {
        let own = setup.chapters.map(\.number).filter { setup.groupings.byChapter[$0] != nil }
        let posts = own.isEmpty ? "Poster: artsgruppene." : "Poster: egen postinndeling for kap. \(own.map(String.init).joined(separator: ", "))."
        let count = setup.profiles.byPost.count
        let ownProfiles = "egen profil for \(count) post\(count == 1 ? "" : "er")"
        let periods = switch (setup.profiles.fallback != nil, count > 0) {
        case (false, false): "Periodisering: en tolvdel hver måned."
        case (true, false): "Periodisering: egen månedsprofil for alle poster."
        case (false, true): "Periodisering: \(ownProfiles), en tolvdel hver måned for de andre."
        case (true, true): "Periodisering: egen månedsprofil for alle poster og \(ownProfiles)."
        }
        return posts + " " + periods
    }

    func show(
        _ scope: DialogueScope, year: Int, period: AccountingPeriod, format: String, saved: String?, errors: InputErrors,
        values posted: [String: String], _ context: StyrRequestContext
    ) async throws -> Response {
        let (report, submissions, setup) = try await loadWithSetup(scope.code, year: year, period: period)
        let filename = "regnskapsrapport-\(scope.code)-\(year)-\(Self.periodCode(period))"
        switch format {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: AccountingReportCSV.csv(report))))
        case "xlsx":
            return Response(
                status: .ok,
                headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          .contentDisposition: "attachment; filename=\"\(filename).xlsx\""],
                body: .init(byteBuffer: ByteBuffer(bytes: AccountingReportXLSX.workbook(report))))
        default: break
        }
        let canEdit = scope.can(.enterResults)
        let base = "\(scope.base)/regnskapsrapport/\(year)"
        // Lines without a chapter count for the organisation's only chapter, so the drill-down
        // filters on the chapter only when there are several.
        let severalChapters = Set(report.sections.map(\.chapter)).count > 1
        let query = "periode=\(Self.periodCode(period))"
        let sections: [[String: Any]] = report.sections.map { section in
            ["caption": section.caption, "rows": section.rows.map { row -> [String: Any] in
                var values: [String: Any] = [
                    "label": row.label, "isSum": row.isSum, "revised": NorwegianFormat.kroner(row.revisedBudget, zeroAsDash: false),
                    "toDate": NorwegianFormat.kroner(row.budgetToDate, zeroAsDash: false),
                    "actuals": NorwegianFormat.kroner(row.actualsToDate, zeroAsDash: false),
                    "forecast": NorwegianFormat.kroner(row.forecast, zeroAsDash: false),
                    "deviation": NorwegianFormat.kroner(row.deviation, zeroAsDash: false), "method": row.methodName,
                    "note": row.methodNote ?? "", "explanation": row.explanation ?? "", "needsExplanation": row.needsExplanation,
                    "missing": row.isExplanationMissing,
                    // Set on every row: Mustache would otherwise find the page's `canEdit` for a sum row.
                    "canEdit": false,
                ]
                if let post = row.post {
                    let key = PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)
                    values["actualsURL"] = "\(scope.base)/regnskap/\(year)/linjer?maal=actuals&artsgruppe=\(PostGrouping.artFilter(post))&kontoklasse=\(section.kind.rawValue)"
                        + (severalChapters ? "&kapittel=\(section.chapter)" : "") + "&til=\(report.monthsElapsed)"
                    let field = Self.fieldKey(key)
                    let method = row.outcome?.requested
                    values["canEdit"] = canEdit
                    values["field"] = field
                    let current = posted["metode_\(field)"] ?? method?.code ?? ForecastMethod.runRate.code
                    values["methods"] = [ForecastMethod.runRate, .seasonal, .manual(value: .zero, comment: "")].map { ($0.code, $0.norwegianName) }.map { value, label in
                        ["value": value, "label": label, "selected": current == value] as [String: Any]
                    }
                    if case .manual(let value, let comment)? = method {
                        values["manualValue"] = NorwegianFormat.exactKroner(value)
                        values["manualComment"] = comment
                    }
                    if let typed = posted["verdi_\(field)"] { values["manualValue"] = typed }
                    if let typed = posted["kommentar_\(field)"] { values["manualComment"] = typed }
                    if let typed = posted["forklaring_\(field)"] { values["explanation"] = typed }
                    values["error"] = errors["rad_\(field)"] ?? ""
                }
                return values
            }]
        }
        let response = pages.html("\(report.title) – \(scope.organisation.name)", template: "accounting-report", context: [
            "setup": Self.setupDescription(setup), "canSteer": scope.can(.steer), "groupingURL": "\(base)/postinndeling", "profileURL": "\(base)/periodisering",
            "thresholdURL": "\(base)/terskel",
            "organisationName": scope.organisation.name, "title": report.title, "subtitle": report.subtitle, "year": year,
            "saved": saved ?? "", "sections": sections, "hasSections": !sections.isEmpty, "notes": report.notes, "warnings": report.warnings,
            "hasWarnings": !report.warnings.isEmpty, "canEdit": canEdit, "canSubmit": scope.can(.approveReports),
            "missingCount": report.missingExplanations.count, "canBeSubmitted": report.canBeSubmitted,
            "action": "\(base)?\(query)", "submitURL": "\(base)/send?\(query)", "csvURL": "\(base)?\(query)&format=csv",
            "xlsxURL": "\(base)?\(query)&format=xlsx", "csrfToken": context.session?.csrfToken ?? "",
            "hasErrors": !errors.isEmpty, "errors": errors.entries.map { ["message": $0.message] },
            "periods": (1...3).map { ["url": "\(base)?periode=t\($0)", "label": "\($0). tertial", "current": period == .tertial($0)] as [String: Any] }
                + (1...12).map { ["url": "\(base)?periode=m\($0)", "label": ForecastMonths.name($0), "current": period == .month($0)] as [String: Any] },
            "submissions": submissions.map { ["period": $0.period.title(year: year), "by": $0.submittedBy, "at": $0.submittedAt] },
            "hasSubmissions": !submissions.isEmpty,
        ], context: context, status: errors.isEmpty ? .ok : .unprocessableContent,
           trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
        return response.response
    }

    func save(_ scope: DialogueScope, year: Int, period: AccountingPeriod, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let (report, _) = try await load(scope.code, year: year, period: period)
        var errors = InputErrors()
        var choices: [ForecastChoice] = []
        for section in report.sections {
            for row in section.rows {
                guard let post = row.post else { continue }
                let key = PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)
                let field = Self.fieldKey(key)
                guard fields["metode_\(field)"] != nil else { continue }
                let method: ForecastMethod
                switch fields.text("metode_\(field)") {
                case ForecastMethod.seasonal.code: method = .seasonal
                case ForecastMethod.manual(value: .zero, comment: "").code:
                    guard let value = LetterText.kroner(fields.text("verdi_\(field)")) else {
                        errors.add("rad_\(field)", "\(section.caption), \(post.label): «\(fields.text("verdi_\(field)"))» er ikke et beløp i kroner.")
                        continue
                    }
                    method = .manual(value: value, comment: fields.text("kommentar_\(field)"))
                default: method = .runRate
                }
                if let problem = ForecastRules.validate(method) {
                    errors.add("rad_\(field)", "\(section.caption), \(post.label): \(problem.description)")
                    continue
                }
                let explanation = fields.text("forklaring_\(field)")
                choices.append(ForecastChoice(key: key, method: method, explanation: explanation.isEmpty ? nil : explanation))
            }
        }
        guard errors.isEmpty else {
            return try await show(scope, year: year, period: period, format: "html", saved: nil, errors: errors, values: fields, context)
        }
        let (code, email, toSave) = (scope.code, scope.user.email, choices)
        try await database.transaction { db in
            let store = SQLForecastStore(db, actor: email)
            for choice in toSave { try await store.save(choice, of: code, year: year) }
        }
        return redirect(to: "\(scope.base)/regnskapsrapport/\(year)?periode=\(Self.periodCode(period))&lagret=\("Prognosene er lagret.".urlQueryEncoded)")
    }

    func submit(_ scope: DialogueScope, year: Int, period: AccountingPeriod, _ context: StyrRequestContext) async throws -> Response {
        let (code, email) = (scope.code, scope.user.email)
        do {
            _ = try await database.transaction { db in
                let report = try await AccountingReportLoader.load(db, organisationCode: code, year: year, period: period, threshold: threshold)
                return try await SQLForecastStore(db, actor: email).submit(report, of: code, by: email)
            }
        } catch let refused as StorageError {
            return try await show(scope, year: year, period: period, format: "html", saved: nil,
                                  errors: .single("send", refused.description), values: [:], context)
        }
        return redirect(to: "\(scope.base)/regnskapsrapport/\(year)?periode=\(Self.periodCode(period))&lagret=\("Rapporten er sendt.".urlQueryEncoded)")
    }
}
