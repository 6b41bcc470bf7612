/// The two halves of an artsgruppe table: expenses (financing need) 000-599 and revenues
/// (financing) 600-999.
enum PublishedTableSide: Sendable, Equatable {
    case expenses
    case revenues
}

/// What a row is, which decides the identities it takes part in.
enum PublishedRowRole: Sendable, Equatable {
    case group(PublishedTableSide, ClosedRange<Int>)
    case sum(PublishedTableSide)
    case net
    case project
    case projectSum
}

/// One data row as read from the file.
struct PublishedTableRow: Sendable {
    /// 1-based line in the file.
    var line: Int
    /// The row as printed ("000-099", "sum_inntekter", "112007").
    var label: String
    var role: PublishedRowRole
    /// Only columns with a value; a blank or "-" field is absent.
    var amounts: [PublishedAmountColumn: PrintedAmount]

    func value(_ column: PublishedAmountColumn) -> PrintedAmount? { amounts[column] }

    /// No value counts as 0 in every identity.
    func hundredths(_ column: PublishedAmountColumn) -> Int64 { amounts[column]?.hundredths ?? 0 }

    var side: PublishedTableSide? {
        switch role {
        case .group(let side, _), .sum(let side): side
        case .net, .project, .projectSum: nil
        }
    }
}

/// A parsed table: its rows in file order and its amount columns in header order.
struct PublishedTable: Sendable {
    var kind: PublishedTableKind
    var amountColumns: [PublishedAmountColumn]
    var rows: [PublishedTableRow]

    func rows(where predicate: (PublishedRowRole) -> Bool) -> [PublishedTableRow] {
        rows.filter { predicate($0.role) }
    }

    func sumRow(_ side: PublishedTableSide) -> PublishedTableRow? {
        rows.first { $0.role == .sum(side) }
    }

    var netRow: PublishedTableRow? { rows.first { $0.role == .net } }

    /// Position of a column in the header, so findings can follow the header's order.
    func columnIndex(_ column: PublishedAmountColumn) -> Int {
        amountColumns.firstIndex(of: column) ?? amountColumns.count
    }
}
