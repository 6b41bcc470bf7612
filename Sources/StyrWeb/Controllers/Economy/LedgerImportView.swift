import StyrDomain
import StyrServices

/// The view model of `ledger-import.mustache`: the upload form, with what was chosen kept, the
/// form's errors, and the errors of a file that was refused.
struct LedgerImportView: Sendable {
    struct FieldError: Sendable { var field: String, message: String }

    var organisationName: String
    var year: Int
    var action: String, csrfToken: String, ledgerURL: String
    var measures: [LedgerOption], formats: [LedgerOption], profiles: [LedgerOption], periods: [LedgerOption], kinds: [LedgerOption]
    var replace: Bool, codesAsWarnings: Bool
    /// Errors of the form itself (no file, a period that is no month), beside the field's name.
    var errors: [FieldError]
    /// Why the file was not imported: a clash or an error of the whole file first, then its lines'.
    var importErrors: [String]
    var errorCount: String?
    /// Only the first errors are listed.
    var omitted: Bool

    static let measureChoices = [("actuals", "Regnskap"), ("budget", "Opprinnelig budsjett"), ("revised-budget", "Regulert budsjett (Oslo-fil)")]
    static let formatChoices = [
        ("auto", "Finn formatet selv"), ("kostra", "KOSTRA-fil (48 tegn per linje)"), ("oslo", "Oslo kommune årsregnskap (CSV)"),
        ("erp", "Eksport fra økonomisystem (CSV)"),
    ]
    static let kindChoices = [("", "Begge, eller etter filnavnet («Årsregnskap investering»)"), ("operating", "Bare drift"), ("investment", "Bare investering")]

    init(_ scope: OrganisationScope, year: Int, profiles stored: [ImportProfile], values: [String: String], errors: InputErrors,
         outcome: LedgerImportOutcome?, csrfToken: String) {
        organisationName = scope.organisation.name
        self.year = year
        action = "\(scope.base)/regnskap/\(year)/import"
        self.csrfToken = csrfToken
        ledgerURL = "\(scope.base)/regnskap/\(year)"
        func options(_ choices: [(String, String)], chosen: String) -> [LedgerOption] {
            choices.map { LedgerOption(value: $0.0, label: $0.1, selected: chosen == $0.0) }
        }
        measures = options(Self.measureChoices, chosen: values["maal"] ?? "actuals")
        formats = options(Self.formatChoices, chosen: values["format"] ?? "auto")
        profiles = options([("", "Standardprofil")] + stored.map { ($0.name, $0.name) }, chosen: values["profil"] ?? "")
        periods = options([("", "Hele året (eller periode fra filen)")] + (1...12).map { (String($0), ForecastMonths.name($0)) }, chosen: values["periode"] ?? "")
        kinds = options(Self.kindChoices, chosen: values["kontoklasse"] ?? "")
        replace = values["erstatt"] != nil
        codesAsWarnings = values["advarsel"] != nil
        self.errors = errors.entries.map { FieldError(field: $0.field, message: $0.message) }
        var lines: [String] = []
        if let outcome, !outcome.succeeded {
            if let clash = outcome.clash {
                lines.append("\(clash)\(clash.isReplaceable ? " Kryss av for «Bytt ut en tidligere import av samme periode» for å bytte den ut." : "")")
            } else if let fileError = outcome.fileError {
                lines.append(fileError)
            }
            lines += outcome.errors.errors.map(\.description)
        }
        importErrors = lines
        errorCount = outcome.map { NorwegianFormat.integer(Int64($0.errors.count)) }
        omitted = outcome.map { $0.errors.omitted > 0 } ?? false
    }
}
