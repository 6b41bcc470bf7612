import StyrDomain

/// The tertial report as Markdown: a `##` heading per part, its figures as tables, the agency's
/// written section under each heading.
public enum TertialReportMarkdown {
    public static func render(_ report: TertialReport) -> String {
        typealias M = MarkdownRenderer
        var out: [String] = []
        out.append("# \(M.escape(report.title)): \(M.escape(report.organisationName))")
        out.append("_\(M.escape(report.subtitle))_")
        written(&out, report.text("sammendrag"))

        written(&out, report.text("maloppnaelse"))
        for area in report.goalAreas {
            out.append("### \(M.escape(area.name))")
            if !area.goals.isEmpty { out.append(area.goals.map { "- \(M.escape($0))" }.joined(separator: "\n")) }
            if area.indicators.isEmpty {
                out.append("Ingen resultatindikatorer med måltall.")
            } else {
                out.append(M.table(["Resultatindikator", "Måltall", "Resultat", "Grunnlag", "Status"],
                                   area.indicators.map { [$0.name, $0.target, $0.result, $0.resultBasis, $0.status] }))
                for line in area.indicators { if let comment = line.comment { out.append("Kommentar til \(M.escape(line.name)): \(M.escape(comment))") } }
            }
        }

        written(&out, report.text("oppdrag"))
        if report.assignments.isEmpty {
            out.append("Tildelingsbrevet gir ingen særskilte oppdrag.")
        } else {
            out.append(M.table(["Oppdrag", "Frist", "Status", "Sist rapportert", "Kommentar"],
                               report.assignments.map { [$0.title, $0.deadline, $0.status, $0.statusDate ?? "", $0.comment ?? ""] }))
        }

        written(&out, report.text("okonomi"))
        if let accounting = report.accounting {
            out.append("**\(M.escape(accounting.title))**. \(M.escape(accounting.subtitle))")
            for section in accounting.sections {
                out.append("### \(M.escape(section.caption))")
                out.append(M.table(
                    ["Post", "Regulert budsjett", "Budsjett hittil", "Regnskap hittil", "Prognose", "Avvik", "Forklaring"],
                    section.lines.map { line in
                        [line.label, line.revisedBudget, line.budgetToDate, line.actualsToDate, line.forecast, line.deviation, line.explanation ?? ""]
                            .enumerated().map { $0.offset < 6 && line.isSum ? "**\(M.escape($0.element))**" : M.escape($0.element) }
                    }, escapeCells: false))
            }
            out += accounting.notes.map(M.escape)
            if !accounting.missingExplanations.isEmpty {
                out.append("Avvik som mangler forklaring: \(M.escape(accounting.missingExplanations.joined(separator: ", "))).")
            }
        } else {
            out.append(M.escape(report.accountingNote ?? "Regnskapsrapporten kan ikke lages for perioden."))
        }

        written(&out, report.text("risiko"))
        out.append(M.escape(report.risks.acceptance))
        if let note = report.risks.note { out.append(M.escape(note)) }
        if !report.risks.risks.isEmpty {
            out.append(M.table(["Risiko", "Kategori", "Eier", "Før tiltak", "Etter tiltak", "Tiltak"],
                               report.risks.risks.map { [$0.title + ($0.isExample ? " (eksempel)" : ""), $0.category, $0.owner, $0.inherent,
                                                         $0.residual, $0.measures.joined(separator: "; ")] }))
        }

        written(&out, report.text("avvik"))
        if report.deviations.isEmpty {
            out.append("Etaten har ikke varslet vesentlige avvik i perioden.")
        } else {
            for deviation in report.deviations {
                out.append("### \(M.escape(deviation.area))")
                out.append("Varslet \(M.escape(deviation.date)) (\(M.escape(deviation.status.lowercased()))).")
                out.append("Avvik: \(M.escape(deviation.description))")
                out.append("Forventet virkning: \(M.escape(deviation.expectedEffect))")
                out.append("Korrigerende tiltak: \(M.escape(deviation.measures))")
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// The heading, then the agency's written section under it (or a note that none is written).
    static func written(_ out: inout [String], _ text: TertialReport.TextSection) {
        out.append("## \(MarkdownRenderer.escape(text.title))")
        if text.paragraphs.isEmpty {
            out.append("_Etaten har ikke skrevet noe under denne overskriften._")
        } else {
            out += text.paragraphs.map(MarkdownRenderer.escape)
        }
    }
}
