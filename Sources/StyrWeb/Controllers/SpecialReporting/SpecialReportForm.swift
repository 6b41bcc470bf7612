import StyrDomain

/// The forms of chapters 4–5: each table is typed as lines of semicolon-separated cells (one
/// row a line), read here into the domain's rows and written back for editing. A line that
/// cannot be read is refused for the table's domain field, naming the line.
enum SpecialReportForm {
    /// The form field of each domain field.
    static let formFields = [
        "equality": "likestilling", "genderPay": "kjonn-og-lonn", "workforce": "heltid", "hse": "hms",
        "workingTimeBreaches": "brudd", "sickLeave": "sykefravaer", "consultants": "konsulenter", "environment": "klimatiltak",
        "headcountExplanation": "forklaring",
    ]

    struct LineError: Error {
        var field: String
        var message: String
    }

    static func lines(_ text: String) -> [(number: Int, cells: [String])] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            return (index + 1, trimmed.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    static func int(_ text: String, _ field: String, _ line: Int, _ what: String) throws -> Int {
        guard let value = Int(text.filter { !$0.isWhitespace }) else {
            throw LineError(field: field, message: "Linje \(line): «\(text)» er ikke et helt tall (\(what)).")
        }
        return value
    }

    static func optionalInt(_ text: String, _ field: String, _ line: Int, _ what: String) throws -> Int? {
        text.isEmpty ? nil : try int(text, field, line, what)
    }

    static func kroner(_ text: String, _ field: String, _ line: Int, _ what: String) throws -> Money? {
        guard !text.isEmpty else { return nil }
        guard let value = Quantity(parsing: text) else {
            throw LineError(field: field, message: "Linje \(line): «\(text)» er ikke et beløp i kroner (\(what)).")
        }
        return Money(ore: value.milli / 10)
    }

    static func percent(_ text: String, _ field: String, _ line: Int, _ what: String) throws -> Quantity? {
        guard !text.isEmpty else { return nil }
        guard let value = Quantity(parsing: text) else {
            throw LineError(field: field, message: "Linje \(line): «\(text)» er ikke en prosent (\(what)).")
        }
        return value
    }

    static func cells(_ cells: [String], _ count: Int, _ field: String, _ line: Int, _ layout: String) throws -> [String] {
        guard cells.count <= count else { throw LineError(field: field, message: "Linje \(line) har \(cells.count) felt; skriv \(layout).") }
        return cells + Array(repeating: "", count: count - cells.count)
    }

    // MARK: Reading

    static let genderPayLayout = "stillingskategori; år; antall menn; antall kvinner; gjennomsnittslønn menn; gjennomsnittslønn kvinner"
    static func genderPay(_ text: String) throws -> [GenderPayRow] {
        try lines(text).map { number, raw in
            let c = try cells(raw, 6, "genderPay", number, genderPayLayout)
            return GenderPayRow(
                category: c[0], year: try int(c[1], "genderPay", number, "år"),
                count: SexCount(men: try int(c[2], "genderPay", number, "menn"), women: try int(c[3], "genderPay", number, "kvinner")),
                menPay: try kroner(c[4], "genderPay", number, "lønn menn") ?? .zero,
                womenPay: try kroner(c[5], "genderPay", number, "lønn kvinner") ?? .zero)
        }
    }

    static let workforceLayout = "år; alle ansatte; heltid menn; heltid kvinner; deltid menn; deltid kvinner; ufrivillig deltid menn; ufrivillig deltid kvinner; midlertidige menn; midlertidige kvinner"
    static func workforce(_ text: String) throws -> [WorkforceRow] {
        try lines(text).map { number, raw in
            let c = try cells(raw, 10, "workforce", number, workforceLayout)
            func n(_ index: Int, _ what: String) throws -> Int { try int(c[index], "workforce", number, what) }
            let involuntaryMen = try optionalInt(c[6], "workforce", number, "ufrivillig deltid menn")
            let involuntaryWomen = try optionalInt(c[7], "workforce", number, "ufrivillig deltid kvinner")
            return WorkforceRow(
                year: try n(0, "år"), total: try n(1, "alle ansatte"),
                fullTime: SexCount(men: try n(2, "heltid menn"), women: try n(3, "heltid kvinner")),
                partTime: SexCount(men: try n(4, "deltid menn"), women: try n(5, "deltid kvinner")),
                involuntaryPartTime: involuntaryMen == nil && involuntaryWomen == nil ? nil : SexCount(men: involuntaryMen ?? 0, women: involuntaryWomen ?? 0),
                temporary: SexCount(men: try n(8, "midlertidige menn"), women: try n(9, "midlertidige kvinner")))
        }
    }

    static let hseLayout = "spørsmål; ja, nei eller tomt; kommentar"
    static func hse(questions: String, breaches: String, comment: String) throws -> HSEChecklist {
        let parsed = try lines(questions).map { number, raw -> HSEQuestion in
            let c = try cells(raw, 3, "hse", number, hseLayout)
            let answer: Bool?
            switch c[1].lowercased() {
            case "ja", "x": answer = true
            case "nei": answer = false
            case "": answer = nil
            default: throw LineError(field: "hse", message: "Linje \(number): svaret må være «ja», «nei» eller tomt, ikke «\(c[1])».")
            }
            return HSEQuestion(question: c[0], answer: answer, comment: c[2])
        }
        let count = breaches.trimmingCharacters(in: .whitespaces)
        return HSEChecklist(
            questions: parsed, workingTimeBreaches: try optionalInt(count, "workingTimeBreaches", 1, "antall brudd"),
            breachesComment: comment.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let sickLeaveLayout = "menn, kvinner eller totalt; resultat året før; mål; resultat"
    static func sickLeave(_ text: String) throws -> [SickLeaveRow] {
        try lines(text).map { number, raw in
            let c = try cells(raw, 4, "sickLeave", number, sickLeaveLayout)
            guard let group = SickLeaveGroup.allCases.first(where: { $0.norwegianName.lowercased() == c[0].lowercased() }) else {
                throw LineError(field: "sickLeave", message: "Linje \(number): første felt må være «Menn», «Kvinner» eller «Totalt».")
            }
            return SickLeaveRow(
                group: group, previousResult: try percent(c[1], "sickLeave", number, "resultat året før"),
                target: try percent(c[2], "sickLeave", number, "mål"), result: try percent(c[3], "sickLeave", number, "resultat"))
        }
    }

    static let consultantsLayout = "kategori; beløp året før i kr; beløp i år i kr"
    static func consultants(_ text: String) throws -> [ConsultantRow] {
        try lines(text).map { number, raw in
            let c = try cells(raw, 3, "consultants", number, consultantsLayout)
            return ConsultantRow(category: c[0], previousYear: try kroner(c[1], "consultants", number, "året før"),
                                 year: try kroner(c[2], "consultants", number, "i år"))
        }
    }

    static let measuresLayout = "tiltak; planlagt, igangsatt eller gjennomført"
    static func environment(certification: String, measures: String) throws -> EnvironmentReport {
        let parsed = try lines(measures).map { number, raw -> ClimateMeasure in
            let c = try cells(raw, 2, "environment", number, measuresLayout)
            guard let status = MeasureStatus.allCases.first(where: { $0.norwegianName.lowercased() == c[1].lowercased() }) else {
                throw LineError(field: "environment", message: "Linje \(number): status må være «planlagt», «igangsatt» eller «gjennomført».")
            }
            return ClimateMeasure(measure: c[0], status: status)
        }
        let certification = certification.trimmingCharacters(in: .whitespaces)
        return EnvironmentReport(certification: certification.isEmpty ? nil : certification, measures: parsed)
    }

    // MARK: Writing back

    static func kroner(_ money: Money?) -> String { money.map { NorwegianFormat.exactKroner($0).replacingOccurrences(of: " ", with: "") } ?? "" }
    static func percent(_ value: Quantity?) -> String { value.map { NorwegianFormat.quantity($0, decimals: 3) } ?? "" }

    static func text(_ rows: [GenderPayRow]) -> String {
        rows.map { "\($0.category); \($0.year); \($0.count.men); \($0.count.women); \(kroner($0.menPay)); \(kroner($0.womenPay))" }.joined(separator: "\n")
    }

    static func text(_ rows: [WorkforceRow]) -> String {
        rows.map { row in
            let involuntary = row.involuntaryPartTime.map { "\($0.men); \($0.women)" } ?? "; "
            return "\(row.year); \(row.total); \(row.fullTime.men); \(row.fullTime.women); \(row.partTime.men); \(row.partTime.women); \(involuntary); \(row.temporary.men); \(row.temporary.women)"
        }.joined(separator: "\n")
    }

    static func text(_ questions: [HSEQuestion]) -> String {
        questions.map { "\($0.question); \($0.answer.map { $0 ? "ja" : "nei" } ?? ""); \($0.comment)" }.joined(separator: "\n")
    }

    static func text(_ rows: [SickLeaveRow]) -> String {
        rows.map { "\($0.group.norwegianName); \(percent($0.previousResult)); \(percent($0.target)); \(percent($0.result))" }.joined(separator: "\n")
    }

    static func text(_ rows: [ConsultantRow]) -> String {
        rows.map { "\($0.category); \(kroner($0.previousYear)); \(kroner($0.year))" }.joined(separator: "\n")
    }

    static func text(_ measures: [ClimateMeasure]) -> String {
        measures.map { "\($0.measure); \($0.status.norwegianName.lowercased())" }.joined(separator: "\n")
    }
}
