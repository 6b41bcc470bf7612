import Foundation

/// Where an organisation's budget year stands in its cycle.
public enum BudgetYearStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Being prepared (started from the year before); open for writing.
    case planned
    /// The running year; open for writing.
    case inProgress
    /// Finished: read-only until an administrator reopens it with a reason.
    case closed

    /// "Planlagt", "Pågår", "Avsluttet".
    public var norwegianName: String {
        switch self {
        case .planned: "Planlagt"
        case .inProgress: "Pågår"
        case .closed: "Avsluttet"
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// The status of one organisation's budget year, with who set it when, and why a closed year was
/// reopened. A year with no stored status is in progress (`BudgetYear.unset`), so data that were
/// loaded before years had a status (the demo) stay editable.
public struct BudgetYear: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    public var status: BudgetYearStatus
    /// The e-mail of who set the status; nil for a year with no stored status.
    public var changedBy: String?
    public var changedAt: Date?
    /// Why an administrator reopened the year, when it was last reopened.
    public var reopenReason: String?

    public init(organisationCode: String, year: Int, status: BudgetYearStatus, changedBy: String? = nil, changedAt: Date? = nil,
                reopenReason: String? = nil) {
        self.organisationCode = organisationCode
        self.year = year
        self.status = status
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.reopenReason = reopenReason
    }

    /// A year with no stored status: in progress.
    public static func unset(_ organisationCode: String, _ year: Int) -> BudgetYear {
        BudgetYear(organisationCode: organisationCode, year: year, status: .inProgress)
    }
}

/// The rules of a year's status.
public enum BudgetYearRules {
    /// The longest reason for reopening a year.
    public static let maximumReasonLength = 2000

    /// "Budsjettåret 2020 er avsluttet for UKE. En administrator kan gjenåpne det med en begrunnelse."
    public static func closedMessage(_ organisationCode: String, _ year: Int) -> String {
        "Budsjettåret \(year) er avsluttet for \(organisationCode). En administrator kan gjenåpne det med en begrunnelse."
    }

    /// The year set to `status` (planned, in progress or closed) by `actor` at `now`. Refused
    /// (`status`) when the year is closed: a closed year opens only by `reopen`.
    public static func set(_ year: BudgetYear, to status: BudgetYearStatus, by actor: String, at now: Date) throws -> BudgetYear {
        if year.status == .closed, status != .closed {
            throw InputErrors.single("status", "Budsjettåret \(year.year) er avsluttet; det kan bare gjenåpnes av en administrator med en begrunnelse.")
        }
        if year.status == .closed, status == .closed {
            throw InputErrors.single("status", "Budsjettåret \(year.year) er allerede avsluttet.")
        }
        var changed = year
        changed.status = status
        changed.changedBy = actor
        changed.changedAt = now
        return changed
    }

    /// The closed year in progress again, with the reason (trimmed, required, at most
    /// `maximumReasonLength` characters). Refused (`status`) when the year is not closed.
    public static func reopen(_ year: BudgetYear, reason: String, by actor: String, at now: Date) throws -> BudgetYear {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = InputErrors()
        if year.status != .closed { errors.add("status", "Budsjettåret \(year.year) er ikke avsluttet, og trenger ikke gjenåpnes.") }
        if reason.isEmpty {
            errors.add("reopenReason", "Skriv en begrunnelse for å gjenåpne budsjettåret \(year.year).")
        } else if reason.count > maximumReasonLength {
            errors.add("reopenReason", "Begrunnelsen kan være på høyst \(maximumReasonLength) tegn.")
        }
        try errors.check()
        var reopened = year
        reopened.status = .inProgress
        reopened.changedBy = actor
        reopened.changedAt = now
        reopened.reopenReason = reason
        return reopened
    }
}
