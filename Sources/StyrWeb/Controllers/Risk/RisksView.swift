import StyrDomain
import StyrReports
import StyrServices

/// The register page (`risks.mustache`): the matrices before and after measures (SVG with a
/// table alternative), the open and closed risks, and for a department the roll-up of its agencies.
struct RisksView: Sendable {
    struct Row: Sendable {
        var number: Int64
        var url: String
        var title: String, category: String, owner: String
        var inherent: String, residual: String
        var acceptance: String
        var isAbove: Bool
        var measures: String
        var example: String?
    }
    struct MatrixCell: Sendable {
        var text: String
        var cellNote: String?
    }
    struct MatrixRow: Sendable {
        var likelihoodLabel: String
        var cells: [MatrixCell]
    }
    struct Matrix: Sendable {
        var heading: String
        var captionHeading: String
        var chart: String
        var description: String
        var consequenceLabels: [String]
        var matrixRows: [MatrixRow]
    }
    struct AgencyRow: Sendable {
        var agencyURL: String
        var agencyName: String
        var openCount: Int
        var aboveCount: Int
        var highest: String
        var agencyAbove: [Row]
    }

    var organisationName: String
    var saved: String?
    var exampleNote: String?
    var newURL: String?
    var settingsURL: String?
    var acceptanceLevel: Int
    var matrices: [Matrix]
    var rows: [Row]
    var closed: [Row]
    var isRollUp: Bool
    var agencies: [AgencyRow]
    var controlURL: String

    static let exampleText = "Risikoene merket «eksempel» er skrevet for demonstrasjonen og bygger ikke på UKEs faktiske risikovurderinger."

    init(_ register: RiskService.Register, rollUp: RiskService.RollUp?, saved: String?, today: CalendarDate) {
        let base = "\(register.scope.base)/risiko"
        organisationName = register.scope.organisation.name
        self.saved = saved
        let open = register.open(on: today)
        exampleNote = register.risks.contains(where: \.isExample) || (rollUp?.agencies.contains { $0.risks.contains(where: \.isExample) } ?? false)
            ? Self.exampleText : nil
        newURL = register.canEdit ? "\(base)/ny" : nil
        settingsURL = register.canEdit ? "\(base)/innstillinger" : nil
        acceptanceLevel = register.settings.acceptanceLevel
        matrices = open.isEmpty ? [] : [false, true].map { Self.matrix(register.risks, settings: register.settings, residual: $0, today: today) }
        rows = Self.rows(open, register: register, today: today)
        closed = register.risks.filter { !$0.isOpen(on: today) }.map { Self.row($0, register: register, today: today) }
        isRollUp = rollUp != nil
        agencies = (rollUp?.agencies ?? []).map { agency in
            let open = agency.open(on: today)
            let above = RiskRules.aboveAcceptance(agency.risks, on: today, settings: agency.settings)
            let highest = open.compactMap { $0.assessment(on: today)?.residual }.max { $0.score < $1.score }
            return AgencyRow(
                agencyURL: "\(agency.scope.base)/risiko", agencyName: agency.scope.organisation.name, openCount: open.count, aboveCount: above.count,
                highest: highest?.description ?? "–", agencyAbove: above.map { Self.row($0.risk, register: agency, today: today) })
        }
        // The control plan of the year the register was last assessed in (today's year when it is empty).
        let lastYear = register.risks.flatMap { $0.assessments.map(\.date.year) }.max() ?? today.year
        controlURL = "\(register.scope.base)/internkontroll/\(lastYear)"
    }

    static func rows(_ risks: [Risk], register: RiskService.Register, today: CalendarDate) -> [Row] {
        risks.map { row($0, register: register, today: today) }
            .sorted { first, second in first.isAbove != second.isAbove ? first.isAbove : first.number < second.number }
    }

    static func row(_ risk: Risk, register: RiskService.Register, today: CalendarDate) -> Row {
        let assessment = risk.assessment(on: today) ?? risk.current
        let above = assessment.map { register.settings.isAboveAcceptance($0.residual) } ?? false
        let done = risk.measures.filter { $0.status == .done }.count
        return Row(
            number: risk.id ?? 0, url: "\(register.scope.base)/risiko/\(risk.id ?? 0)", title: risk.title, category: risk.category.norwegianName,
            owner: risk.owner, inherent: assessment.map { "\($0.inherent.description) (\($0.inherent.band.norwegianName))" } ?? "–",
            residual: assessment.map { "\($0.residual.description) (\($0.residual.band.norwegianName))" } ?? "–",
            acceptance: above ? "Over akseptgrensen" : "Innenfor", isAbove: above,
            measures: risk.measures.isEmpty ? "Ingen" : "\(done) av \(risk.measures.count) gjennomført", example: risk.isExample ? "eksempel" : nil)
    }

    static func matrix(_ risks: [Risk], settings: RiskSettings, residual: Bool, today: CalendarDate) -> Matrix {
        let matrix = RiskMatrix(risks, on: today, residual: residual, settings: settings)
        let heading = residual ? "Etter tiltak" : "Før tiltak"
        let description = SVGCharts.riskMatrixDescription(matrix, heading: "Risikomatrise \(heading.lowercased())")
        return Matrix(
            heading: heading, captionHeading: heading.lowercased(), chart: SVGCharts.riskMatrix(matrix, label: description), description: description,
            consequenceLabels: (1...5).map { settings.consequenceLabel($0) },
            matrixRows: (1...5).reversed().map { likelihood in
                MatrixRow(likelihoodLabel: settings.likelihoodLabel(likelihood), cells: (1...5).map { consequence in
                    let score = RiskScore(likelihood: likelihood, consequence: consequence)
                    let placed = matrix.cell(likelihood: likelihood, consequence: consequence).map { "nr. \($0.risk.id ?? 0)" }
                    return MatrixCell(
                        text: placed.isEmpty ? "–" : placed.joined(separator: ", "),
                        cellNote: "\(score.band.norwegianName) (\(score.score))" + (settings.isAboveAcceptance(score) ? ", over akseptgrensen" : ""))
                })
            })
    }
}
