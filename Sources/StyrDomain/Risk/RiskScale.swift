/// A point in the 5×5 risk matrix: likelihood and consequence, each 1–5. The score (1–25) is
/// their product.
public struct RiskScore: Hashable, Sendable, Codable {
    public var likelihood: Int
    public var consequence: Int

    public init(likelihood: Int, consequence: Int) {
        self.likelihood = likelihood
        self.consequence = consequence
    }

    public var score: Int { likelihood * consequence }

    /// The matrix's three bands, named in words so that colour never carries the meaning alone.
    public var band: RiskBand { score >= 15 ? .high : score >= 5 ? .medium : .low }

    /// "S4 × K3 = 12", for tables and the audit.
    public var description: String { "S\(likelihood) × K\(consequence) = \(score)" }
}

public enum RiskBand: String, Hashable, Sendable, Codable {
    case low, medium, high

    public var norwegianName: String {
        switch self {
        case .low: "Lav"
        case .medium: "Middels"
        case .high: "Høy"
        }
    }
}

/// How an organisation names the five steps of its scales and where it draws the line of risks it
/// accepts: a risk whose score is above `acceptanceLevel` is flagged.
public struct RiskSettings: Hashable, Sendable, Codable {
    public var likelihoodLabels: [String]
    public var consequenceLabels: [String]
    /// The highest score the organisation accepts without further measures (1–24).
    public var acceptanceLevel: Int

    public init(likelihoodLabels: [String] = Self.standard.likelihoodLabels, consequenceLabels: [String] = Self.standard.consequenceLabels,
                acceptanceLevel: Int = Self.standard.acceptanceLevel) {
        self.likelihoodLabels = likelihoodLabels
        self.consequenceLabels = consequenceLabels
        self.acceptanceLevel = acceptanceLevel
    }

    public static let standard = RiskSettings(
        likelihoodLabels: ["Svært lite sannsynlig", "Lite sannsynlig", "Moderat sannsynlig", "Sannsynlig", "Svært sannsynlig"],
        consequenceLabels: ["Ubetydelig", "Liten", "Moderat", "Alvorlig", "Svært alvorlig"], acceptanceLevel: 9)

    public func isAboveAcceptance(_ score: RiskScore) -> Bool { score.score > acceptanceLevel }

    /// "4 – Sannsynlig".
    public func likelihoodLabel(_ level: Int) -> String { label(likelihoodLabels, level) }
    public func consequenceLabel(_ level: Int) -> String { label(consequenceLabels, level) }

    func label(_ labels: [String], _ level: Int) -> String {
        (1...5).contains(level) && labels.count == 5 ? "\(level) – \(labels[level - 1])" : String(level)
    }

    /// The settings as typed (one label per step), checked: five non-empty labels of each scale
    /// (at most 60 characters), an acceptance level 1–24. Errors keyed `likelihoodLabels`,
    /// `consequenceLabels`, `acceptanceLevel`.
    public static func validated(likelihoodLabels: [String], consequenceLabels: [String], acceptanceLevel: Int?) throws -> RiskSettings {
        var errors = InputErrors()
        let likelihood = likelihoodLabels.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let consequence = consequenceLabels.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if likelihood.count != 5 || likelihood.contains(where: { $0.isEmpty || $0.count > 60 }) {
            errors.add("likelihoodLabels", "Skriv en betegnelse (høyst 60 tegn) for hvert av de fem trinnene for sannsynlighet.")
        }
        if consequence.count != 5 || consequence.contains(where: { $0.isEmpty || $0.count > 60 }) {
            errors.add("consequenceLabels", "Skriv en betegnelse (høyst 60 tegn) for hvert av de fem trinnene for konsekvens.")
        }
        if let level = acceptanceLevel, !(1...24).contains(level) {
            errors.add("acceptanceLevel", "Akseptgrensen må være en risikoverdi fra 1 til 24 (var \(level)).")
        } else if acceptanceLevel == nil {
            errors.add("acceptanceLevel", "Skriv akseptgrensen som et helt tall fra 1 til 24.")
        }
        try errors.check()
        return RiskSettings(likelihoodLabels: likelihood, consequenceLabels: consequence, acceptanceLevel: acceptanceLevel ?? 9)
    }
}
