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

    public func render(_ context: Any, template: String) -> String {
        guard let html = library.render(Self.withoutEmptyStrings(context), withTemplate: template) else {
            preconditionFailure("unknown template \(template)")
        }
        return html
    }

    /// Mustache treats an empty string as true, so `{{#note}}…{{/note}}` would render around
    /// nothing. Dictionary entries holding "" are dropped (a missing key is false and renders
    /// empty); strings inside arrays stay, as they are table cells in position.
    static func withoutEmptyStrings(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.filter { !(($0.value as? String)?.isEmpty ?? false) }.mapValues(withoutEmptyStrings)
        }
        if let array = value as? [Any], !(value is [String]) {
            return array.map(withoutEmptyStrings)
        }
        return value
    }

    /// A whole HTML document around `body`. A standalone file carries its style sheet inline;
    /// the web application links it, so that its Content-Security-Policy needs no inline styles.
    public func document(
        title: String, body: String, standalone: Bool, navigation: [NavigationLink] = [], account: AccountLink? = nil
    ) -> String {
        var context: [String: Any] = [
            "title": title, "body": body, "homeURL": "/",
            "navigation": navigation.map { ["url": $0.url, "label": $0.label] }, "hasNavigation": !navigation.isEmpty,
        ]
        if let account {
            context["account"] = ["name": account.name, "csrfToken": account.csrfToken]
        }
        if standalone {
            context["inlineStyle"] = StyleSheet.css
        } else {
            context["stylesheetURL"] = "/styles.css"
        }
        return render(context, template: "document")
    }

    /// The annual report as an HTML fragment (the `<article>`).
    /// The annual report's body; on a web page its regnskap cells may link to ledger lines.
    public func annualReportBody(_ report: AnnualReport, accountsCellLink: AccountsCellLink? = nil) -> String {
        render(Self.context(report, accountsCellLink: accountsCellLink), template: "annual-report")
    }

    /// The annual report as a standalone HTML document with its print style sheet.
    public func annualReportDocument(_ report: AnnualReport) -> String {
        document(title: "\(report.title) – \(report.organisationName)", body: annualReportBody(report), standalone: true)
    }

    /// Headings with a flag for right-aligned number columns.
    static func headings(_ texts: [String], numeric: (Int) -> Bool) -> [[String: Any]] {
        texts.enumerated().map { ["text": $0.element, "numeric": numeric($0.offset)] }
    }

    /// The URL of the ledger lines behind an accounts cell (section, row, column of
    /// `AccountsTable.Row.columns`), or nil when the cell has none.
    public typealias AccountsCellLink = @Sendable (AnnualReport.AccountsSection, AnnualReport.AccountsRow, Int) -> String?

    public static func context(_ report: AnnualReport, accountsCellLink: AccountsCellLink? = nil) -> [String: Any] {
        func accounts(_ section: AnnualReport.AccountsSection) -> [String: Any] {
            [
                "caption": section.caption, "headings": headings(section.headings) { $0 > 0 },
                "rows": section.rows.map { row in
                    // `hasLink` is set on every cell: Mustache would otherwise look for it further out.
                    let cells = row.cells.enumerated().map { column, text -> [String: Any] in
                        let url = accountsCellLink?(section, row, column)
                        return ["text": text, "hasLink": url != nil, "url": url ?? "#"]
                    }
                    return ["label": row.label, "cells": cells, "isSum": row.isSum] as [String: Any]
                },
                "notes": section.notes, "explanations": section.explanations, "hasExplanations": !section.explanations.isEmpty,
                "revisionText": section.revisionText, "comparisonText": section.comparisonText,
                "revisionHeading": section.revisionHeading, "comparisonHeading": section.comparisonHeading,
                "hasComparison": !section.comparisonText.isEmpty,
            ]
        }
        return [
            "title": report.title, "organisationName": report.organisationName, "amountUnitNote": report.amountUnitNote ?? "",
            "leaderStatement": report.leaderStatement, "hasLeaderStatement": !report.leaderStatement.isEmpty,
            "responsibility": report.responsibility,
            "staffing": [
                "caption": report.staffing.caption, "fromHeading": report.staffing.fromHeading,
                "toHeading": report.staffing.toHeading, "hasRows": !report.staffing.rows.isEmpty,
                "rows": report.staffing.rows.map { ["label": $0[0], "cells": Array($0.dropFirst())] as [String: Any] },
                "comments": report.staffing.comments,
            ] as [String: Any],
            "situation": report.situation, "hasSituation": !report.situation.isEmpty,
            "indicators": [
                "caption": report.indicators.caption,
                "headings": headings(report.indicators.headings) { $0 > 0 && $0 < report.indicators.headings.count - 1 },
                "rows": report.indicators.rows.map {
                    [
                        "name": $0.name, "footnoteMarks": $0.footnoteMarks, "hasFootnoteMarks": !$0.footnoteMarks.isEmpty, "baselines": $0.baselines, "target": $0.target,
                        "result": $0.result, "deviation": $0.deviation, "status": $0.status, "statusClass": $0.statusClass,
                    ] as [String: Any]
                },
                "footnotes": report.indicators.footnotes, "comments": report.indicators.comments,
                "hasComments": !report.indicators.comments.isEmpty,
            ] as [String: Any],
            "goalAreas": report.goalAreas.map {
                ["name": $0.name, "paragraphs": $0.paragraphs, "indicatorNames": $0.indicatorNames,
                 "hasIndicators": !$0.indicatorNames.isEmpty] as [String: Any]
            },
            "governance": report.governance, "hasGovernance": !report.governance.isEmpty,
            "accounts": [accounts(report.operating), accounts(report.investment)],
            "projects": [
                "caption": report.projects.caption, "headings": headings(report.projects.headings) { $0 >= projectNumberColumn },
                "hasRows": !report.projects.rows.isEmpty,
                "rows": report.projects.rows.map { ["label": $0[0], "cells": projectCells($0)] as [String: Any] },
                "sumLabel": report.projects.sumRow.first ?? "", "sumCells": projectCells(report.projects.sumRow),
                "notes": report.projects.notes, "comments": report.projects.comments, "hasComments": !report.projects.comments.isEmpty,
            ] as [String: Any],
        ]
    }
}

/// Project table columns from here on are amounts; before it, number, group and completion are text.
private let projectNumberColumn = 5

private func projectCells(_ row: [String]) -> [[String: Any]] {
    row.enumerated().dropFirst().map { ["text": $0.element, "numeric": $0.offset >= projectNumberColumn] }
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
