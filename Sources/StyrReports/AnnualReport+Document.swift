import StyrDomain

extension AnnualReport {
    /// The whole annual report, chapters 1–6, as the block model the document writers (PDF,
    /// DOCX) render; the same figures the web page and Markdown show.
    public var document: ReportDocument {
        var blocks: [ReportBlock] = []
        if let note = amountUnitNote { blocks.append(.note(note)) }
        if !leaderStatement.isEmpty {
            blocks.append(.heading(level: 1, text: "Leders beretning"))
            blocks += leaderStatement.map(ReportBlock.paragraph)
        }
        blocks.append(.heading(level: 1, text: "1. Ansvarsområde"))
        blocks += responsibility.map(ReportBlock.paragraph)
        if !staffing.isEmpty {
            blocks.append(.heading(level: 3, text: "Antall ansatte"))
            blocks.append(.table(ReportTable(
                caption: staffing.caption, headings: ["", staffing.fromHeading, staffing.toHeading, "Endring"],
                rows: staffing.rows.map { ReportTable.Row($0) })))
            blocks += staffing.comments.map(ReportBlock.paragraph)
        }

        blocks.append(.heading(level: 1, text: "2. Måloppnåelse, resultater og risikovurdering"))
        if !situation.isEmpty {
            blocks.append(.heading(level: 2, text: "2.1 Situasjonsbeskrivelse"))
            blocks += situation.map(ReportBlock.paragraph)
        }
        blocks.append(.heading(level: 2, text: "2.2 Måloppnåelse"))
        let lastColumn = indicators.headings.count - 1
        blocks.append(.table(ReportTable(
            caption: indicators.caption, headings: indicators.headings,
            rows: indicators.rows.map { row in
                ReportTable.Row([row.name + (row.footnoteMarks.isEmpty ? "" : " " + row.footnoteMarks)] + row.baselines
                    + [row.target, row.result, row.deviation, row.status])
            }, textColumns: [0, lastColumn])))
        blocks += indicators.footnotes.map(ReportBlock.note)
        if !indicators.comments.isEmpty {
            blocks.append(.heading(level: 3, text: "Kommentarer til avvik"))
            blocks += indicators.comments.map(ReportBlock.note)
        }
        for area in goalAreas {
            blocks.append(.heading(level: 3, text: area.name))
            blocks += area.paragraphs.map(ReportBlock.paragraph)
            if !area.indicatorNames.isEmpty { blocks.append(.bullets(area.indicatorNames)) }
        }
        if !governance.isEmpty {
            blocks.append(.heading(level: 2, text: "2.3 Styring og kontroll"))
            blocks += governance.map(ReportBlock.paragraph)
        }

        blocks.append(.heading(level: 1, text: "3. Sammenlikning av budsjett og regnskap"))
        for accounts in [operating, investment] {
            blocks.append(.heading(level: 2, text: accounts.caption))
            blocks.append(.table(ReportTable(
                caption: accounts.caption, headings: accounts.headings,
                rows: accounts.rows.map { ReportTable.Row([$0.label] + $0.cells, isSum: $0.isSum) })))
            blocks += accounts.notes.map(ReportBlock.note)
            if !accounts.explanations.isEmpty {
                blocks.append(.heading(level: 3, text: "Årsaksforklaring til avvik mellom regulert budsjett og regnskap"))
                blocks += accounts.explanations.map(ReportBlock.paragraph)
            }
            blocks.append(.heading(level: 3, text: accounts.revisionHeading))
            blocks += accounts.revisionText.map(ReportBlock.paragraph)
            if !accounts.comparisonText.isEmpty {
                blocks.append(.heading(level: 3, text: accounts.comparisonHeading))
                blocks += accounts.comparisonText.map(ReportBlock.paragraph)
            }
        }
        if !projects.isEmpty {
            blocks.append(.heading(level: 2, text: projects.caption))
            blocks.append(.table(ReportTable(
                caption: projects.caption, headings: projects.headings,
                rows: projects.rows.map { ReportTable.Row($0) } + [ReportTable.Row(projects.sumRow, isSum: true)],
                textColumns: Set(0..<AnnualReportView.projectNumberColumn))))
            blocks += projects.notes.map(ReportBlock.note)
            if !projects.comments.isEmpty {
                blocks.append(.heading(level: 3, text: "Kommentarer / årsak til avvik"))
                blocks += projects.comments.map(ReportBlock.paragraph)
            }
        }
        blocks += specialChapters
        return ReportDocument(title: title, organisationName: organisationName, year: year, blocks: blocks)
    }
}
