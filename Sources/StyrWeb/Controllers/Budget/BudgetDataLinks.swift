import StyrDomain
import StyrReports
import StyrServices

/// The addresses of an agency's budget data pages, and the trail they share.
struct BudgetDataLinks: Sendable {
    var chaptersURL: String
    var originalBudgetURL: String
    var revisionsURL: String
    var projectsURL: String
    var staffingURL: String
    var budgetURL: String
    var importURL: String

    init(code: String, year: Int) {
        let base = "/organisasjoner/\(code.urlPathEncoded)"
        chaptersURL = "\(base)/kapitler"
        originalBudgetURL = "\(base)/budsjett/\(year)/dok3"
        revisionsURL = "\(base)/budsjett/\(year)/revisjoner"
        projectsURL = "\(base)/budsjett/\(year)/prosjekter"
        staffingURL = "\(base)/bemanning"
        budgetURL = "\(base)/budsjett/\(year)"
        importURL = "\(base)/regnskap/\(year)/import"
    }

    /// The organisation, and the budget page of the year.
    static func trail(_ scope: OrganisationScope, year: Int) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name),
         NavigationLink(url: "\(scope.base)/budsjett/\(year)", label: "Budsjett \(year)")]
    }

    /// The year the pages without a year in their address link to: this year.
    static var currentYear: Int { CalendarDate.today().year }
}

extension ChapterKind {
    /// The value of a select in a form.
    var formValue: String {
        switch self {
        case .operating: "drift"
        case .investment: "investering"
        case .both: "begge"
        }
    }

    init?(formValue: String) {
        guard let kind = ChapterKind.allCases.first(where: { $0.formValue == formValue }) else { return nil }
        self = kind
    }
}

extension AccountKind {
    var formValue: String { self == .operating ? "drift" : "investering" }

    init?(formValue: String) {
        switch formValue {
        case "drift": self = .operating
        case "investering": self = .investment
        default: return nil
        }
    }
}
