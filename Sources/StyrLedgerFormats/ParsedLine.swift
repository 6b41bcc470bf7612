import StyrDomain

/// What one line of a file gave.
public enum ParsedLine: Hashable, Sendable {
    case line(LedgerLine)
    /// The line is imported, but something about it should be looked at (a code outside the lists).
    case warning(LedgerLine, LedgerLineError)
    /// The line is imported; it had fields after the header's last column, which were ignored.
    case extraFields(LedgerLine)
    case skip(LedgerSkipReason)
    case failure(LedgerLineError)

    /// The ledger line to import, if any.
    public var ledgerLine: LedgerLine? {
        switch self {
        case .line(let line), .warning(let line, _), .extraFields(let line): line
        case .skip, .failure: nil
        }
    }

    public var error: LedgerLineError? {
        switch self {
        case .warning(_, let error), .failure(let error): error
        case .line, .skip, .extraFields: nil
        }
    }
}
