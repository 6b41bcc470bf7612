import StyrDomain
import StyrServices

/// The view model of `organisation.mustache`: where the organisation sits, its chapters, its
/// governing documents and the reports of the years with accounts.
struct OrganisationView: Sendable {
    struct Link: Sendable { var url: String, label: String }
    struct Child: Sendable { var url: String, name: String }
    struct Mission: Sendable { var url: String, version: Int, fixedOn: String }

    var kind: String
    var name: String
    var parent: String?
    /// `125 Utviklings- og kompetanseetaten`.
    var chapters: [String]
    var mission: Mission?
    var ledgerURL: String
    /// Nil for a municipality, which has no governance dialogue of its own.
    var dialogueURL: String?
    var dashboards: [Link]
    var reports: [Link]
    var indicatorPages: [Link]
    var historyURL: String
    var children: [Child]

    init(_ overview: OrganisationService.Overview, today: CalendarDate) {
        let organisation = overview.organisation
        let base = "/organisasjoner/\(organisation.code.urlPathEncoded)"
        let years = overview.yearsWithAccounts
        kind = organisation.kind.norwegianName
        name = organisation.name
        parent = overview.parent?.name
        chapters = overview.chapters.map { "\($0.number) \($0.name)" }
        mission = overview.mission.map { Mission(url: "\(base)/samfunnsoppdrag", version: $0.version, fixedOn: NorwegianFormat.date($0.fixedOn)) }
        ledgerURL = "\(base)/regnskap/\(years.first ?? today.year)"
        dialogueURL = organisation.kind == .municipality ? nil : "\(base)/styringsdialog"
        dashboards = years.flatMap {
            [Link(url: "\(base)/ar/\($0)", label: "Årsoversikt \($0)"), Link(url: "\(base)/budsjett/\($0)", label: "Budsjett og regnskap \($0)")]
        }
        reports = years.map { Link(url: "\(base)/arsberetning/\($0)", label: "Årsberetning \($0)") }
        indicatorPages = years.map { Link(url: "\(base)/indikatorer/\($0)", label: "Resultatindikatorer \($0)") }
        historyURL = "/historikk?type=organisation&nokkel=\(organisation.code.urlQueryEncoded)"
        children = overview.children.map { Child(url: "/organisasjoner/\($0.code.urlPathEncoded)", name: $0.name) }
    }
}
