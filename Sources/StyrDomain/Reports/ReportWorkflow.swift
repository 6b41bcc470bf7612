import Foundation

/// Which report goes through the workflow: the tertial (or monthly) report, the annual report
/// (årsberetning) and the accounting report with forecast.
public enum ReportKind: String, Hashable, Sendable, Codable, CaseIterable {
    case tertial, annual, accounting

    public var norwegianName: String {
        switch self {
        case .tertial: "Tertialrapport"
        case .annual: "Årsberetning"
        case .accounting: "Regnskapsrapport med prognose"
        }
    }
}

/// One report: the organisation, the year, the kind and the period (`t2`, `m01` for a tertial
/// report, `t2`/`m4` for the accounting report, `ar` for the annual report).
public struct ReportKey: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    public var kind: ReportKind
    public var period: String

    public init(organisationCode: String, year: Int, kind: ReportKind, period: String) {
        self.organisationCode = organisationCode
        self.year = year
        self.kind = kind
        self.period = period
    }

    /// The annual report's period code.
    public static let annualPeriod = "ar"

    public static func annual(_ organisationCode: String, year: Int) -> ReportKey {
        ReportKey(organisationCode: organisationCode, year: year, kind: .annual, period: annualPeriod)
    }

    /// `UKE/2020/tertial/t2`: the audit log's key.
    public var auditKey: String { "\(organisationCode)/\(year)/\(kind.rawValue)/\(period)" }

    /// `Tertialrapport 2. tertial 2020`, `Årsberetning 2020`.
    public var title: String {
        switch kind {
        case .annual: return "\(kind.norwegianName) \(year)"
        case .tertial:
            return "\(kind.norwegianName) – \(ReportPeriod(code: period)?.title(year: year) ?? "\(period) \(year)")"
        case .accounting:
            return "\(kind.norwegianName) – \(AccountingPeriod(code: period)?.title(year: year) ?? "\(period) \(year)")"
        }
    }
}

/// Where a report is in the workflow.
public enum ReportState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Written by the agency; nothing sent.
    case draft
    /// Sent by the agency's leader; frozen, waiting for the department.
    case submitted
    /// Sent back by the department with comments; the agency edits and submits again.
    case returned
    /// Approved by the department.
    case approved
    /// Published by the department.
    case published

    public var norwegianName: String {
        switch self {
        case .draft: "Utkast"
        case .submitted: "Sendt inn, venter på byrådsavdelingen"
        case .returned: "Returnert med kommentarer"
        case .approved: "Godkjent"
        case .published: "Publisert"
        }
    }
}

/// A step of the workflow.
public enum ReportAction: String, Hashable, Sendable, Codable, CaseIterable {
    case submit, returnForChanges, approve, publish

    public var norwegianName: String {
        switch self {
        case .submit: "Sendt inn"
        case .returnForChanges: "Returnert"
        case .approve: "Godkjent"
        case .publish: "Publisert"
        }
    }

    /// The button's label.
    public var buttonLabel: String {
        switch self {
        case .submit: "Send inn rapporten"
        case .returnForChanges: "Returner med kommentarer"
        case .approve: "Godkjenn rapporten"
        case .publish: "Publiser rapporten"
        }
    }
}

/// A step taken: what, by whom, when, with the department's comment and the version it concerns.
public struct ReportStep: Hashable, Sendable, Codable {
    public var action: ReportAction
    public var by: String
    public var at: Date
    public var comment: String?
    public var version: Int

    public init(action: ReportAction, by: String, at: Date, comment: String? = nil, version: Int) {
        self.action = action
        self.by = by
        self.at = at
        self.comment = comment
        self.version = version
    }
}

/// A written section of a report (one per heading), by the agency.
public struct ReportText: Hashable, Sendable, Codable {
    public var key: String
    public var body: String

    public init(key: String, body: String) {
        self.key = key
        self.body = body
    }
}

/// A report's way through the workflow: its state, every step, the agency's written sections
/// (editable only as a draft or when returned) and how many versions have been submitted.
public struct ReportWorkflow: Hashable, Sendable, Codable {
    public var key: ReportKey
    public var state: ReportState
    public var steps: [ReportStep]
    public var texts: [ReportText]
    public var versionCount: Int

    public init(key: ReportKey, state: ReportState = .draft, steps: [ReportStep] = [], texts: [ReportText] = [], versionCount: Int = 0) {
        self.key = key
        self.state = state
        self.steps = steps
        self.texts = texts
        self.versionCount = versionCount
    }

    /// The text of a heading, nil when none is written.
    public func text(_ key: String) -> String? {
        texts.first { $0.key == key }.flatMap { $0.body.isEmpty ? nil : $0.body }
    }

    /// The department's comment when it returned the report last.
    public var returnComment: String? {
        guard state == .returned else { return nil }
        return steps.last { $0.action == .returnForChanges }?.comment
    }

    /// The version that was returned before the latest submission (to compare a resubmission with).
    public var returnedVersionBeforeLatest: Int? {
        guard versionCount > 1, let last = steps.lastIndex(where: { $0.action == .submit }) else { return nil }
        return steps[..<last].last { $0.action == .returnForChanges }?.version
    }

    /// Who submitted, approved, … last and when.
    public func lastStep(_ action: ReportAction) -> ReportStep? { steps.last { $0.action == action } }
}

/// A section of a frozen report: its heading and its lines as text.
public struct ReportSnapshotSection: Hashable, Sendable, Codable {
    public var heading: String
    public var lines: [String]

    public init(heading: String, lines: [String]) {
        self.heading = heading
        self.lines = lines
    }
}

/// The report as it was submitted: its title, its sections as text (for reading and comparing),
/// its Markdown, and the JSON of the kind's report model (`TertialReport` for a tertial report),
/// so renderers (HTML, DOCX, PDF) can draw the frozen version.
public struct ReportSnapshot: Hashable, Sendable, Codable {
    public var title: String
    public var sections: [ReportSnapshotSection]
    public var markdown: String
    public var model: String?

    public init(title: String, sections: [ReportSnapshotSection], markdown: String, model: String? = nil) {
        self.title = title
        self.sections = sections
        self.markdown = markdown
        self.model = model
    }

    /// The sections of a Markdown text: one per `#`/`##` heading, its non-empty lines.
    public static func sections(ofMarkdown markdown: String) -> [ReportSnapshotSection] {
        var sections: [ReportSnapshotSection] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let heading = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                sections.append(ReportSnapshotSection(heading: heading, lines: []))
            } else if !trimmed.isEmpty {
                if sections.isEmpty { sections.append(ReportSnapshotSection(heading: "", lines: [])) }
                sections[sections.count - 1].lines.append(trimmed)
            }
        }
        return sections
    }
}

/// A submitted version, frozen: later edits of the data or texts change nothing in it.
public struct ReportVersion: Hashable, Sendable, Codable {
    public var key: ReportKey
    public var number: Int
    public var submittedBy: String
    public var submittedAt: Date
    public var snapshot: ReportSnapshot

    public init(key: ReportKey, number: Int, submittedBy: String, submittedAt: Date, snapshot: ReportSnapshot) {
        self.key = key
        self.number = number
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.snapshot = snapshot
    }
}
