import Foundation

/// A readable difference between two versions of a mission statement: per section, per core task
/// and for the authorities, which paragraphs were removed and which added (longest common
/// subsequence of paragraphs, so unchanged text is not repeated as changed).
public struct MissionStatementDiff: Hashable, Sendable {
    public enum LineKind: String, Hashable, Sendable { case same, added, removed }

    public struct Line: Hashable, Sendable {
        public var kind: LineKind
        public var text: String
    }

    public struct Part: Hashable, Sendable {
        /// E.g. "3.1 Formål og målgrupper", "Kjerneoppgave a) IKT-styring og digitalisering", "Fullmakter".
        public var title: String
        public var lines: [Line]
        public var isChanged: Bool { lines.contains { $0.kind != .same } }
    }

    public var from: Int
    public var to: Int
    public var parts: [Part]

    public var changedParts: [Part] { parts.filter(\.isChanged) }

    public init(from old: MissionStatement, to new: MissionStatement) {
        from = old.version
        to = new.version
        var parts: [Part] = []
        func paragraphs(_ text: String?) -> [String] {
            (text ?? "").split(separator: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        func add(_ title: String, _ old: [String], _ new: [String]) {
            parts.append(Part(title: title, lines: Self.diff(old, new)))
        }
        var sectionNumbers = old.sections.map(\.number)
        for number in new.sections.map(\.number) where !sectionNumbers.contains(number) { sectionNumbers.append(number) }
        for number in sectionNumbers {
            let before = old.sections.first { $0.number == number }, after = new.sections.first { $0.number == number }
            let title = "\(number) \((after ?? before)?.heading ?? "")"
            add(title, before.map { [$0.heading] + paragraphs($0.body) } ?? [], after.map { [$0.heading] + paragraphs($0.body) } ?? [])
        }
        var letters = old.coreTasks.map(\.letter)
        for letter in new.coreTasks.map(\.letter) where !letters.contains(letter) { letters.append(letter) }
        for letter in letters {
            let before = old.coreTasks.first { $0.letter == letter }, after = new.coreTasks.first { $0.letter == letter }
            add("Kjerneoppgave \(letter)) \((after ?? before)?.title ?? "")",
                before.map { [$0.title] + paragraphs($0.description) } ?? [], after.map { [$0.title] + paragraphs($0.description) } ?? [])
        }
        func authority(_ authority: Authority) -> String {
            authority.description + (authority.legalBasis.map { " (hjemmel: \($0))" } ?? "")
        }
        add("Fullmakter", old.authorities.map(authority), new.authorities.map(authority))
        add("Målgrupper", old.targetGroups, new.targetGroups)
        add("Finansieringsmodell", old.fundingSources.map { "\($0.kind.norwegianName): \($0.description)" },
            new.fundingSources.map { "\($0.kind.norwegianName): \($0.description)" })
        if old.fixedOn != new.fixedOn || old.fixedByCode != new.fixedByCode {
            add("Fastsatt", ["\(old.fixedOn.iso) av \(old.fixedByCode)"], ["\(new.fixedOn.iso) av \(new.fixedByCode)"])
        }
        self.parts = parts
    }

    /// The paragraphs of `old` and `new` aligned by their longest common subsequence.
    static func diff(_ old: [String], _ new: [String]) -> [Line] {
        let n = old.count, m = new.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [Line] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                lines.append(Line(kind: .same, text: old[i])); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                // What was removed is shown before what replaced it.
                lines.append(Line(kind: .removed, text: old[i])); i += 1
            } else {
                lines.append(Line(kind: .added, text: new[j])); j += 1
            }
        }
        return lines
    }
}
