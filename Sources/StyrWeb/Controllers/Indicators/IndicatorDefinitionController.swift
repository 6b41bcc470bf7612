import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The department defines an agency's indicators and sets their targets for a year (the
/// department's side of the allocation letter). The rules are `IndicatorService`'s (the user must
/// define indicators there); this page only translates the form and the view.
struct IndicatorDefinitionController: Sendable {
    let indicators: IndicatorService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields.
    static let formFields = [
        "name": "navn", "target": "maltall", "targetHigh": "maltall_ovre", "decimals": "desimaler", "toleranceYellow": "gul",
        "toleranceRed": "rod", "goalArea": "malomrade",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/indikatorer/:year/ny") { _, context in
            let (code, year) = try path(context)
            return try await form(.new, in: code, year: year, values: [:], errors: InputErrors(), context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let (code, year) = try path(context)
            return try await save(.new, in: code, year: year, fields: fields, context)
        }
        router.get("/organisasjoner/:code/indikatorer/:year/:key/maltall") { _, context in
            let (code, year) = try path(context)
            return try await form(.existing(key: try context.parameters.require("key")), in: code, year: year, values: nil, errors: InputErrors(), context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/:key/maltall") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let (code, year) = try path(context)
            return try await save(.existing(key: try context.parameters.require("key")), in: code, year: year, fields: fields, context)
        }
    }

    func path(_ context: StyrRequestContext) throws -> (String, Int) {
        (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
    }

    /// The form with `values` by form field (nil: the stored definition and target).
    func form(
        _ definition: IndicatorService.Definition, in code: String, year: Int, values: [String: String]?, errors: InputErrors,
        _ context: StyrRequestContext
    ) async throws -> HTML {
        let prepared = try await indicators.prepareDefinition(definition, in: code, year: year, by: context.session?.user)
        let scope = prepared.scope
        var values = values ?? prepared.existing.map { IndicatorDefinitionView.values(of: $0, year: year) } ?? [:]
        if let existing = prepared.existing, values[FormPage.versionField] == nil {
            values[FormPage.versionField] = String(try await indicators.recordVersions.version(
                of: RecordVersions.indicatorDefinition(scope.code, key: existing.indicator.key), in: scope.code, by: context.session?.user))
        }
        return pages.html(
            prepared.existing == nil ? "Ny resultatindikator" : "Måltall og definisjon", template: "indicator-definition",
            model: IndicatorDefinitionView(prepared, year: year, values: values, errors: errors, csrfToken: context.session?.csrfToken ?? ""),
            context: context, status: errors.isEmpty ? .ok : .unprocessableContent, trail: [
                NavigationLink(url: scope.base, label: scope.organisation.name),
                NavigationLink(url: "\(scope.base)/indikatorer/\(year)", label: "Resultatindikatorer \(year)"),
            ])
    }

    /// The form as a draft: a unit, direction or rule that is not one of the choices is the first.
    static func draft(_ fields: [String: String]) -> IndicatorDraft {
        IndicatorDraft(
            name: fields.text("navn"), unit: IndicatorUnit(rawValue: fields.text("enhet")) ?? .share,
            polarity: Polarity(rawValue: fields.text("retning")) ?? .higherIsBetter,
            deviationRule: DeviationRule(rawValue: fields.text("avviksregel")) ?? .percentagePoints,
            decimals: fields.text("desimaler"), toleranceYellow: fields.text("gul"), toleranceRed: fields.text("rod"),
            target: fields.text("maltall"), targetHigh: fields.text("maltall_ovre"), goalArea: fields.text("malomrade"),
            notes: fields.text("fotnoter").split(whereSeparator: \.isNewline).map(String.init))
    }

    func save(
        _ definition: IndicatorService.Definition, in code: String, year: Int, fields: [String: String], _ context: StyrRequestContext
    ) async throws -> Response {
        do {
            let entry = try await indicators.define(
                Self.draft(fields), definition, in: code, year: year, version: RecordVersions.parse(fields[FormPage.versionField]), by: context.session?.user)
            return Confirmation.redirect(
                to: "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)", message: "Lagret: \(entry.indicator.name).", context)
        } catch ServiceError.invalid(let errors) {
            return try await form(definition, in: code, year: year, values: fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                                  errors: errors.renamed(Self.formFields), context).response
        }
    }
}
