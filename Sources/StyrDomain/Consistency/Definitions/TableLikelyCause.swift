/// When one printed cell explains several findings (changing it alone makes them all hold and
/// breaks nothing that held), or two rows swapped explain two: the likely cause, in Norwegian,
/// for each finding it explains (keyed by equation id).
enum TableLikelyCause {
    static func find(failing: [(TableEquation, Int64)], passing: [TableEquation], values: TableValues) -> [Int: String] {
        var causes: [Int: String] = [:]
        var inFailing: [TableCellID: [(equation: Int, coefficient: Int64, residual: Int64)]] = [:]
        for (equation, residual) in failing {
            for (cell, coefficient) in equation.cells where coefficient != 0 {
                inFailing[cell, default: []].append((equation.id, coefficient, residual))
            }
        }
        var inPassing: [TableCellID: [(equation: TableEquation, coefficient: Int64)]] = [:]
        for equation in passing {
            for (cell, coefficient) in equation.cells where coefficient != 0 { inPassing[cell, default: []].append((equation, coefficient)) }
        }

        // One cell: the same correction x satisfies every failing identity it is in, and it is in no identity that holds.
        var candidates: [(cell: TableCellID, correction: Int64, equations: [Int])] = []
        for (cell, uses) in inFailing where uses.count >= 2 && inPassing[cell] == nil {
            let corrections = uses.map { use -> Int64? in use.residual % use.coefficient == 0 ? -use.residual / use.coefficient : nil }
            guard let first = corrections.first ?? nil, first != 0, corrections.allSatisfy({ $0 == first }) else { continue }
            candidates.append((cell, first, uses.map(\.equation)))
        }
        for candidate in candidates.sorted(by: { $0.equations.count > $1.equations.count }) {
            let text = describe(candidate.cell, correction: candidate.correction, explained: candidate.equations.count, values: values)
            for equation in candidate.equations where causes[equation] == nil { causes[equation] = text }
        }

        // Two rows swapped: exchanging two cells of one column makes every failing identity they are in hold, and breaks none.
        let residuals = Dictionary(failing.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        let equations = Dictionary(failing.map { ($0.0.id, $0.0) }, uniquingKeysWith: { first, _ in first })
        let open = inFailing.keys.filter { cell in inFailing[cell]!.allSatisfy { causes[$0.equation] == nil } }
            .sorted { ($0.file, $0.column, values.line($0)) < ($1.file, $1.column, values.line($1)) }
        for (i, a) in open.enumerated() {
            for b in open.dropFirst(i + 1) where a.file == b.file && a.column == b.column {
                let delta = values.value(b) - values.value(a)  // a takes b's value, b takes a's
                guard delta != 0 else { continue }
                func effect(_ equation: TableEquation) -> Int64 {
                    equation.cells.reduce(Int64(0)) { sum, term in
                        sum + (term.cell == a ? term.coefficient * delta : term.cell == b ? -term.coefficient * delta : 0)
                    }
                }
                let failingIDs = Set((inFailing[a] ?? []).map(\.equation) + (inFailing[b] ?? []).map(\.equation))
                guard failingIDs.count >= 2, failingIDs.allSatisfy({ causes[$0] == nil }),
                      failingIDs.allSatisfy({ residuals[$0]! + effect(equations[$0]!) == 0 }),
                      ((inPassing[a] ?? []) + (inPassing[b] ?? [])).allSatisfy({ effect($0.equation) == 0 }) else { continue }
                let text = "radene «\(values.label(a))» og «\(values.label(b))» er trolig byttet om i kolonne «\(values.header(a))» "
                    + "(\(values.tables[a.file].fileName), linje \(values.line(a)) og \(values.line(b))); forklarer \(failingIDs.count) avvik"
                for id in failingIDs { causes[id] = text }
            }
        }
        return causes
    }

    static func describe(_ cell: TableCellID, correction: Int64, explained: Int, values: TableValues) -> String {
        let printed = values.value(cell)
        let wanted = printed + correction
        let place = "«\(values.label(cell))», kolonne «\(values.header(cell))» (\(values.tables[cell.file].fileName), linje \(values.line(cell)))"
        let shown = "trykt \(PrintedAmount(hundredths: printed).formatted), skulle trolig vært \(PrintedAmount(hundredths: wanted).formatted)"
        if printed != 0 && wanted == -printed { return "fortegnsfeil i \(place): \(shown); forklarer \(explained) avvik" }
        let (a, b) = (String(printed.magnitude), String(wanted.magnitude))
        if (printed < 0) == (wanted < 0), a.count == b.count {
            let differing = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            if differing.count == 1 { return "feiltastet siffer i \(place): \(shown); forklarer \(explained) avvik" }
            let (ca, cb) = (Array(a), Array(b))
            if differing.count == 2, differing[1] == differing[0] + 1, ca[differing[0]] == cb[differing[1]], ca[differing[1]] == cb[differing[0]] {
                return "to sifre byttet om i \(place): \(shown); forklarer \(explained) avvik"
            }
        }
        return "én celle forklarer \(explained) avvik: \(place), \(shown)"
    }
}
