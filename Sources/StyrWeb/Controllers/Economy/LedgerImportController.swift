import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Uploading a ledger or budget file from the browser: the same all-or-nothing import as
/// `styr import ledger`, with the errors (line, column, value, reason) shown on the page.
struct LedgerImportController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    static let maximumBytes: Int64 = 2_000_000_000

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskap/:year/import") { request, context in
            let scope = try await access.scope(.enterResults, request, context)
            let year = try requireYear(context, pages: pages)
            return try await form(scope, year: year, values: [:], errors: InputErrors(), outcome: nil, context)
        }
        router.post("/organisasjoner/:code/regnskap/:year/import") { request, context in
            let scope = try await access.scope(.enterResults, request, context)
            let year = try requireYear(context, pages: pages)
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request, fileField: "fil", maximumFileBytes: Self.maximumBytes)
            } catch let failure as MultipartUpload.Failure {
                return try await form(scope, year: year, values: [:], errors: .single("fil", failure.description), outcome: nil, context)
            }
            defer { if let path = upload.file?.path { try? FileManager.default.removeItem(atPath: path) } }
            try access.requireCSRF(upload.fields, context)
            return try await importFile(scope, year: year, upload: upload, context)
        }
    }

    func form(
        _ scope: DialogueScope, year: Int, values: [String: String], errors: InputErrors, outcome: LedgerFileImport.Outcome?,
        _ context: StyrRequestContext
    ) async throws -> Response {
        let profiles = try await database.withConnection { db in try await SQLImportProfileStore(db).profiles() }
        var errorLines: [String] = []
        if let outcome, !outcome.succeeded {
            if let clash = outcome.clash {
                errorLines.append("\(clash)\(clash.isReplaceable ? " Kryss av for «Bytt ut en tidligere import av samme periode» for å bytte den ut." : "")")
            } else if let fileError = outcome.fileError {
                errorLines.append(fileError)
            }
            errorLines += outcome.errors.errors.map(\.description)
        }
        let status: HTTPResponse.Status = errors.isEmpty && errorLines.isEmpty ? .ok : .unprocessableContent
        return pages.html("Importer regnskap eller budsjett \(year)", template: "ledger-import", context: [
            "organisationName": scope.organisation.name, "year": year, "action": "\(scope.base)/regnskap/\(year)/import",
            "csrfToken": context.session?.csrfToken ?? "", "ledgerURL": "\(scope.base)/regnskap/\(year)",
            "measures": [("actuals", "Regnskap"), ("budget", "Opprinnelig budsjett"), ("revised-budget", "Regulert budsjett (Oslo-fil)")].map {
                ["value": $0.0, "label": $0.1, "selected": (values["maal"] ?? "actuals") == $0.0] as [String: Any]
            },
            "formats": [("auto", "Finn formatet selv"), ("kostra", "KOSTRA-fil (48 tegn per linje)"), ("oslo", "Oslo kommune årsregnskap (CSV)"), ("erp", "Eksport fra økonomisystem (CSV)")].map {
                ["value": $0.0, "label": $0.1, "selected": (values["format"] ?? "auto") == $0.0] as [String: Any]
            },
            "profiles": [["value": "", "label": "Standardprofil", "selected": (values["profil"] ?? "").isEmpty] as [String: Any]]
                + profiles.map { ["value": $0.name, "label": $0.name, "selected": values["profil"] == $0.name] as [String: Any] },
            "periods": [["value": "", "label": "Hele året (eller periode fra filen)", "selected": (values["periode"] ?? "").isEmpty] as [String: Any]]
                + (1...12).map { ["value": String($0), "label": ForecastMonths.name($0), "selected": values["periode"] == String($0)] as [String: Any] },
            "replace": values["erstatt"] != nil, "codesAsWarnings": values["advarsel"] != nil,
            "kinds": [("", "Begge, eller etter filnavnet («Årsregnskap investering»)"), ("operating", "Bare drift"), ("investment", "Bare investering")].map {
                ["value": $0.0, "label": $0.1, "selected": (values["kontoklasse"] ?? "") == $0.0] as [String: Any]
            },
            "hasErrors": !errors.isEmpty, "errors": errors.entries.map(\.message),
            "hasImportErrors": !errorLines.isEmpty, "importErrors": errorLines,
            "errorCount": outcome.map { NorwegianFormat.integer(Int64($0.errors.count)) } ?? "",
            "omitted": outcome.map { $0.errors.omitted > 0 } ?? false,
        ], context: context, status: status, trail: [
            NavigationLink(url: scope.base, label: scope.organisation.name),
            NavigationLink(url: "\(scope.base)/regnskap/\(year)", label: "Regnskap \(year)"),
        ]).response
    }

    func importFile(_ scope: DialogueScope, year: Int, upload: MultipartUpload, _ context: StyrRequestContext) async throws -> Response {
        let fields = upload.fields
        guard let file = upload.file, file.bytes > 0 || !file.name.isEmpty else {
            return try await form(scope, year: year, values: fields, errors: .single("fil", "Velg en fil å importere."), outcome: nil, context)
        }
        let measure: LedgerImportMeasure = switch fields["maal"] {
        case "budget": .budget
        case "revised-budget": .revisedBudget
        default: .actuals
        }
        let format: LedgerFormat? = switch fields["format"] {
        case "kostra": .kostra
        case "oslo": .osloAnnual
        case "erp": .erp
        default: nil
        }
        let period = Int(fields["periode"] ?? "") ?? 0
        let profile = (fields["profil"] ?? "").isEmpty ? nil : fields["profil"]
        let settings = LedgerFileImport.Settings(
            organisationCode: scope.code, year: year, period: (1...12).contains(period) ? period : 0, measure: measure, format: format,
            sourceName: URL(fileURLWithPath: file.name).lastPathComponent, replace: fields["erstatt"] != nil, profileName: profile,
            invalidCodes: fields["advarsel"] != nil ? .warning : nil, defaultKind: fields["kontoklasse"].flatMap(AccountKind.init(rawValue:)),
            actor: scope.user.email)
        let outcome = try await LedgerFileImport.run(settings, chunks: FileChunks(path: file.path), database: database)
        guard let record = outcome.record else {
            return try await form(scope, year: year, values: fields, errors: InputErrors(), outcome: outcome, context)
        }
        let message = "Importert \(NorwegianFormat.integer(record.lines)) linjer fra \(record.sourceName); kontrollsum \(NorwegianFormat.exactKroner(record.controlSum)) kr."
            + (outcome.summary?.skippedDescription.map { " Hoppet over: \($0)." } ?? "")
            + (outcome.warnings.count > 0
                ? " \(NorwegianFormat.integer(Int64(outcome.warnings.count))) med advarsel om koder utenfor KOSTRA-listen (linje \(outcome.warnings.errors.prefix(5).map { String($0.line) }.joined(separator: ", "))\(outcome.warnings.count > 5 ? " …" : ""))."
                : "")
        return redirect(to: "\(scope.base)/regnskap/\(year)?maal=\(settings.measure.ledgerMeasure.rawValue)&lagret=\(message.urlQueryEncoded)")
    }
}
