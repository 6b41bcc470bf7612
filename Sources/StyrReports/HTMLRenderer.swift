import Mustache

/// Renders reports and pages as HTML through Mustache templates, which escape every value.
public struct HTMLRenderer: Sendable {
    private let library: MustacheLibrary

    public init() {
        do {
            library = try MustacheLibrary(templates: TemplateFiles.reports.mapValues { try MustacheTemplate(string: $0) })
        } catch {
            // The templates are resources of Styr itself; a parse error is a programming error.
            preconditionFailure("invalid built-in template: \(error)")
        }
    }

    /// Registers further templates (the web application's pages) beside the report templates.
    public init(pageTemplates: [String: String]) throws {
        var library = HTMLRenderer().library
        for (name, text) in pageTemplates { try library.register(text, named: name) }
        self.library = library
    }

    /// Renders a typed view model. Mustache takes an empty string as true, so a view model's
    /// optional text is nil when there is none (table cells in an array stay, in position).
    public func render<Model>(_ model: Model, template: String) -> String {
        guard let html = library.render(model, withTemplate: template) else {
            preconditionFailure("unknown template \(template)")
        }
        return html
    }

    /// A whole HTML document around `body`. A standalone file carries its style sheet inline;
    /// the web application links it, so that its Content-Security-Policy needs no inline styles.
    /// `menu`: the web application's main menu (rendered HTML), under the header.
    public func document(
        title: String, body: String, standalone: Bool, navigation: [NavigationLink] = [], account: AccountLink? = nil, menu: String? = nil
    ) -> String {
        render(DocumentView(
            title: title, body: body, homeURL: "/", navigation: navigation, account: account, menu: menu,
            inlineStyle: standalone ? StyleSheet.css : nil, stylesheetURL: standalone ? nil : "/styles.css"), template: "document")
    }

    /// The annual report's body (the `<article>`); on a web page its regnskap cells may link to ledger lines.
    public func annualReportBody(_ report: AnnualReport, accountsCellLink: AccountsCellLink? = nil) -> String {
        render(AnnualReportView(report, accountsCellLink: accountsCellLink), template: "annual-report")
    }

    /// The annual report as a standalone HTML document with its print style sheet.
    public func annualReportDocument(_ report: AnnualReport) -> String {
        document(title: "\(report.title) – \(report.organisationName)", body: annualReportBody(report), standalone: true)
    }

    /// The URL of the ledger lines behind an accounts cell (section, row, column of
    /// `AccountsTable.Row.columns`), or nil when the cell has none.
    public typealias AccountsCellLink = @Sendable (AnnualReport.AccountsSection, AnnualReport.AccountsRow, Int) -> String?
}

/// The view model of `document.mustache`: the page around every body.
struct DocumentView: Sendable {
    var title: String
    var body: String
    var homeURL: String
    var navigation: [NavigationLink]
    var account: AccountLink?
    /// The main menu's HTML (already rendered and escaped), or nil.
    var menu: String?
    var inlineStyle: String?
    var stylesheetURL: String?
}

/// The logged-in user shown in the header, with the token of the logout form.
public struct AccountLink: Sendable {
    public var name: String
    public var csrfToken: String
    public init(name: String, csrfToken: String) {
        self.name = name
        self.csrfToken = csrfToken
    }
}

public struct NavigationLink: Sendable {
    public var url: String
    public var label: String
    public init(url: String, label: String) {
        self.url = url
        self.label = label
    }
}
