import Foundation

/// An amount as it arrives: typed by a person in kroner, Norwegian style (`1 234 567`, `-12 500,50`),
/// or exact in øre from a program.
public enum AmountEntry: Hashable, Sendable {
    case typed(String)
    case exact(Money)

    /// The amount, nil when the text is not an amount in kroner; an empty text is zero.
    public var money: Money? {
        switch self {
        case .exact(let money): return money
        case .typed(let text): return AmountEntry.kroner(text)
        }
    }

    /// Parses kroner with at most two decimals (`1 234 567`, `1234,5`); empty is zero.
    public static func kroner(_ text: String) -> Money? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == "-" { return .zero }
        guard let quantity = Quantity(parsing: trimmed), quantity.milli % 10 == 0 else { return nil }
        return Money(ore: quantity.milli / 10)
    }

    /// What was typed, for the form shown again.
    public var text: String {
        switch self {
        case .typed(let text): text
        case .exact(let money): NorwegianFormat.exactKroner(money)
        }
    }
}

/// One cell of the Dok. 3 grid: chapter × kontoklasse × artsgruppe.
public struct OriginalBudgetCell: Hashable, Sendable {
    public var chapter: Int
    public var kind: AccountKind
    public var group: ObjectGroup
    public var amount: AmountEntry

    public init(chapter: Int, kind: AccountKind, group: ObjectGroup, amount: AmountEntry) {
        self.chapter = chapter
        self.kind = kind
        self.group = group
        self.amount = amount
    }
}

/// The original budget (Dok. 3) of an agency's chapters for a year, typed in a grid or summed from
/// an imported budget file.
///
/// Budget file lines map to chapters this way: a line with a chapter counts for that chapter (it
/// must be one of the agency's); a line without one (chapter 0) counts for the agency's only
/// chapter that covers the line's kontoklasse (drift or investering); when no chapter or more
/// than one covers it, the file is refused, naming the kontoklasse.
public enum OriginalBudgetRules {
    /// The largest amount kept in a cell or a revised total: ±10^15 øre (10 000 milliarder kroner).
    public static let limit: Int64 = 1_000_000_000_000_000

    /// The cells as stored amounts. Errors are keyed `amounts[i].amount` (and `.chapter`, `.kind`)
    /// and name the row.
    public static func amounts(_ cells: [OriginalBudgetCell], year: Int, chapters: [Chapter]) throws -> [BudgetAmount] {
        var errors = InputErrors()
        var result: [BudgetAmount] = []
        var seen = Set<String>()
        for (index, cell) in cells.enumerated() {
            let row = rowName(cell)
            guard let chapter = chapters.first(where: { $0.number == cell.chapter }) else {
                errors.add("amounts[\(index)].chapter", "Kapittel \(cell.chapter) hører ikke til etaten (\(row)).")
                continue
            }
            guard chapter.kind.covers(cell.kind) else {
                errors.add("amounts[\(index)].kind", "Kapittel \(chapter.number) gjelder \(chapter.kind.norwegianName.lowercased()), ikke \(cell.kind.norwegianName.lowercased()) (\(row)).")
                continue
            }
            guard ObjectGroup.standard.contains(cell.group) else {
                errors.add("amounts[\(index)].group", "Artsgruppen \(cell.group.code) er ikke en av KOSTRA-artsgruppene.")
                continue
            }
            guard seen.insert("\(cell.chapter)/\(cell.kind.rawValue)/\(cell.group.first)").inserted else {
                errors.add("amounts[\(index)].amount", "\(row) står to ganger.")
                continue
            }
            guard let money = cell.amount.money else {
                errors.add("amounts[\(index)].amount", "«\(cell.amount.text)» er ikke et beløp i kroner (\(row)). Skriv f.eks. 1 234 567.")
                continue
            }
            guard abs(money.ore) <= limit else {
                errors.add("amounts[\(index)].amount", "Beløpet er for stort (\(row)); høyst 10 000 milliarder kroner.")
                continue
            }
            result.append(BudgetAmount(chapter: cell.chapter, year: year, kind: cell.kind, group: cell.group, measure: .originalBudget, amount: money))
        }
        try errors.check()
        return result
    }

    /// "kap. 125 drift, 000-099 Lønn og sosiale utgifter": the row a message names.
    public static func rowName(_ cell: OriginalBudgetCell) -> String {
        "kap. \(cell.chapter) \(cell.kind.norwegianName.lowercased()), \(cell.group.code) \(ObjectGroupLabels.label(for: cell.group))"
    }

    /// Dok. 3 summed from an imported budget file's totals (per chapter × kontoklasse ×
    /// artsgruppe), mapped to the agency's chapters as the type's comment says. Errors are keyed
    /// `budgetFile`.
    public static func fromImport(_ totals: [LedgerImportTotal], year: Int, chapters: [Chapter]) throws -> [BudgetAmount] {
        var sums: [String: BudgetAmount] = [:]
        var errors = InputErrors()
        for total in totals {
            guard let group = ObjectGroup(code: total.group), ObjectGroup.standard.contains(group) else { continue }
            let chapter: Int
            if total.chapter != 0 {
                guard chapters.contains(where: { $0.number == total.chapter }) else {
                    errors.add("budgetFile", "Budsjettfila har linjer på kapittel \(total.chapter), som ikke hører til etaten. Opprett kapitlet først.")
                    continue
                }
                chapter = total.chapter
            } else {
                let covering = chapters.filter { $0.kind.covers(total.kind) }
                guard covering.count == 1 else {
                    let kind = total.kind.norwegianName.lowercased()
                    errors.add("budgetFile", covering.isEmpty
                        ? "Budsjettfila har linjer i \(kind) uten kapittel, og etaten har ikke noe kapittel for \(kind). Opprett kapitlet først."
                        : "Budsjettfila har linjer i \(kind) uten kapittel, og etaten har flere kapitler for \(kind). Importer en fil med kapittel på linjene.")
                    continue
                }
                chapter = covering[0].number
            }
            let key = "\(chapter)/\(total.kind.rawValue)/\(group.first)"
            var amount = sums[key] ?? BudgetAmount(chapter: chapter, year: year, kind: total.kind, group: group, measure: .originalBudget, amount: .zero)
            let (sum, overflow) = amount.amount.ore.addingReportingOverflow(total.amount.ore)
            guard !overflow, abs(sum) <= limit else {
                errors.add("budgetFile", "Summen for kap. \(chapter) \(group.code) i budsjettfila er for stor.")
                continue
            }
            amount.amount = Money(ore: sum)
            sums[key] = amount
        }
        if sums.isEmpty, errors.isEmpty { errors.add("budgetFile", "Budsjettfila for \(year) har ingen beløp på KOSTRA-artsgruppene.") }
        try errors.check()
        return sums.values.sorted { ($0.chapter, $0.kind.rawValue, $0.group.first) < ($1.chapter, $1.kind.rawValue, $1.group.first) }
    }
}
