/// Plain-text and CSV forms of a report for the `styr` command line.
extension PublishedTableReport {
    /// Norwegian text: a header line, one line per finding and a verdict line, each ending in a
    /// newline like `renderCSV()`, so both can be written out the same way.
    public func renderText(fileName: String) -> String {
        var header = "Kontroll av publisert tabell «\(fileName)» (\(kind.norwegianName))"
        if let signConvention {
            header += ", \(signConvention.norwegianDescription(for: kind))"
        }
        // A tolerance too large for øre (only a nonsensical one) is shown unformatted, not trapped.
        let (toleranceOre, overflow) = tolerance.multipliedReportingOverflow(by: 100)
        header += ", toleranse: \(overflow ? String(tolerance) : PrintedAmount(hundredths: toleranceOre).formatted) kr."

        let lines = findings.map { finding in
            "linje \(finding.line), rad \(finding.row), kolonne \(finding.column): "
                + "trykt \(finding.printed?.formatted ?? "(tomt)"), beregnet \(finding.computed.formatted), "
                + "differanse \(finding.difference.formatted). \(finding.explanation)"
        }
        let verdict = isConsistent
            ? "Alle identiteter stemmer."
            : findings.count == 1 ? "1 celle stemmer ikke." : "\(findings.count) celler stemmer ikke."
        return ([header] + lines + [verdict]).joined(separator: "\n") + "\n"
    }

    /// Semicolon-separated with a header row and a final newline. Amounts have no thousands
    /// separators (decimal comma kept), so spreadsheets read them as numbers; a blank printed
    /// cell is an empty field.
    public func renderCSV() -> String {
        let header = "linje;rad;kolonne;trykt;beregnet;differanse;regel;forklaring"
        let rows = findings.map { finding in
            [
                String(finding.line), finding.row, finding.column, finding.printed?.plain ?? "",
                finding.computed.plain, finding.difference.plain, finding.rule.rawValue, finding.explanation,
            ].map(Self.csvField).joined(separator: ";")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// Quotes a field only when it would otherwise break the line apart.
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
