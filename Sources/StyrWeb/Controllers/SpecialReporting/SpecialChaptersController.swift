import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Chapters 4–6 of the annual report: the computed tables and findings, and a form per table
/// (`SpecialReportService`); the forms' lines are read by `SpecialReportForm`.
struct SpecialChaptersController: Sendable {
    let specialReports: SpecialReportService
    let reports: AnnualReportService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/arsberetning/:year/kapittel-4-6") { request, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let found = try await specialReports.chapters(of: code, year: year, by: context.session?.user)
            return page(found, saved: Confirmation.message(request, context), context)
        }
        router.post("/organisasjoner/:code/arsberetning/:year/kapittel-4-6/:part") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let partName = try context.parameters.require("part")
            let user = context.session?.user
            do {
                guard let part = try Self.part(partName, fields) else {
                    throw notFound(pages, context, heading: "Fant ikke skjemaet", message: "Kapittel 4–6 har ikke noe slikt skjema.")
                }
                try await specialReports.save(part, of: code, year: year, by: user)
                return Confirmation.redirect(
                    to: "/organisasjoner/\(code.urlPathEncoded)/arsberetning/\(year)/kapittel-4-6#\(partName)", message: "Endringen er lagret.", context)
            } catch let error as SpecialReportForm.LineError {
                let found = try await specialReports.chapters(of: code, year: year, by: user)
                return page(found, saved: nil, typed: fields, errors: [SpecialReportForm.formFields[error.field] ?? partName: error.message], context).response
            } catch ServiceError.invalid(let errors) {
                let found = try await specialReports.chapters(of: code, year: year, by: user)
                var byField: [String: String] = [:]
                for entry in errors.renamed(SpecialReportForm.formFields).entries {
                    byField[entry.field] = [byField[entry.field], entry.message].compactMap { $0 }.joined(separator: " ")
                }
                return page(found, saved: nil, typed: fields, errors: byField, context).response
            }
        }
    }

    /// The form's part, or nil for an unknown part.
    static func part(_ name: String, _ fields: [String: String]) throws -> SpecialReportPart? {
        func value(_ key: String) -> String { fields[key] ?? "" }
        switch name {
        case "likestilling":
            let answer = value("likestilling")
            return .equality(answer.isEmpty ? nil : EqualityAssessment(riskAssessed: answer == "ja", explanation: value("likestilling-forklaring").trimmingCharacters(in: .whitespacesAndNewlines)))
        case "kjonn-og-lonn": return .genderPay(try SpecialReportForm.genderPay(value("kjonn-og-lonn")))
        case "heltid": return .workforce(try SpecialReportForm.workforce(value("heltid")))
        case "hms": return .hse(try SpecialReportForm.hse(questions: value("hms"), breaches: value("brudd"), comment: value("brudd-kommentar")))
        case "sykefravaer": return .sickLeave(try SpecialReportForm.sickLeave(value("sykefravaer")))
        case "konsulenter": return .consultants(try SpecialReportForm.consultants(value("konsulenter")))
        case "miljo": return .environment(try SpecialReportForm.environment(certification: value("miljosertifisering"), measures: value("klimatiltak")))
        case "forklaring": return .headcountExplanation(value("forklaring"))
        default: return nil
        }
    }

    func page(_ found: SpecialReportService.Chapters, saved: String?, typed: [String: String] = [:], errors: [String: String] = [:],
              _ context: StyrRequestContext) -> HTML {
        let blocks = AnnualReport.specialChapters(of: found.data, year: found.year, narratives: found.narratives)
        return pages.html(
            "Kapittel 4–6 i årsberetningen \(found.year) – \(found.scope.organisation.name)", template: "special-chapters",
            model: SpecialChaptersView(found, blocks: blocks, saved: saved, csrfToken: context.session?.csrfToken ?? "", typed: typed, errors: errors),
            context: context, status: errors.isEmpty ? .ok : .unprocessableContent,
            trail: [NavigationLink(url: found.scope.base, label: found.scope.organisation.name),
                    NavigationLink(url: "\(found.scope.base)/arsberetning/\(found.year)", label: "Årsberetning \(found.year)")])
    }
}
