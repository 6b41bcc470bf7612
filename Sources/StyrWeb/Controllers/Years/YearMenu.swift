import Foundation
import StyrDomain
import StyrServices

/// The view model of `year-menu.mustache`: the main menu under the header, showing the year's
/// cycle (dialogue, indicators, budget and accounts, reports, calendar) for the chosen
/// organisation and year, with the year chooser.
///
/// How the chosen year stays: the year in a page's address is the truth for that page (so links
/// and bookmarks show the same thing to everyone), and every menu link carries the year in its
/// address. Pages whose address has no year (messages, meetings, signals, the organisation page)
/// take the year last chosen or viewed from a cookie (`styr_ar`, with the organisation in
/// `styr_org`), set by `YearMenuMiddleware` when a page with a year in its address is shown and by
/// the chooser. A cookie, not `?ar=` on every link, because the pages' own links (to a meeting, a
/// notice) would drop a query, and the year would jump back. Without either, the menu opens on the
/// latest year with data (`BudgetYearService.latestYearWithData`).
struct YearMenuView: Sendable {
    struct Link: Sendable {
        var url: String
        var label: String
        /// Set on every link, so that none is looked up further out.
        var current: Bool
    }
    struct Group: Sendable {
        var title: String
        var links: [Link]
    }
    struct YearOption: Sendable {
        var value: Int
        var selected: Bool
    }

    /// The menu of the request being answered, set by `YearMenuMiddleware` for `Pages`.
    @TaskLocal static var current: YearMenuView?

    var organisationName: String
    var organisationURL: String
    var year: Int
    var chooserURL: String
    /// The page to come back to after choosing a year.
    var page: String
    var years: [YearOption]
    var groups: [Group]

    /// The sections of an address that are followed by a year: `/organisasjoner/UKE/budsjett/2020`.
    static let yearSections: Set<String> = [
        "ar", "arsberetning", "budsjett", "indikatorer", "internkontroll", "mal", "rapporter", "regnskap", "regnskapsrapport",
        "tertialrapport", "tildelingsbrev",
    ]

    init(_ menu: BudgetYearService.Menu, year: Int, path: String, isAdmin: Bool) {
        let scope = menu.scope
        let base = "/organisasjoner/\(scope.organisation.code.urlPathEncoded)"
        organisationName = scope.organisation.name
        organisationURL = base
        self.year = year
        chooserURL = "\(base)/velg-ar"
        page = path
        years = Set(menu.years + [year]).sorted(by: >).map { YearOption(value: $0, selected: $0 == year) }
        func link(_ url: String, _ label: String) -> Link {
            let target = url.split(separator: "?").first.map(String.init) ?? url
            return Link(url: url, label: label, current: path == target)
        }
        let isAgency = scope.organisation.kind == .agency || scope.organisation.kind == .section
        var groups: [Group] = []
        var dialogue = [link("\(base)/ar/\(year)", "Årsoversikt")]
        if isAgency {
            dialogue += [link("\(base)/tildelingsbrev/\(year)", "Tildelingsbrev"), link("\(base)/meldinger", "Meldinger"),
                         link("\(base)/moter", "Møter"), link("\(base)/signaler", "Styringssignaler")]
        } else if scope.organisation.kind == .department {
            dialogue.append(link("\(base)/styringsdialog", "Styringsdialogen"))
        }
        // The agency's own frames: its mission statement and the authorities delegated to it.
        if isAgency {
            dialogue += [link("\(base)/samfunnsoppdrag", "Samfunnsoppdrag"), link("\(base)/fullmakter", "Fullmakter")]
        }
        groups.append(Group(title: "Dialog", links: dialogue))
        var goals = [link("\(base)/indikatorer/\(year)", "Resultatindikatorer")]
        if isAgency { goals.insert(link("\(base)/mal/\(year)", "Mål"), at: 0) }
        groups.append(Group(title: "Mål og indikatorer", links: goals))
        var budget = [link("\(base)/budsjett/\(year)", "Budsjett")]
        if isAgency {
            // Where the year's budget input is kept, in the order it is entered.
            budget += [link("\(base)/kapitler", "Kapitler"), link("\(base)/budsjett/\(year)/dok3", "Dok. 3"),
                       link("\(base)/budsjett/\(year)/revisjoner", "Reguleringer"),
                       link("\(base)/budsjett/\(year)/prosjekter", "Prosjekter"), link("\(base)/bemanning", "Bemanning")]
        }
        budget += [link("\(base)/regnskap/\(year)", "Regnskap"), link("\(base)/regnskapsrapport/\(year)", "Regnskapsrapport")]
        // Services and self-cost: the agency's catalogue; the department's overview across its agencies.
        if isAgency {
            budget.append(link("\(base)/tjenester", "Tjenester og selvkost"))
        } else if scope.organisation.kind == .department {
            budget.append(link("\(base)/tjenester/oversikt/\(year)", "Tjenester og selvkost"))
        }
        groups.append(Group(title: "Budsjett og regnskap", links: budget))
        var reports = [link("\(base)/arsberetning/\(year)", "Årsberetning")]
        if isAgency {
            reports += [link("\(base)/arsberetning/\(year)/tekster", "Årsberetningens tekster"),
                        link("\(base)/arsberetning/\(year)/kapittel-4-6", "Kapittel 4–6"),
                        link("\(base)/tertialrapport/\(year)/t2", "Tertialrapport"),
                        link("\(base)/oppfolgingssaker", "Oppfølgingssaker")]
        }
        reports.append(link("\(base)/kontroll-av-tabeller", "Kontroll av tabeller"))
        groups.append(Group(title: "Rapporter", links: reports))
        // Risk and internal control: the agency's own; on a department's page, its roll-up.
        if isAgency || scope.organisation.kind == .department {
            groups.append(Group(title: "Risiko og kontroll", links: [
                link("\(base)/risiko", "Risiko"), link("\(base)/internkontroll/\(year)", "Internkontroll"),
            ]))
        }
        if isAgency || scope.organisation.kind == .department {
            groups.append(Group(title: "Kalender", links: [link("\(base)/arshjul?ar=\(year)", "Årshjul")]))
        }
        var yearLinks = [link("\(base)/budsjettar", "Budsjettår")]
        if isAdmin { yearLinks.append(link("/admin", "Administrasjon")) }
        groups.append(Group(title: "Året", links: yearLinks))
        self.groups = groups
    }

    /// The year in an organisation's address (`/organisasjoner/UKE/budsjett/2020/…`), or in the
    /// calendar's `?ar=`; nil when it has none.
    static func year(inPath segments: [String], query: String?) -> Int? {
        if segments.count >= 4, yearSections.contains(segments[2]), let year = Int(segments[3]), BudgetYears.contains(year) { return year }
        if segments.count == 3, segments[2] == "arshjul", let query, let year = Int(query), BudgetYears.contains(year) { return year }
        return nil
    }

    /// `page` showing `year` instead: its year replaced, or the calendar's `?ar=`; other pages as
    /// they are. Only addresses of organisations are returned to; anything else goes to `fallback`.
    static func page(_ page: String, showing year: Int, fallback: String) -> String {
        let path = page.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard path.hasPrefix("/organisasjoner/"), !path.contains("//"), !path.contains("\\") else { return fallback }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.count >= 4, yearSections.contains(segments[2]), Int(segments[3]) != nil {
            segments[3] = String(year)
            return "/" + segments.joined(separator: "/")
        }
        if segments.count == 3, segments[2] == "arshjul" { return "\(path)?ar=\(year)" }
        return path
    }
}
