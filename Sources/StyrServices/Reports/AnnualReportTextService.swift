import StyrDomain

/// A written section of the annual report: the `Narrative` key the report reads it under
/// (`AnnualReport.init`), its title and its place. The figures around each section are computed.
public enum AnnualReportTextSection: String, Sendable, CaseIterable {
    case leaderStatement = "leders-beretning"
    case responsibility = "ansvarsomrade"
    case staffingComment = "bemanning-kommentar"
    case situation = "situasjonsbeskrivelse"
    case governance = "styring-og-kontroll"
    case operatingDeviations = "drift-avviksforklaring"
    case investmentDeviations = "investering-avviksforklaring"
    case projectComments = "prosjekter-kommentarer"
    // Chapters 4–5 (the keys of `SpecialChapterTexts`).
    case serviceImprovement = "service-innbyggere"
    case caseProcessing = "saksbehandlingstid"
    case disabilityPlan = "handlingsplan-funksjonsnedsettelse"
    case universalDesign = "universell-utforming"
    case publicHealth = "folkehelse"
    case equalityMeasures = "likestillingstiltak"
    case hrComment = "hr-kommentar"
    case sickLeaveComment = "sykefravaer-kommentar"
    case consultantsComment = "konsulentbruk"
    case environmentWork = "miljoarbeid"
    case climateBudget = "klimabudsjett"

    /// The key the report reads.
    public var key: String { rawValue }

    public var title: String {
        switch self {
        case .leaderStatement: "Leders beretning"
        case .responsibility: "Ansvarsområde"
        case .staffingComment: "Kommentar til bemanning"
        case .situation: "Situasjonsbeskrivelse"
        case .governance: "Styring og kontroll"
        case .operatingDeviations: "Årsaksforklaring til avvik mellom regulert budsjett og regnskap (drift)"
        case .investmentDeviations: "Årsaksforklaring til avvik mellom regulert budsjett og regnskap (investering)"
        case .projectComments: "Kommentarer / årsak til avvik i investeringsprosjektene"
        case .serviceImprovement: "4.1 Tiltak for å forbedre service overfor innbyggere og næringsliv"
        case .caseProcessing: "4.2 Saksbehandlingstid"
        case .disabilityPlan: "4.3 Handlingsplan for mennesker med funksjonsnedsettelse"
        case .universalDesign: "4.4 Universell utforming"
        case .publicHealth: "4.5 Tiltak/aktiviteter i tråd med Oslo kommunes folkehelseplan"
        case .equalityMeasures: "4.6 Likestillingstiltak rettet mot byens innbyggere"
        case .hrComment: "4.7 Kommentar til kjønn og lønn og til heltid og deltid"
        case .sickLeaveComment: "4.7 Kommentar til sykefraværet"
        case .consultantsComment: "4.8 Bruk av konsulenter"
        case .environmentWork: "5 Miljø- og klimaarbeidet i etaten"
        case .climateBudget: "5 Klimabudsjett"
        }
    }

    /// Where in the report the text stands, for the form's help.
    public var placement: String {
        switch self {
        case .leaderStatement: "Første del av årsberetningen."
        case .responsibility: "Under «Introduksjon til virksomheten»."
        case .staffingComment: "Under tabellen over bemanning."
        case .situation: "Beskrivelse av virksomhetens situasjon."
        case .governance: "Under «Styring og kontroll»."
        case .operatingDeviations: "Under tabellen over driftsregnskapet."
        case .investmentDeviations: "Under tabellen over investeringsregnskapet."
        case .projectComments: "Under tabellen over investeringsprosjektene."
        case .serviceImprovement, .caseProcessing, .disabilityPlan, .universalDesign, .publicHealth, .equalityMeasures:
            "Kapittel 4, særskilt rapportering."
        case .hrComment: "Under tabell 4.7.2 (kjønn og lønn)."
        case .sickLeaveComment: "Over tabell 4.7.6 (sykefravær)."
        case .consultantsComment: "Over tabell 4.8.1 (konsulentbruk)."
        case .environmentWork: "Kapittel 5, før miljøsertifiseringen."
        case .climateBudget: "Kapittel 5, over klimatiltakene."
        }
    }

    public var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// The annual report's written sections per agency and year: written by the agency
/// (`.enterResults`), stored as the `Narrative`s and goal area accounts the report reads, so the
/// report shows them with every figure computed as before. Writes check that the year is open.
public struct AnnualReportTextService: Sendable {
    public static let maxLength = 50_000
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Texts: Sendable {
        public struct Section: Sendable {
            public var section: AnnualReportTextSection
            /// The stored text ("" when none is written).
            public var body: String
        }

        public var scope: OrganisationScope
        public var year: Int
        public var sections: [Section]
        /// The year's goal areas with their accounts (`GoalArea.narrative`).
        public var goalAreas: [GoalArea]
        /// May write (`.enterResults`).
        public var canEdit: Bool
    }

    public func texts(of code: String, year: Int, by user: UserAccount?) async throws -> Texts {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let store = repositories.governance
            let stored = try await store.narratives(of: code, year: year)
            return Texts(
                scope: scope, year: year,
                sections: AnnualReportTextSection.allCases.map { section in
                    Texts.Section(section: section, body: stored.first { $0.key == section.key }?.body ?? "")
                },
                goalAreas: try await store.goalAreas(of: code, year: year), canEdit: scope.can(.enterResults))
        }
    }

    /// Writes one section's text (an empty text clears it). Errors name `body` and `year`.
    @discardableResult
    public func save(_ section: AnnualReportTextSection, body: String, of code: String, year: Int, by user: UserAccount?) async throws -> Narrative {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let narrative = Narrative(organisationCode: code, year: year, key: section.key, title: section.title, body: try Self.checked(body))
            try await repositories.governance.save(narrative, position: section.position)
            return narrative
        }
    }

    /// Writes the agency's account of one of the year's goal areas (an empty text clears it).
    @discardableResult
    public func saveGoalAreaAccount(_ areaName: String, body: String, of code: String, year: Int, by user: UserAccount?) async throws -> GoalArea {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            let body = try Self.checked(body)
            let areas = try await store.goalAreas(of: code, year: year)
            var (index, area) = try ServiceError.rule { try GoalAreaRules.area(areaName, in: areas, year: year) }
            area.narrative = body.isEmpty ? nil : body
            try await store.save(area, of: code, year: year, position: index)
            return area
        }
    }

    static func checked(_ body: String) throws -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw ServiceError.invalid(.single("body", "Teksten kan ha høyst 50 000 tegn; denne har \(trimmed.count)."))
        }
        return trimmed
    }
}
