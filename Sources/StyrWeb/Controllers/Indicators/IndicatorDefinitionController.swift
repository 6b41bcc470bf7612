import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The department defines an agency's indicators and sets their targets for a year (the
/// department's side of the allocation letter). Needs the defineIndicators permission.
struct IndicatorDefinitionController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/indikatorer/:year/ny") { request, context in
            let (code, year) = try path(context)
            _ = try await access.require(.defineIndicators, on: code, request, context)
            return try await form(code: code, year: year, existing: nil, input: [:], errors: [:], context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/ny") { request, context in
            let (code, year) = try path(context)
            let user = try await access.require(.defineIndicators, on: code, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await save(code: code, year: year, existing: nil, fields: fields, user: user, context)
        }
        router.get("/organisasjoner/:code/indikatorer/:year/:key/maltall") { request, context in
            let (code, year) = try path(context)
            _ = try await access.require(.defineIndicators, on: code, request, context)
            let existing = try await find(code: code, key: try context.parameters.require("key"), context)
            return try await form(code: code, year: year, existing: existing, input: Self.fields(of: existing, year: year), errors: [:], context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/:key/maltall") { request, context in
            let (code, year) = try path(context)
            let user = try await access.require(.defineIndicators, on: code, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let existing = try await find(code: code, key: try context.parameters.require("key"), context)
            return try await save(code: code, year: year, existing: existing, fields: fields, user: user, context)
        }
    }

    func path(_ context: StyrRequestContext) throws -> (String, Int) {
        let year = try context.parameters.require("year", as: Int.self)
        guard BudgetYears.contains(year) else { throw HTTPError(.badRequest, message: BudgetYears.outOfRangeMessage(year)) }
        return (try context.parameters.require("code"), year)
    }

    func find(code: String, key: String, _ context: StyrRequestContext) async throws -> IndicatorWithValues {
        guard let entry = try await database.withConnection({ db in
            try await SQLGovernanceStore(db).indicators(of: code).first { $0.indicator.key == key }
        }) else {
            throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Fant ikke indikatoren", message: "«\(key)» finnes ikke hos «\(code)».", context: context))
        }
        return entry
    }

    static func fields(of entry: IndicatorWithValues, year: Int) -> [String: String] {
        let indicator = entry.indicator
        var fields = [
            "navn": indicator.name, "enhet": indicator.unit.rawValue, "retning": indicator.polarity.rawValue,
            "avviksregel": indicator.deviationRule.rawValue, "desimaler": String(indicator.decimals),
            "gul": NorwegianFormat.quantity(indicator.tolerance.yellow, decimals: 3),
            "rod": NorwegianFormat.quantity(indicator.tolerance.red, decimals: 3),
            "malomrade": indicator.goalArea ?? "", "fotnoter": indicator.notes.joined(separator: "\n"),
        ]
        switch entry.value(in: year)?.target {
        case .value(let target): fields["maltall"] = NorwegianFormat.quantity(target, decimals: 3)
        case .range(let low, let high):
            fields["maltall"] = NorwegianFormat.quantity(low, decimals: 3)
            fields["maltall_ovre"] = NorwegianFormat.quantity(high, decimals: 3)
        case nil: break
        }
        return fields
    }

    func form(
        code: String, year: Int, existing: IndicatorWithValues?, input: [String: String], errors: [String: String],
        _ context: StyrRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let (organisation, goalAreas) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.organisation(code: code)!, try await store.goalAreas(of: code, year: year))
        }
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ selected: String?, name: (T) -> String) -> [[String: Any]]
        where T.RawValue == String {
            T.allCases.map { ["value": $0.rawValue, "label": name($0), "selected": $0.rawValue == selected] }
        }
        let order = ["navn", "maltall", "maltall_ovre", "desimaler", "gul", "rod", "malomrade"]
        let action = existing.map { "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/\($0.indicator.key.urlPathEncoded)/maltall" }
            ?? "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/ny"
        var values: [String: Any] = [
            "organisationName": organisation.name, "year": year, "isNew": existing == nil, "action": action,
            "csrfToken": context.session?.csrfToken ?? "",
            "units": options(IndicatorUnit.self, input["enhet"] ?? "share") { $0.norwegianName },
            "polarities": options(Polarity.self, input["retning"] ?? "higherIsBetter") { $0.norwegianName },
            "rules": options(DeviationRule.self, input["avviksregel"] ?? "percentagePoints") { $0.norwegianName },
            "goalAreas": goalAreas.map { ["name": $0.name] },
            "errors": order.compactMap { field in errors[field].map { ["field": field, "message": $0] } },
            "hasErrors": !errors.isEmpty,
        ]
        for key in ["navn", "maltall", "maltall_ovre", "desimaler", "gul", "rod", "malomrade", "fotnoter"] {
            values[key] = input[key] ?? (key == "desimaler" ? "1" : "")
            values["\(key)Error"] = errors[key] ?? ""
        }
        return pages.html(existing == nil ? "Ny resultatindikator" : "Måltall og definisjon", template: "indicator-definition",
                          context: values, context: context, status: status, trail: [
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name),
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)", label: "Resultatindikatorer \(year)"),
        ])
    }

    func save(
        code: String, year: Int, existing: IndicatorWithValues?, fields raw: [String: String], user: UserAccount,
        _ context: StyrRequestContext
    ) async throws -> Response {
        let fields = raw.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let draft = IndicatorDraft(
            name: fields["navn"] ?? "", unit: IndicatorUnit(rawValue: fields["enhet"] ?? "") ?? .share,
            polarity: Polarity(rawValue: fields["retning"] ?? "") ?? .higherIsBetter,
            deviationRule: DeviationRule(rawValue: fields["avviksregel"] ?? "") ?? .percentagePoints,
            decimals: fields["desimaler"] ?? "", toleranceYellow: fields["gul"] ?? "", toleranceRed: fields["rod"] ?? "",
            target: fields["maltall"] ?? "", targetHigh: fields["maltall_ovre"] ?? "", goalArea: fields["malomrade"] ?? "",
            notes: (fields["fotnoter"] ?? "").split(whereSeparator: \.isNewline).map(String.init))
        let key = existing?.indicator.key ?? IndicatorDraft.key(for: draft.name)
        let indicator: Indicator, target: IndicatorTarget
        switch draft.validated(key: key, introducedIn: existing?.indicator.introducedIn ?? year) {
        case .success(let checked): (indicator, target) = checked
        case .failure(let errors):
            let names: [IndicatorDraft.Field: String] = [
                .name: "navn", .target: "maltall", .targetHigh: "maltall_ovre", .decimals: "desimaler", .toleranceYellow: "gul",
                .toleranceRed: "rod", .goalArea: "malomrade",
            ]
            let formErrors = Dictionary(uniqueKeysWithValues: errors.fields.map { (names[$0.key]!, $0.value) })
            return try await form(code: code, year: year, existing: existing, input: fields, errors: formErrors, context,
                                  status: .unprocessableContent).response
        }
        let name = indicator.name
        var value = existing?.value(in: year) ?? IndicatorValue(year: year)
        value.target = target
        let (email, toSaveValue) = (user.email, value)
        let saved = try await database.transaction { db -> Bool in
            let store = SQLGovernanceStore(db, actor: email)
            let entries = try await store.indicators(of: code)
            if existing == nil, entries.contains(where: { $0.indicator.key == key || $0.indicator.name == name }) { return false }
            try await store.save(indicator, of: code, position: entries.firstIndex { $0.indicator.key == key } ?? entries.count)
            try await store.save(toSaveValue, ofIndicator: key, of: code)
            return true
        }
        guard saved else {
            return try await form(code: code, year: year, existing: existing, input: fields,
                                  errors: ["navn": "Det finnes allerede en indikator med dette navnet."], context,
                                  status: .unprocessableContent).response
        }
        return redirect(to: "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)?lagret=\(name.urlQueryEncoded)")
    }
}
