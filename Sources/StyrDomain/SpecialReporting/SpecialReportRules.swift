import Foundation

/// One part of chapters 4–5 as entered on its own form (or API call): saving it replaces that part.
public enum SpecialReportPart: Sendable {
    case equality(EqualityAssessment?)
    case genderPay([GenderPayRow])
    case workforce([WorkforceRow])
    case hse(HSEChecklist)
    case sickLeave([SickLeaveRow])
    case consultants([ConsultantRow])
    case environment(EnvironmentReport)
    case headcountExplanation(String?)
}

/// What chapters 4–5 accept. Counts and amounts are not negative and a share is at most 100 %:
/// those are refused. Counts that do not add up (full time + part time ≠ all employees) are
/// kept as published and shown as a finding (`SpecialReportFigures.findings`).
public enum SpecialReportRules {
    public static let maxTextLength = 5_000
    /// A name in a table (a job category, a certification): at most this many characters.
    public static let maxNameLength = 300
    /// A checklist question or a climate measure.
    public static let maxLineLength = 1_000
    /// A count of people or breaches above this is a typing error.
    public static let maxCount = 1_000_000
    /// An average annual pay above 1 000 000 000 kr is a typing error.
    public static let maxPay = Money.kroner(1_000_000_000)
    /// Consultant use above 1 000 000 000 000 kr is a typing error.
    public static let maxAmount = Money.kroner(1_000_000_000_000)

    /// The report with `part` replaced, or the refusals keyed by the part's domain field
    /// (`equality`, `genderPay`, `workforce`, `hse`, `workingTimeBreaches`, `sickLeave`,
    /// `consultants`, `environment`, `headcountExplanation`).
    public static func applying(_ part: SpecialReportPart, to report: SpecialReport) throws -> SpecialReport {
        var report = report
        var errors = InputErrors()
        switch part {
        case .equality(let equality):
            if let equality, equality.explanation.count > maxTextLength { errors.add("equality", tooLong("Forklaringen")) }
            report.equality = equality
        case .genderPay(let rows):
            for (index, row) in rows.enumerated() {
                let label = "Rad \(index + 1) i tabellen kjønn og lønn"
                if row.category.specialTrimmed.isEmpty { errors.add("genderPay", "\(label): stillingskategorien mangler.") }
                if row.category.count > maxNameLength { errors.add("genderPay", "\(label): \(tooLong("Stillingskategorien", maxNameLength))") }
                if max(row.count.men, row.count.women) > maxCount { errors.add("genderPay", "\(label): antall kan ikke være over \(maxCount).") }
                if max(row.menPay, row.womenPay) > maxPay { errors.add("genderPay", "\(label): lønnen er urimelig høy; skriv gjennomsnittlig årslønn i kroner.") }
                if row.count.men < 0 || row.count.women < 0 { errors.add("genderPay", "\(label): antall kan ikke være negativt.") }
                if row.menPay < .zero || row.womenPay < .zero { errors.add("genderPay", "\(label): lønn kan ikke være negativ.") }
                if !BudgetYears.contains(row.year) { errors.add("genderPay", "\(label): \(BudgetYears.outOfRangeMessage(row.year))") }
            }
            report.genderPay = rows
        case .workforce(let rows):
            for row in rows {
                let counts = [row.total, row.fullTime.men, row.fullTime.women, row.partTime.men, row.partTime.women,
                              row.temporary.men, row.temporary.women, row.involuntaryPartTime?.men ?? 0, row.involuntaryPartTime?.women ?? 0]
                if counts.contains(where: { $0 < 0 }) { errors.add("workforce", "Heltid og deltid \(row.year): antall kan ikke være negativt.") }
                if counts.contains(where: { $0 > maxCount }) { errors.add("workforce", "Heltid og deltid \(row.year): antall kan ikke være over \(maxCount).") }
                if !BudgetYears.contains(row.year) { errors.add("workforce", "Heltid og deltid: \(BudgetYears.outOfRangeMessage(row.year))") }
            }
            if Set(rows.map(\.year)).count != rows.count { errors.add("workforce", "Hvert år kan stå én gang i tabellen heltid og deltid.") }
            report.workforce = rows
        case .hse(let checklist):
            if let breaches = checklist.workingTimeBreaches, breaches < 0 {
                errors.add("workingTimeBreaches", "Antall brudd på arbeidstidsbestemmelsene kan ikke være negativt.")
            }
            if let breaches = checklist.workingTimeBreaches, breaches > maxCount {
                errors.add("workingTimeBreaches", "Antall brudd på arbeidstidsbestemmelsene kan ikke være over \(maxCount).")
            }
            if checklist.questions.contains(where: { $0.question.count > maxLineLength }) { errors.add("hse", tooLong("Et spørsmål i HMS-sjekklisten", maxLineLength)) }
            if checklist.questions.contains(where: { $0.comment.count > maxTextLength }) || checklist.breachesComment.count > maxTextLength {
                errors.add("hse", tooLong("En kommentar i HMS-sjekklisten"))
            }
            if checklist.questions.contains(where: { $0.question.specialTrimmed.isEmpty }) { errors.add("hse", "Hvert spørsmål i HMS-sjekklisten må ha en tekst.") }
            report.hse = checklist
        case .sickLeave(let rows):
            for row in rows {
                for (value, what) in [(row.previousResult, "resultatet året før"), (row.target, "måltallet"), (row.result, "resultatet")] {
                    guard let value else { continue }
                    if value > Quantity(100) {
                        errors.add("sickLeave", "Sykefravær \(row.group.norwegianName.lowercased()), \(what): en andel kan ikke være over 100 % (\(NorwegianFormat.percent(value, decimals: 1))).")
                    } else if value < .zero {
                        errors.add("sickLeave", "Sykefravær \(row.group.norwegianName.lowercased()), \(what): en andel kan ikke være negativ.")
                    }
                }
            }
            if Set(rows.map(\.group)).count != rows.count { errors.add("sickLeave", "Menn, kvinner og totalt kan stå én gang hver.") }
            report.sickLeave = rows
        case .consultants(let rows):
            if rows.contains(where: { $0.category.specialTrimmed.isEmpty }) { errors.add("consultants", "Hver rad i konsulentbruken må ha en kategori.") }
            if rows.contains(where: { $0.category.count > maxNameLength }) { errors.add("consultants", tooLong("En kategori i konsulentbruken", maxNameLength)) }
            if rows.contains(where: { ($0.year ?? .zero) > maxAmount || ($0.previousYear ?? .zero) > maxAmount }) {
                errors.add("consultants", "Konsulentbruken er urimelig høy; skriv beløpet i kroner.")
            }
            if rows.contains(where: { ($0.year ?? .zero) < .zero || ($0.previousYear ?? .zero) < .zero }) {
                errors.add("consultants", "Konsulentbruk kan ikke være negativ.")
            }
            report.consultants = rows
        case .environment(let environment):
            if environment.measures.contains(where: { $0.measure.specialTrimmed.isEmpty }) { errors.add("environment", "Hvert klimatiltak må ha en tekst.") }
            if environment.measures.contains(where: { $0.measure.count > maxLineLength }) { errors.add("environment", tooLong("Et klimatiltak", maxLineLength)) }
            if (environment.certification?.count ?? 0) > maxNameLength { errors.add("environment", tooLong("Miljøsertifiseringen", maxNameLength)) }
            report.environment = environment
        case .headcountExplanation(let text):
            let text = text?.specialTrimmed
            if let text, text.count > maxTextLength { errors.add("headcountExplanation", tooLong("Forklaringen")) }
            report.headcountExplanation = (text?.isEmpty ?? true) ? nil : text
        }
        try errors.check()
        return report
    }

    static func tooLong(_ what: String, _ limit: Int = maxTextLength) -> String { "\(what) kan ha høyst \(limit) tegn." }
}

extension String {
    /// Without leading and trailing white space (chapters 4–6).
    var specialTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
