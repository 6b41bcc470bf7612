import StyrDomain

extension SVGCharts {
    /// The 5×5 risk matrix: likelihood upwards, consequence to the right; each cell names its
    /// band in a letter (L, M, H) beside its tint, lists the numbers of the risks in it, and a cell
    /// above the acceptance level has a heavy outline and a «!». The text alternative says where
    /// every risk sits; pages add a table with the same content.
    public static func riskMatrix(_ matrix: RiskMatrix, label: String) -> String {
        let cell = 64.0, left = 46.0, top = 8.0, bottom = 40.0
        let width = left + 5 * cell + 8, height = top + 5 * cell + bottom
        var parts: [String] = []
        for likelihood in 1...5 {
            for consequence in 1...5 {
                let x = left + Double(consequence - 1) * cell, y = top + Double(5 - likelihood) * cell
                let score = RiskScore(likelihood: likelihood, consequence: consequence)
                let above = matrix.settings.isAboveAcceptance(score)
                let fill = switch score.band {
                case .low: "#e3f1e0"
                case .medium: "#fbefc9"
                case .high: "#f6d5d1"
                }
                parts.append(##"<rect x="\##(format(x))" y="\##(format(y))" width="\##(format(cell))" height="\##(format(cell))" fill="\##(fill)" stroke="#1a1a1a" stroke-width="\##(above ? "3" : "1")"/>"##)
                let letter = switch score.band {
                case .low: "L"
                case .medium: "M"
                case .high: "H"
                }
                parts.append(##"<text x="\##(format(x + 4))" y="\##(format(y + 13))" font-size="11" fill="#1a1a1a">\##(letter)\##(above ? " !" : "")</text>"##)
                let numbers = matrix.cell(likelihood: likelihood, consequence: consequence).compactMap { $0.risk.id }.map(String.init)
                for (row, text) in lines(numbers, perLine: 3).prefix(3).enumerated() {
                    parts.append(##"<text x="\##(format(x + cell / 2))" y="\##(format(y + 30 + Double(row) * 13))" font-size="12" font-weight="bold" text-anchor="middle" fill="#1a1a1a">\##(escape(text))</text>"##)
                }
            }
            parts.append(##"<text x="\##(format(left - 8))" y="\##(format(top + Double(5 - likelihood) * cell + cell / 2 + 4))" font-size="12" text-anchor="end" fill="#1a1a1a">\##(likelihood)</text>"##)
        }
        for consequence in 1...5 {
            parts.append(##"<text x="\##(format(left + Double(consequence - 1) * cell + cell / 2))" y="\##(format(top + 5 * cell + 16))" font-size="12" text-anchor="middle" fill="#1a1a1a">\##(consequence)</text>"##)
        }
        parts.append(##"<text x="\##(format(left + 2.5 * cell))" y="\##(format(height - 6))" font-size="12" text-anchor="middle" fill="#1a1a1a">Konsekvens</text>"##)
        parts.append(##"<text x="12" y="\##(format(top + 2.5 * cell))" font-size="12" text-anchor="middle" fill="#1a1a1a" transform="rotate(-90 12 \##(format(top + 2.5 * cell)))">Sannsynlighet</text>"##)
        return svg(width: width, height: height, label: label, body: parts.joined())
    }

    /// The chart's text alternative: every risk by number and where it sits.
    public static func riskMatrixDescription(_ matrix: RiskMatrix, heading: String) -> String {
        guard !matrix.placed.isEmpty else { return "\(heading): ingen vurderte risikoer." }
        let placed = matrix.placed.sorted { ($0.score.score, $0.risk.id ?? 0) > ($1.score.score, $1.risk.id ?? 0) }.map { item in
            "nr. \(item.risk.id ?? 0) \(item.risk.title): sannsynlighet \(item.score.likelihood), konsekvens \(item.score.consequence)"
                + (item.isAboveAcceptance ? ", over akseptgrensen" : "")
        }
        return "\(heading) (akseptgrense \(matrix.settings.acceptanceLevel)): " + placed.joined(separator: "; ") + "."
    }

    static func lines(_ items: [String], perLine: Int) -> [String] {
        stride(from: 0, to: items.count, by: perLine).map { items[$0..<min($0 + perLine, items.count)].joined(separator: ", ") }
    }
}
