import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The agency enters results, reasons and deviation comments for the year's indicators. An
/// unfavourable deviation beyond tolerance cannot be saved without a comment, and a missing
/// result needs a reason (`IndicatorRules.missingExplanations`).
struct IndicatorController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/indikatorer/:year") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            let user = try await access.require(.read, on: code, request, context)
            return try await list(code: code, year: year, user: user, saved: request.uri.queryParameters.get("lagret"),
                                  sort: request.uri.queryParameters.get("sorter"), context)
        }
        router.get("/organisasjoner/:code/indikatorer/:year/:key") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            _ = try await access.require(.enterResults, on: code, request, context)
            let (organisation, entry) = try await find(code: code, year: year, key: try context.parameters.require("key"), context)
            let value = entry.value(in: year)
            return form(organisation: organisation, entry: entry, year: year, input: FormInput(
                result: value?.result.map { NorwegianFormat.quantity($0, decimals: 3) } ?? "",
                notMeasuredReason: value?.notMeasuredReason ?? "", deviationComment: value?.deviationComment ?? ""),
                errors: [:], context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/:key") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            let user = try await access.require(.enterResults, on: code, request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let (organisation, entry) = try await find(code: code, year: year, key: try context.parameters.require("key"), context)
            return try await save(organisation: organisation, entry: entry, year: year, fields: fields, user: user, context)
        }
    }

    struct FormInput {
        var result: String
        var notMeasuredReason: String
        var deviationComment: String
    }

    func find(code: String, year: Int, key: String, _ context: StyrRequestContext) async throws -> (Organisation, IndicatorWithValues) {
        let found = try await database.withConnection { db -> (Organisation, IndicatorWithValues)? in
            let store = SQLGovernanceStore(db)
            guard let organisation = try await store.organisation(code: code),
                  let entry = try await store.indicators(of: code).first(where: { $0.indicator.key == key }),
                  entry.value(in: year)?.target != nil else { return nil }
            return (organisation, entry)
        }
        guard let found else {
            throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Fant ikke indikatoren",
                message: "«\(key)» har ikke noe måltall for \(year) hos «\(code)».", context: context))
        }
        return found
    }

    func list(code: String, year: Int, user: UserAccount, saved: String?, sort: String?, _ context: StyrRequestContext) async throws -> HTML {
        let (organisation, entries, organisations) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.organisation(code: code)!, try await store.indicators(of: code), try await store.organisations())
        }
        let statusOrder: [IndicatorStatus?] = [.red, .yellow, .notMeasured, .green, nil]
        func rank(_ entry: IndicatorWithValues) -> Int {
            let status = entry.value(in: year).flatMap { IndicatorRules.assess($0, of: entry.indicator) }?.status
            return statusOrder.firstIndex(of: status) ?? statusOrder.count
        }
        let sorted = sort == "status"
            ? entries.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            : sort == "navn" ? entries.sorted { $0.indicator.name.localizedStandardCompare($1.indicator.name) == .orderedAscending } : entries
        let tree = OrganisationTree(organisations)
        let canEdit = AccessPolicy.allows(user, .enterResults, on: code, in: tree)
        let canDefine = AccessPolicy.allows(user, .defineIndicators, on: code, in: tree)
        let rows: [[String: Any]] = sorted.compactMap { entry in
            guard let value = entry.value(in: year), let target = value.target else { return nil }
            let indicator = entry.indicator
            let assessment = IndicatorRules.assess(value, of: indicator)
            return [
                "name": indicator.name, "target": AnnualReport.formatTarget(target, indicator),
                "result": value.result.map { AnnualReport.format($0, indicator) } ?? "ikke målt",
                "deviation": assessment?.deviation.map { AnnualReport.formatDeviation($0, indicator) } ?? "",
                "status": statusText(value, indicator, assessment), "statusClass": assessment?.status.rawValue ?? "none",
                "canEdit": canEdit, "canDefine": canDefine,
                "defineURL": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)/maltall",
                "editURL": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)",
                "historyURL": "/historikk?type=indicatorValue&nokkel=\("\(code)/\(indicator.key)/\(year)".urlQueryEncoded)",
            ]
        }
        return pages.html("Resultatindikatorer \(year)", template: "indicators", context: [
            "organisationName": organisation.name, "year": year, "rows": rows, "hasRows": !rows.isEmpty,
            "saved": saved ?? "", "canDefine": canDefine,
            "sorts": [("", "Som i tildelingsbrevet"), ("status", "Status (rød først)"), ("navn", "Navn")].map { key, label in
                ["url": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)" + (key.isEmpty ? "" : "?sorter=\(key)"),
                 "label": label, "current": key == (sort ?? "")]
            }, "newURL": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/ny",
        ], context: context, trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name)])
    }

    func statusText(_ value: IndicatorValue, _ indicator: Indicator, _ assessment: IndicatorAssessment?) -> String {
        guard let assessment else { return "Uten måltall" }
        return IndicatorRules.missingExplanations(value, of: indicator).isEmpty
            ? assessment.status.norwegianName : "\(assessment.status.norwegianName): forklaring mangler"
    }

    func form(
        organisation: Organisation, entry: IndicatorWithValues, year: Int, input: FormInput, errors: [String: String],
        _ context: StyrRequestContext, status: HTTPResponse.Status = .ok
    ) -> HTML {
        let indicator = entry.indicator
        let code = organisation.code
        let order = ["resultat", "ikke-malt", "kommentar"]
        let errorList = order.compactMap { field in errors[field].map { ["field": field, "message": $0] } }
        return pages.html(indicator.name, template: "indicator-form", context: [
            "organisationName": organisation.name, "year": year, "name": indicator.name,
            "target": entry.value(in: year)?.target.map { AnnualReport.formatTarget($0, indicator) } ?? "",
            "rule": indicator.deviationRule.norwegianName.lowercased(), "polarity": indicator.polarity.norwegianName.lowercased(),
            "unitSuffix": indicator.unit == .share ? "%" : "",
            "action": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)",
            "csrfToken": context.session?.csrfToken ?? "",
            "result": input.result, "notMeasuredReason": input.notMeasuredReason, "deviationComment": input.deviationComment,
            "resultError": errors["resultat"] ?? "", "reasonError": errors["ikke-malt"] ?? "", "commentError": errors["kommentar"] ?? "",
            "hasErrors": !errorList.isEmpty, "errors": errorList,
        ], context: context, status: status, trail: [
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name),
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)", label: "Resultatindikatorer \(year)"),
        ])
    }

    func save(
        organisation: Organisation, entry: IndicatorWithValues, year: Int, fields: [String: String], user: UserAccount,
        _ context: StyrRequestContext
    ) async throws -> Response {
        let indicator = entry.indicator
        let input = FormInput(
            result: (fields["resultat"] ?? "").trimmingCharacters(in: .whitespaces),
            notMeasuredReason: (fields["ikke_malt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            deviationComment: (fields["kommentar"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let draft = IndicatorResultDraft(result: input.result, notMeasuredReason: input.notMeasuredReason, deviationComment: input.deviationComment)
        let value: IndicatorValue
        switch draft.applied(to: entry.value(in: year) ?? IndicatorValue(year: year), of: indicator) {
        case .success(let updated): value = updated
        case .failure(let errors):
            let names: [IndicatorResultDraft.Field: String] = [.result: "resultat", .notMeasuredReason: "ikke-malt", .deviationComment: "kommentar"]
            let formErrors = Dictionary(uniqueKeysWithValues: errors.fields.map { (names[$0.key]!, $0.value) })
            return form(organisation: organisation, entry: entry, year: year, input: input, errors: formErrors, context,
                            status: .unprocessableContent).response
        }
        let (code, key, email, toSave) = (organisation.code, indicator.key, user.email, value)
        try await database.transaction { db in
            try await SQLGovernanceStore(db, actor: email).save(toSave, ofIndicator: key, of: code)
        }
        return redirect(to: "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)?lagret=\(indicator.name.urlQueryEncoded)")
    }
}

extension String {
    /// Percent-encoded for a query value, as UTF-8: only ASCII letters, digits and `-._~` stay
    /// (Foundation's `.alphanumerics` would keep æ, ø and å, which a `Location` header may not hold).
    var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: Self.unreservedInQuery) ?? self
    }

    private static let unreservedInQuery = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
