/// Rules of the year's goal areas (målområder) and their goals. Errors name `name`, `goal`,
/// `goalArea` and `position`.
public enum GoalAreaRules {
    public static let maxName = 300, maxGoal = 2000

    /// A checked, trimmed goal area name, unique in the year (ignoring case), `except` the area renamed.
    public static func name(_ name: String, among areas: [GoalArea], except current: String? = nil) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw InputErrors.single("name", "Skriv navnet på målområdet.") }
        if trimmed.count > maxName { throw InputErrors.single("name", "Navnet på målområdet kan ha høyst \(maxName) tegn.") }
        if areas.contains(where: { $0.name.lowercased() == trimmed.lowercased() && $0.name != current }) {
            throw InputErrors.single("name", "Målområdet «\(trimmed)» finnes allerede dette året.")
        }
        return trimmed
    }

    public static func goal(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw InputErrors.single("goal", "Skriv målet.") }
        if trimmed.count > maxGoal { throw InputErrors.single("goal", "Et mål kan ha høyst \(maxGoal) tegn.") }
        return trimmed
    }

    /// The area named `name`, or an error for the `goalArea` field.
    public static func area(_ name: String, in areas: [GoalArea], year: Int) throws -> (index: Int, area: GoalArea) {
        guard let index = areas.firstIndex(where: { $0.name == name }) else {
            throw InputErrors.single("goalArea", "Målområdet «\(name)» finnes ikke i \(year).")
        }
        return (index, areas[index])
    }

    /// A goal area may be deleted when no indicator belongs to it.
    public static func checkDeletable(_ area: GoalArea, indicators: [Indicator]) throws {
        let linked = indicators.filter { $0.goalArea == area.name }.map { "«\($0.name)»" }
        guard linked.isEmpty else {
            throw InputErrors.single(
                "goalArea",
                "Målområdet «\(area.name)» kan ikke slettes fordi resultatindikatoren \(linked.joined(separator: ", ")) hører til det. Knytt indikatoren til et annet målområde først.")
        }
    }

    /// `items` with the element at `index` moved one place up (`offset` −1) or down (+1), or an
    /// error for the `position` field when it cannot move further.
    public static func moved<T>(_ items: [T], index: Int, offset: Int) throws -> [T] {
        let target = index + offset
        guard items.indices.contains(index), items.indices.contains(target) else {
            throw InputErrors.single("position", offset < 0 ? "Det står allerede først." : "Det står allerede sist.")
        }
        var moved = items
        moved.swapAt(index, target)
        return moved
    }
}
