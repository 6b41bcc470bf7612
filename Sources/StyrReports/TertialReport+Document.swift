extension TertialReport {
    /// The tertial report as the block model the document writers (PDF, DOCX) render, in the
    /// order and with the tables of its Markdown (`TertialReportMarkdown`).
    public var document: ReportDocument {
        var blocks: [ReportBlock] = [.paragraph(subtitle)]
        func written(_ key: String) {
            let section = text(key)
            blocks.append(.heading(level: 1, text: section.title))
            blocks += section.paragraphs.isEmpty ? [.note("Etaten har ikke skrevet noe her ennå.")] : section.paragraphs.map(ReportBlock.paragraph)
        }
        written("sammendrag")
        written("maloppnaelse")
        for area in goalAreas {
            blocks.append(.heading(level: 2, text: area.name))
            if !area.goals.isEmpty { blocks.append(.bullets(area.goals)) }
            if area.indicators.isEmpty {
                blocks.append(.note("Ingen resultatindikatorer med måltall."))
            } else {
                blocks.append(.table(ReportTable(
                    caption: "Resultatindikatorer: \(area.name)", headings: ["Resultatindikator", "Måltall", "Resultat", "Grunnlag", "Status"],
                    rows: area.indicators.map { ReportTable.Row([$0.name, $0.target, $0.result, $0.resultBasis, $0.status]) }, textColumns: [0, 3, 4])))
                for line in area.indicators { if let comment = line.comment { blocks.append(.note("Kommentar til \(line.name): \(comment)")) } }
            }
        }
        written("oppdrag")
        if assignments.isEmpty {
            blocks.append(.paragraph("Tildelingsbrevet gir ingen særskilte oppdrag."))
        } else {
            blocks.append(.table(ReportTable(
                caption: "Oppdrag i tildelingsbrevet", headings: ["Oppdrag", "Frist", "Status", "Sist rapportert", "Kommentar"],
                rows: assignments.map { ReportTable.Row([$0.title, $0.deadline, $0.status, $0.statusDate ?? "", $0.comment ?? ""]) },
                textColumns: [0, 1, 2, 3, 4])))
        }
        written("okonomi")
        if let accounting {
            blocks.append(.paragraph("\(accounting.title). \(accounting.subtitle)"))
            for section in accounting.sections {
                blocks.append(.table(ReportTable(
                    caption: section.caption, headings: ["Post", "Regulert budsjett", "Budsjett hittil", "Regnskap hittil", "Prognose", "Avvik", "Forklaring"],
                    rows: section.lines.map {
                        ReportTable.Row([$0.label, $0.revisedBudget, $0.budgetToDate, $0.actualsToDate, $0.forecast, $0.deviation, $0.explanation ?? ""],
                                        isSum: $0.isSum)
                    }, textColumns: [0, 6])))
            }
            blocks += accounting.notes.map(ReportBlock.note)
            if !accounting.missingExplanations.isEmpty {
                blocks.append(.finding("Avvik som mangler forklaring: \(accounting.missingExplanations.joined(separator: ", "))."))
            }
        } else {
            blocks.append(.paragraph(accountingNote ?? "Regnskapsrapporten kan ikke lages for perioden."))
        }
        written("risiko")
        blocks.append(.paragraph(risks.acceptance))
        if let note = risks.note { blocks.append(.note(note)) }
        if !risks.risks.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Risikoer over akseptgrensen", headings: ["Risiko", "Kategori", "Eier", "Før tiltak", "Etter tiltak", "Tiltak"],
                rows: risks.risks.map {
                    ReportTable.Row([$0.title + ($0.isExample ? " (eksempel)" : ""), $0.category, $0.owner, $0.inherent, $0.residual,
                                     $0.measures.joined(separator: "; ")])
                }, textColumns: [0, 1, 2, 3, 4, 5])))
        }
        written("avvik")
        if deviations.isEmpty {
            blocks.append(.paragraph("Etaten har ikke varslet vesentlige avvik i perioden."))
        } else {
            for deviation in deviations {
                blocks.append(.heading(level: 3, text: deviation.area))
                blocks.append(.paragraph("Varslet \(deviation.date) (\(deviation.status.lowercased()))."))
                blocks.append(.bullets(["Avvik: \(deviation.description)", "Forventet virkning: \(deviation.expectedEffect)",
                                        "Korrigerende tiltak: \(deviation.measures)"]))
            }
        }
        return ReportDocument(title: title, organisationName: organisationName, year: year, blocks: blocks)
    }
}
