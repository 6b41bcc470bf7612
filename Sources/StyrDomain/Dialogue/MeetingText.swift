/// The plain-text form of a meeting's lists, as the meeting form edits them.
public enum MeetingText {
    public static let itemFormat = "nr | beslutning, oppfølgingspunkt eller orientering | tekst | ansvarlig | frist | status"

    public static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    public static func text(_ items: [MeetingItem]) -> String {
        items.map { item in
            var fields = ["\(item.number)", item.kind.norwegianName.lowercased(), item.text]
            if item.kind == .actionItem {
                fields += [item.owner ?? "", item.deadline.map(NorwegianFormat.date) ?? "", (item.status ?? .notStarted).norwegianName.lowercased()]
            }
            return fields.joined(separator: " | ")
        }.joined(separator: "\n")
    }

    /// Parses minutes items; errors name the line and the field, under the meeting's field `items`.
    public static func items(_ text: String) -> Result<[MeetingItem], InputErrors> {
        var errors = InputErrors()
        var items: [MeetingItem] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let prefix = "Punkter, linje \(index + 1)"
            guard fields.count >= 3 else { errors.add("items", "\(prefix): ventet \(itemFormat)."); continue }
            // Numbering (from 1, each number once) is `MeetingRules.validate`'s, for the API alike.
            guard let number = Int(fields[0]) else { errors.add("items", "\(prefix): nummeret «\(fields[0])» er ikke et heltall."); continue }
            guard let kind = MeetingItemKind.allCases.first(where: { $0.norwegianName.lowercased() == fields[1].lowercased() || $0.rawValue == fields[1] }) else {
                errors.add("items", "\(prefix): typen «\(fields[1])» er ukjent; bruk beslutning, oppfølgingspunkt eller orientering.")
                continue
            }
            var item = MeetingItem(number: number, kind: kind, text: fields[2])
            if kind == .actionItem {
                item.owner = fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil
                if fields.count > 4, !fields[4].isEmpty {
                    guard let deadline = CalendarDate(fields[4]) else {
                        errors.add("items", "\(prefix): fristen «\(fields[4])» er ikke en gyldig dato (DD.MM.ÅÅÅÅ).")
                        continue
                    }
                    item.deadline = deadline
                }
                if fields.count > 5, !fields[5].isEmpty {
                    guard let status = AssignmentStatus.allCases.first(where: { $0.norwegianName.lowercased() == fields[5].lowercased() || $0.rawValue == fields[5] }) else {
                        errors.add("items", "\(prefix): statusen «\(fields[5])» er ukjent; bruk ikke startet, pågår, fullført eller avlyst.")
                        continue
                    }
                    item.status = status
                } else {
                    item.status = .notStarted
                }
            }
            items.append(item)
        }
        return errors.isEmpty ? .success(items) : .failure(errors)
    }
}
