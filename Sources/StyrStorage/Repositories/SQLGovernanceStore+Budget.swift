import Foundation
import SQLKit
import StyrDomain

extension SQLGovernanceStore: BudgetRepository {
    public func save(_ chapter: Chapter) async throws {
        guard chapter.number > 0 else { throw StorageError.invalid("Kapittelnummer må være et positivt tall.") }
        let organisationID = try await organisationID(chapter.organisationCode)
        // Chapter numbers are unique in a municipality's budget (one municipality per database);
        // a number already used by another organisation is refused rather than moved.
        if let owner = try await db.raw("""
            SELECT o.code FROM chapters c JOIN organisations o ON o.id = c.organisation_id WHERE c.number = \(bind: chapter.number)
            """).first()?.decode(column: "code", as: String.self), owner != chapter.organisationCode {
            throw StorageError.invalid("Kapittel \(chapter.number) tilhører allerede «\(owner)».")
        }
        let before = try await chapters(of: chapter.organisationCode).first { $0.number == chapter.number }
        try await db.insert(into: "chapters").columns("organisation_id", "number", "name", "kind")
            .values(SQLBind(organisationID), SQLBind(Int64(chapter.number)), SQLBind(chapter.name), SQLBind(chapter.kind.rawValue))
            .onConflict(with: ["number"]) {
                $0.set(excludedValueOf: "name").set(excludedValueOf: "organisation_id").set(excludedValueOf: "kind")
            }
            .run()
        try await record("chapter", String(chapter.number), before: before, after: chapter)
    }

    public func chapters(of organisationCode: String) async throws -> [Chapter] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().columns("number", "name", "kind").from("chapters")
            .where("organisation_id", .equal, organisationID).orderBy("number").all().map {
                Chapter(number: Int(try $0.decode(column: "number", as: Int64.self)), name: try $0.decode(column: "name"),
                        organisationCode: organisationCode, kind: try enumValue($0, "kind"))
            }
    }

    public func chapter(number: Int) async throws -> Chapter? {
        try await db.raw("""
            SELECT c.number, c.name, c.kind, o.code FROM chapters c JOIN organisations o ON o.id = c.organisation_id
            WHERE c.number = \(bind: number)
            """).first().map {
            Chapter(number: Int(try $0.decode(column: "number", as: Int64.self)), name: try $0.decode(column: "name"),
                    organisationCode: try $0.decode(column: "code"), kind: try enumValue($0, "kind"))
        }
    }

    public func save(_ amounts: [BudgetAmount]) async throws {
        var chapterIDs: [Int: Int64] = [:]
        for amount in amounts {
            try requireStandardGroup(amount.group, in: "beløpet for kapittel \(amount.chapter) \(amount.year)")
            let chapterID: Int64
            if let known = chapterIDs[amount.chapter] {
                chapterID = known
            } else {
                chapterID = try await self.chapterID(amount.chapter)
                chapterIDs[amount.chapter] = chapterID
            }
            let existing = try await db.select().column("amount_ore").from("budget_amounts")
                .where("chapter_id", .equal, chapterID).where("year", .equal, amount.year)
                .where("account_kind", .equal, amount.kind.rawValue).where("group_first", .equal, amount.group.first)
                .where("measure", .equal, amount.measure.rawValue).first()
            let before = try existing.map { row -> BudgetAmount in
                var previous = amount
                previous.amount = Money(ore: try row.decode(column: "amount_ore"))
                return previous
            }
            try await db.insert(into: "budget_amounts")
                .columns("chapter_id", "year", "account_kind", "group_first", "group_last", "measure", "amount_ore")
                .values(SQLBind(chapterID), SQLBind(Int64(amount.year)), SQLBind(amount.kind.rawValue),
                        SQLBind(Int64(amount.group.first)), SQLBind(Int64(amount.group.last)), SQLBind(amount.measure.rawValue),
                        SQLBind(amount.amount.ore))
                .onConflict(with: ["chapter_id", "year", "account_kind", "group_first", "measure"]) {
                    $0.set(excludedValueOf: "amount_ore").set(excludedValueOf: "group_last")
                }
                .run()
            try await record(
                "budgetAmount", "\(amount.chapter)/\(amount.year)/\(amount.kind.rawValue)/\(amount.group.code)/\(amount.measure.rawValue)",
                before: before, after: amount)
        }
    }

    public func budgetAmounts(chapter: Int, years: ClosedRange<Int>) async throws -> [BudgetAmount] {
        let chapterID = try await chapterID(chapter)
        return try await db.select().columns("year", "account_kind", "group_first", "group_last", "measure", "amount_ore")
            .from("budget_amounts").where("chapter_id", .equal, chapterID)
            .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
            .orderBy("year").orderBy("account_kind").orderBy("group_first").all().map { row in
                BudgetAmount(
                    chapter: chapter, year: Int(try row.decode(column: "year", as: Int64.self)),
                    kind: try enumValue(row, "account_kind"), group: try group(row), measure: try enumValue(row, "measure"),
                    amount: Money(ore: try row.decode(column: "amount_ore"))
                )
            }
    }

    public func save(_ revision: BudgetRevision) async throws {
        guard !revision.reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StorageError.invalid("En budsjettregulering må ha en referanse (f.eks. «byrådssak 208/20»).")
        }
        guard !revision.lines.isEmpty else {
            throw StorageError.invalid("Budsjettreguleringen «\(revision.reference)» har ingen beløp.")
        }
        for line in revision.lines {
            try requireStandardGroup(line.group, in: "budsjettreguleringen «\(revision.reference)»")
        }
        let chapterID = try await chapterID(revision.chapter)
        let id = try await insertReturningID(
            db.insert(into: "budget_revisions").columns("chapter_id", "year", "account_kind", "reference", "decided_on", "reason")
                .values(SQLBind(chapterID), SQLBind(Int64(revision.year)), SQLBind(revision.kind.rawValue), SQLBind(revision.reference),
                        SQLBind(revision.decidedOn?.iso), SQLBind(revision.reason)))
        for line in revision.lines {
            try await db.insert(into: "budget_revision_lines").columns("revision_id", "group_first", "group_last", "amount_ore")
                .values(SQLBind(id), SQLBind(Int64(line.group.first)), SQLBind(Int64(line.group.last)), SQLBind(line.amount.ore))
                .run()
        }
        try await record(
            "budgetRevision", "\(revision.chapter)/\(revision.year)/\(revision.kind.rawValue)/\(id)",
            before: BudgetRevision?.none, after: revision)
    }

    public func revisions(chapter: Int, year: Int) async throws -> [BudgetRevision] {
        try await storedRevisions(chapter: chapter, year: year).map(\.revision)
    }

    public func storedRevisions(chapter: Int, year: Int) async throws -> [StoredRevision] {
        let chapterID = try await chapterID(chapter)
        var result: [StoredRevision] = []
        let rows = try await db.select().columns("id", "account_kind", "reference", "decided_on", "reason").from("budget_revisions")
            .where("chapter_id", .equal, chapterID).where("year", .equal, year).orderBy("id").all()
        guard !rows.isEmpty else { return [] }
        // Every revision's lines in one statement, not one per revision.
        var linesByRevision: [Int64: [RevisionLine]] = [:]
        for line in try await db.select().columns("revision_id", "group_first", "group_last", "amount_ore").from("budget_revision_lines")
            .where(SQLColumn("revision_id"), .in, SQLSubquery(db.select().column("id").from("budget_revisions")
                .where("chapter_id", .equal, chapterID).where("year", .equal, year).select))
            .orderBy("revision_id").orderBy("group_first").all() {
            linesByRevision[try line.decode(column: "revision_id", as: Int64.self), default: []]
                .append(RevisionLine(group: try group(line), amount: Money(ore: try line.decode(column: "amount_ore"))))
        }
        for row in rows {
            let lines = linesByRevision[try row.decode(column: "id", as: Int64.self)] ?? []
            result.append(StoredRevision(id: try row.decode(column: "id", as: Int64.self), revision: BudgetRevision(
                chapter: chapter, year: year, kind: try enumValue(row, "account_kind"), reference: try row.decode(column: "reference"),
                decidedOn: try row.decodeOptional("decided_on", as: String.self).flatMap(CalendarDate.init),
                reason: try row.decode(column: "reason"), lines: lines
            )))
        }
        return result
    }

    public func save(_ project: InvestmentProject) async throws {
        guard !project.number.isEmpty, !project.name.isEmpty else {
            throw StorageError.invalid("Et investeringsprosjekt må ha nummer og navn.")
        }
        let chapterID = try await chapterID(project.chapter)
        let before = try await investmentProjects(chapter: project.chapter, year: project.year).first { $0.number == project.number }
        try await db.insert(into: "investment_projects")
            .columns("chapter_id", "year", "number", "name", "group_first", "group_last", "council_completion",
                     "expected_completion", "original_budget_ore", "revised_budget_ore", "actuals_ore", "decided")
            .values(SQLBind(chapterID), SQLBind(Int64(project.year)), SQLBind(project.number), SQLBind(project.name),
                    SQLBind(Int64(project.groups.first)), SQLBind(Int64(project.groups.last)), SQLBind(project.councilCompletion),
                    SQLBind(project.expectedCompletion), SQLBind(project.originalBudget.ore), SQLBind(project.revisedBudget.ore),
                    SQLBind(project.actuals.ore), SQLBind(project.decided))
            .onConflict(with: ["chapter_id", "year", "number"]) { update in
                ["name", "group_first", "group_last", "council_completion", "expected_completion", "original_budget_ore",
                 "revised_budget_ore", "actuals_ore", "decided"].reduce(update) { $0.set(excludedValueOf: $1) }
            }
            .run()
        try await record("investmentProject", "\(project.chapter)/\(project.year)/\(project.number)", before: before, after: project)
    }

    public func investmentProjects(chapter: Int, year: Int) async throws -> [InvestmentProject] {
        let chapterID = try await chapterID(chapter)
        return try await db.select().columns("*").from("investment_projects")
            .where("chapter_id", .equal, chapterID).where("year", .equal, year).orderBy("number").all().map { row in
                InvestmentProject(
                    chapter: chapter, year: year, number: try row.decode(column: "number"), name: try row.decode(column: "name"),
                    groups: try group(row), councilCompletion: try row.decodeOptional("council_completion"),
                    expectedCompletion: try row.decodeOptional("expected_completion"),
                    originalBudget: Money(ore: try row.decode(column: "original_budget_ore")),
                    revisedBudget: Money(ore: try row.decode(column: "revised_budget_ore")),
                    actuals: Money(ore: try row.decode(column: "actuals_ore")), decided: try row.decodeOptional("decided")
                )
            }
    }
}

/// Editing and deleting revisions, and removing staffing figures (the budget data pages).
extension SQLGovernanceStore {
    /// The stored revision with the id, with its chapter number.
    private func storedRevision(id: Int64) async throws -> BudgetRevision {
        guard let row = try await db.raw("""
            SELECT c.number, r.year FROM budget_revisions r JOIN chapters c ON c.id = r.chapter_id WHERE r.id = \(bind: id)
            """).first() else { throw StorageError.notFound("budsjettregulering \(id)") }
        let chapter = Int(try row.decode(column: "number", as: Int64.self)), year = Int(try row.decode(column: "year", as: Int64.self))
        guard let stored = try await storedRevisions(chapter: chapter, year: year).first(where: { $0.id == id }) else {
            throw StorageError.notFound("budsjettregulering \(id)")
        }
        return stored.revision
    }

    public func replaceRevision(id: Int64, with revision: BudgetRevision) async throws {
        guard !revision.reference.trimmingCharacters(in: .whitespaces).isEmpty, !revision.lines.isEmpty else {
            throw StorageError.invalid("En budsjettregulering må ha referanse og minst ett beløp.")
        }
        for line in revision.lines {
            try requireStandardGroup(line.group, in: "budsjettreguleringen «\(revision.reference)»")
        }
        let before = try await storedRevision(id: id)
        let chapterID = try await chapterID(revision.chapter)
        try await db.update("budget_revisions")
            .set("chapter_id", to: SQLBind(chapterID)).set("year", to: SQLBind(Int64(revision.year)))
            .set("account_kind", to: SQLBind(revision.kind.rawValue)).set("reference", to: SQLBind(revision.reference))
            .set("decided_on", to: SQLBind(revision.decidedOn?.iso)).set("reason", to: SQLBind(revision.reason))
            .where("id", .equal, id).run()
        try await db.delete(from: "budget_revision_lines").where("revision_id", .equal, id).run()
        for line in revision.lines {
            try await db.insert(into: "budget_revision_lines").columns("revision_id", "group_first", "group_last", "amount_ore")
                .values(SQLBind(id), SQLBind(Int64(line.group.first)), SQLBind(Int64(line.group.last)), SQLBind(line.amount.ore))
                .run()
        }
        try await record(
            "budgetRevision", "\(revision.chapter)/\(revision.year)/\(revision.kind.rawValue)/\(id)", before: before, after: revision)
    }

    public func deleteRevision(id: Int64) async throws {
        let before = try await storedRevision(id: id)
        try await db.delete(from: "budget_revision_lines").where("revision_id", .equal, id).run()
        try await db.delete(from: "budget_revisions").where("id", .equal, id).run()
        try await record(
            "budgetRevision", "\(before.chapter)/\(before.year)/\(before.kind.rawValue)/\(id)", before: before, after: BudgetRevision?.none)
    }

    public func removeStaffing(at date: CalendarDate, of organisationCode: String) async throws {
        let id = try await organisationID(organisationCode)
        guard let before = try await staffing(of: organisationCode).first(where: { $0.asOf == date }) else { return }
        try await db.delete(from: "staffing_figures").where("organisation_id", .equal, id).where("as_of", .equal, date.iso).run()
        try await record("staffing", "\(organisationCode)/\(date.iso)", before: before, after: StaffingFigure?.none)
    }
}

/// Tables are built on the nine KOSTRA artsgrupper; an amount on any other range would vanish from them.
private func requireStandardGroup(_ group: ObjectGroup, in context: String) throws {
    guard ObjectGroup.standard.contains(group) else {
        let groups = ObjectGroup.standard.map(\.code).joined(separator: ", ")
        throw StorageError.invalid("Artsgruppen \(group.code) i \(context) er ikke en av KOSTRA-artsgruppene (\(groups)).")
    }
}

private func group(_ row: any SQLRow) throws -> ObjectGroup {
    let first = Int(try row.decode(column: "group_first", as: Int64.self))
    let last = Int(try row.decode(column: "group_last", as: Int64.self))
    guard 0 <= first, first <= last, last <= 999 else { throw StorageError.invalid("Ugyldig artsgruppe \(first)-\(last) i databasen.") }
    return ObjectGroup(first: first, last: last)
}
