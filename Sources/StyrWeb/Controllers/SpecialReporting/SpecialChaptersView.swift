import StyrDomain
import StyrReports
import StyrServices

/// The view model of `special-chapters.mustache`: chapters 4–6 as the report shows them (every
/// figure computed), the findings, and a form per table for those who may write.
struct SpecialChaptersView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field: Sendable {
        var id: String
        var name: String
        var label: String
        var hint: String?
        var value: String
        var isTextarea: Bool
        var isSelect: Bool
        var isInput: Bool
        var rows: Int
        var options: [Option]
        var fieldError: String?
    }

    struct PartForm: Sendable {
        var id: String
        var title: String
        var action: String
        var fields: [Field]
    }

    struct Finding: Sendable {
        var message: String
        var explanation: String?
        var request: String?
    }

    var organisationName: String
    var year: Int
    var saved: String?
    var canEdit: Bool
    var csrfToken: String
    var reportURL: String
    var textsURL: String
    var trackedURL: String
    var findings: [Finding]
    var forms: [PartForm]
    var blocks: [ReportBlockView]

    /// `typed`: the form fields as typed when a save was refused; `errors`: by form field.
    init(_ found: SpecialReportService.Chapters, blocks: [ReportBlock], saved: String?, csrfToken: String,
         typed: [String: String] = [:], errors: [String: String] = [:]) {
        let base = "\(found.scope.base)/arsberetning/\(found.year)"
        organisationName = found.scope.organisation.name
        year = found.year
        self.saved = saved
        canEdit = found.canEdit
        self.csrfToken = csrfToken
        reportURL = base
        textsURL = "\(base)/tekster"
        trackedURL = "\(found.scope.base)/oppfolgingssaker"
        findings = found.findings.map { Finding(message: $0.message, explanation: $0.explanation, request: $0.request) }
        self.blocks = ReportBlockView.views(blocks)
        let report = found.report
        func field(_ name: String, _ label: String, _ value: String, hint: String? = nil, rows: Int = 0, options: [(String, String)] = []) -> Field {
            let current = typed[name] ?? value
            return Field(
                id: "felt-\(name)", name: name, label: label, hint: hint, value: current, isTextarea: rows > 0, isSelect: !options.isEmpty,
                isInput: rows == 0 && options.isEmpty, rows: rows,
                options: options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == current) }, fieldError: errors[name])
        }
        func form(_ id: String, _ title: String, _ fields: [Field]) -> PartForm {
            PartForm(id: id, title: title, action: "\(base)/kapittel-4-6/\(id)", fields: fields)
        }
        let lineHint = "Én rad per linje, feltene skilt med semikolon: "
        forms = [
            form("likestilling", "Tabell 4.7.1 Likestilling og mangfold", [
                field("likestilling", "Har virksomheten undersøkt om det finnes risiko for diskriminering?",
                      report.equality.map { $0.riskAssessed ? "ja" : "nei" } ?? "", options: [("", "Ikke besvart"), ("ja", "Ja"), ("nei", "Nei")]),
                field("likestilling-forklaring", "Hvis nei, hvorfor ikke?", report.equality?.explanation ?? "", rows: 4),
            ]),
            form("kjonn-og-lonn", "Tabell 4.7.2 Kjønn og lønn", [
                field("kjonn-og-lonn", "Stillingskategorier", SpecialReportForm.text(report.genderPay),
                      hint: lineHint + SpecialReportForm.genderPayLayout + ". Raden som gjelder hele virksomheten begynner med «Totalt». Andelene og kvinners lønn i prosent av menns regnes ut.",
                      rows: 10),
            ]),
            form("heltid", "4.7.3 Heltid, deltid mv.", [
                field("heltid", "År", SpecialReportForm.text(report.workforce),
                      hint: lineHint + SpecialReportForm.workforceLayout + ". La ufrivillig deltid stå tom når den ikke er kartlagt.", rows: 4),
            ]),
            form("hms", "HMS og arbeidstid", [
                field("hms", "HMS-sjekklisten", SpecialReportForm.text(report.hse.questions), hint: lineHint + SpecialReportForm.hseLayout + ".", rows: 10),
                field("brudd", "Antall brudd på arbeidsmiljølovens arbeidstidsbestemmelser i \(found.year)",
                      report.hse.workingTimeBreaches.map(String.init) ?? ""),
                field("brudd-kommentar", "Kommentar til bruddene", report.hse.breachesComment, rows: 4),
            ]),
            form("sykefravaer", "Tabell 4.7.6 Sykefravær", [
                field("sykefravaer", "Sykefravær i prosent", SpecialReportForm.text(report.sickLeave),
                      hint: lineHint + SpecialReportForm.sickLeaveLayout + ". Avviket regnes ut.", rows: 4),
            ]),
            form("konsulenter", "Tabell 4.8.1 Konsulentbruk", [
                field("konsulenter", "Konsulentbruk", SpecialReportForm.text(report.consultants),
                      hint: lineHint + SpecialReportForm.consultantsLayout + ". Brukes bare når det ikke er importert regnskapslinjer på KOSTRA-art 270 eller 271; da regnes tabellen ut fra regnskapet.",
                      rows: 4),
            ]),
            form("miljo", "5 Miljø og klima", [
                field("miljosertifisering", "Miljøsertifisering (f.eks. Miljøfyrtårn)", report.environment.certification ?? ""),
                field("klimatiltak", "Klimatiltak", SpecialReportForm.text(report.environment.measures),
                      hint: lineHint + SpecialReportForm.measuresLayout + ".", rows: 5),
            ]),
            form("forklaring", "Forklaring på ulike antall ansatte", [
                field("forklaring", "Forklaring", report.headcountExplanation ?? "",
                      hint: "Når tabellene viser ulikt antall ansatte, forklar hvorfor (tidspunkt, midlertidige, permisjoner).", rows: 4),
            ]),
        ]
    }
}
