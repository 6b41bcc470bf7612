/// The register as it stood on a date, kept with a risk-picture notice so the department can see
/// what changed since the one before.
public struct RiskSnapshot: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var riskID: Int64
        public var title: String
        public var category: RiskCategory
        public var inherent: RiskScore
        public var residual: RiskScore
        public var measures: [RiskMeasure]

        public init(riskID: Int64, title: String, category: RiskCategory, inherent: RiskScore, residual: RiskScore, measures: [RiskMeasure]) {
            self.riskID = riskID
            self.title = title
            self.category = category
            self.inherent = inherent
            self.residual = residual
            self.measures = measures
        }
    }

    public var organisationCode: String
    public var date: CalendarDate
    public var acceptanceLevel: Int
    public var entries: [Entry]

    public init(organisationCode: String, date: CalendarDate, acceptanceLevel: Int, entries: [Entry]) {
        self.organisationCode = organisationCode
        self.date = date
        self.acceptanceLevel = acceptanceLevel
        self.entries = entries
    }

    /// The open risks on `date`, each by its assessment then.
    public init(_ risks: [Risk], organisationCode: String, on date: CalendarDate, settings: RiskSettings) {
        self.init(
            organisationCode: organisationCode, date: date, acceptanceLevel: settings.acceptanceLevel,
            entries: risks.filter { $0.isOpen(on: date) }.compactMap { risk in
                guard let id = risk.id, let assessment = risk.assessment(on: date) else { return nil }
                return Entry(riskID: id, title: risk.title, category: risk.category, inherent: assessment.inherent, residual: assessment.residual,
                             measures: risk.measures)
            })
    }
}

/// What changed between two snapshots of a register.
public struct RiskSnapshotChanges: Hashable, Sendable {
    public struct Move: Hashable, Sendable {
        public var entry: RiskSnapshot.Entry
        public var inherentBefore: RiskScore
        public var residualBefore: RiskScore
    }
    public struct MeasureChange: Hashable, Sendable {
        public var entry: RiskSnapshot.Entry
        /// In words: "Tiltak 2 nytt", "Tiltak 1: Planlagt → Gjennomført".
        public var changes: [String]
    }

    public var added: [RiskSnapshot.Entry]
    public var removed: [RiskSnapshot.Entry]
    public var moved: [Move]
    public var measuresChanged: [MeasureChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && moved.isEmpty && measuresChanged.isEmpty }

    /// The changes from `previous` (nil: everything is new) to `current`.
    public init(from previous: RiskSnapshot?, to current: RiskSnapshot) {
        let before = Dictionary((previous?.entries ?? []).map { ($0.riskID, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(current.entries.map(\.riskID))
        added = current.entries.filter { before[$0.riskID] == nil }
        removed = (previous?.entries ?? []).filter { !now.contains($0.riskID) }
        moved = current.entries.compactMap { entry in
            guard let old = before[entry.riskID], old.inherent != entry.inherent || old.residual != entry.residual else { return nil }
            return Move(entry: entry, inherentBefore: old.inherent, residualBefore: old.residual)
        }
        measuresChanged = current.entries.compactMap { entry in
            guard let old = before[entry.riskID] else { return nil }
            let changes = Self.measureChanges(from: old.measures, to: entry.measures)
            return changes.isEmpty ? nil : MeasureChange(entry: entry, changes: changes)
        }
    }

    static func measureChanges(from old: [RiskMeasure], to new: [RiskMeasure]) -> [String] {
        var changes: [String] = []
        for measure in new {
            guard let previous = old.first(where: { $0.number == measure.number }) else {
                changes.append("Tiltak \(measure.number) nytt: \(measure.description) (\(measure.status.norwegianName))")
                continue
            }
            if previous.status != measure.status {
                changes.append("Tiltak \(measure.number): \(previous.status.norwegianName) → \(measure.status.norwegianName)")
            }
            if previous.deadline != measure.deadline {
                changes.append("Tiltak \(measure.number): frist \(NorwegianFormat.date(previous.deadline)) → \(NorwegianFormat.date(measure.deadline))")
            }
            if previous.description != measure.description || previous.owner != measure.owner || previous.expectedEffect != measure.expectedEffect {
                changes.append("Tiltak \(measure.number): beskrivelse, ansvarlig eller forventet effekt endret")
            }
        }
        for measure in old where !new.contains(where: { $0.number == measure.number }) {
            changes.append("Tiltak \(measure.number) fjernet")
        }
        return changes
    }
}
