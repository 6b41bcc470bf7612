/// What changed between a returned version and the resubmission, section by section and line
/// by line (the lines of each section compared as text).
public struct ReportDiff: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable { case unchanged, changed, added, removed }

    public struct Line: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case kept, added, removed }
        public var kind: Kind
        public var text: String
    }

    public struct Section: Hashable, Sendable {
        public var heading: String
        public var change: Change
        public var lines: [Line]
    }

    public var fromVersion: Int
    public var toVersion: Int
    public var sections: [Section]

    public var hasChanges: Bool { sections.contains { $0.change != .unchanged } }

    /// Compares two frozen versions; sections are matched by heading, in the new version's order
    /// with removed sections after the one they followed.
    public static func between(_ old: ReportVersion, _ new: ReportVersion) -> ReportDiff {
        let oldSections = old.snapshot.sections, newSections = new.snapshot.sections
        var result: [Section] = []
        let newHeadings = Set(newSections.map(\.heading))
        var oldIndex = 0
        for section in newSections {
            // Sections the new version dropped, in their old place.
            while oldIndex < oldSections.count, !newHeadings.contains(oldSections[oldIndex].heading) {
                let removed = oldSections[oldIndex]
                result.append(Section(heading: removed.heading, change: .removed, lines: removed.lines.map { Line(kind: .removed, text: $0) }))
                oldIndex += 1
            }
            if let previous = oldSections.first(where: { $0.heading == section.heading }) {
                let lines = lineDiff(previous.lines, section.lines)
                let changed = lines.contains { $0.kind != .kept }
                result.append(Section(heading: section.heading, change: changed ? .changed : .unchanged, lines: lines))
                if let index = oldSections.firstIndex(where: { $0.heading == section.heading }), index >= oldIndex { oldIndex = index + 1 }
            } else {
                result.append(Section(heading: section.heading, change: .added, lines: section.lines.map { Line(kind: .added, text: $0) }))
            }
        }
        for removed in oldSections[min(oldIndex, oldSections.count)...] where !newHeadings.contains(removed.heading) {
            result.append(Section(heading: removed.heading, change: .removed, lines: removed.lines.map { Line(kind: .removed, text: $0) }))
        }
        return ReportDiff(fromVersion: old.number, toVersion: new.number, sections: result)
    }

    /// The lines of `new` against `old` (the standard library's difference), in reading order:
    /// a removed line before the line that replaced it.
    static func lineDiff(_ old: [String], _ new: [String]) -> [Line] {
        let difference = new.difference(from: old)
        var removedOffsets = Set<Int>(), insertedOffsets = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedOffsets.insert(offset)
            case .insert(let offset, _, _): insertedOffsets.insert(offset)
            }
        }
        var lines: [Line] = []
        var oldIndex = 0, newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removedOffsets.contains(oldIndex) {
                lines.append(Line(kind: .removed, text: old[oldIndex])); oldIndex += 1
            } else if newIndex < new.count, insertedOffsets.contains(newIndex) {
                lines.append(Line(kind: .added, text: new[newIndex])); newIndex += 1
            } else if oldIndex < old.count, newIndex < new.count {
                lines.append(Line(kind: .kept, text: new[newIndex])); oldIndex += 1; newIndex += 1
            } else if oldIndex < old.count {
                lines.append(Line(kind: .removed, text: old[oldIndex])); oldIndex += 1
            } else {
                lines.append(Line(kind: .added, text: new[newIndex])); newIndex += 1
            }
        }
        return lines
    }
}
