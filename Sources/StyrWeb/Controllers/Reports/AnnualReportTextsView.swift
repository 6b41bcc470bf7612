import StyrDomain
import StyrReports
import StyrServices

/// The view model of `annual-report-texts.mustache`: a form per written section of the annual
/// report and per goal area's account; the figures around them are computed by the report.
struct AnnualReportTextsView: Sendable {
    struct Section: Sendable {
        var key: String
        var title: String
        var placement: String
        var body: String
        var action: String
        var sectionError: String?
        var paragraphs: [String]
    }

    var organisationName: String
    var year: Int
    var saved: String?
    var canEdit: Bool
    var csrfToken: String
    var reportURL: String
    var goalsURL: String
    var sections: [Section]
    var goalAreas: [Section]

    /// `failed`: the section (key, or `malomrade:NAME`) whose save was refused, with the text typed and the message.
    init(_ texts: AnnualReportTextService.Texts, saved: String?, csrfToken: String, failed: (key: String, body: String, message: String)? = nil) {
        let scope = texts.scope
        let base = "/organisasjoner/\(scope.code.urlPathEncoded)/arsberetning/\(texts.year)"
        organisationName = scope.organisation.name
        year = texts.year
        self.saved = saved
        canEdit = texts.canEdit
        self.csrfToken = csrfToken
        reportURL = base
        goalsURL = "/organisasjoner/\(scope.code.urlPathEncoded)/mal/\(texts.year)"
        func section(key: String, title: String, placement: String, body: String, action: String) -> Section {
            let failedHere = failed?.key == key
            return Section(
                key: key.replacingOccurrences(of: " ", with: "-"), title: title, placement: placement,
                body: failedHere ? failed?.body ?? body : body, action: action, sectionError: failedHere ? failed?.message : nil,
                paragraphs: Paragraphs.split(body))
        }
        sections = texts.sections.map {
            section(key: $0.section.key, title: $0.section.title, placement: $0.section.placement, body: $0.body, action: "\(base)/tekster/\($0.section.key)")
        }
        goalAreas = texts.goalAreas.enumerated().map { position, area in
            var entry = section(
                key: "malomrade:\(area.name)", title: area.name, placement: "Målområdets omtale i årsberetningen, før målene og indikatorene.",
                body: area.narrative ?? "", action: "\(base)/tekster/malomrade")
            entry.key = "malomrade-\(position + 1)"
            return entry
        }
    }
}
