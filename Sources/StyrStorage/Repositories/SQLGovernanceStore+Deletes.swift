import Foundation
import SQLKit
import StyrDomain

/// Deleting single records of an agency's year (a year file imported with `--replace` deletes what
/// the file no longer holds). Each delete is audited with the record as it was; deleting what is
/// not stored does nothing.
extension SQLGovernanceStore {
    public func deleteBudgetAmount(_ amount: BudgetAmount) async throws {
        let chapterID = try await chapterID(amount.chapter)
        guard let before = try await budgetAmounts(chapter: amount.chapter, years: amount.year...amount.year)
            .first(where: { $0.kind == amount.kind && $0.group.first == amount.group.first && $0.measure == amount.measure }) else { return }
        try await db.delete(from: "budget_amounts").where("chapter_id", .equal, chapterID).where("year", .equal, amount.year)
            .where("account_kind", .equal, amount.kind.rawValue).where("group_first", .equal, amount.group.first)
            .where("measure", .equal, amount.measure.rawValue).run()
        try await record(
            "budgetAmount", "\(amount.chapter)/\(amount.year)/\(amount.kind.rawValue)/\(before.group.code)/\(amount.measure.rawValue)",
            before: before, after: BudgetAmount?.none)
    }

    public func deleteInvestmentProject(chapter: Int, year: Int, number: String) async throws {
        let chapterID = try await chapterID(chapter)
        guard let before = try await investmentProjects(chapter: chapter, year: year).first(where: { $0.number == number }) else { return }
        try await db.delete(from: "investment_projects").where("chapter_id", .equal, chapterID).where("year", .equal, year)
            .where("number", .equal, number).run()
        try await record("investmentProject", "\(chapter)/\(year)/\(number)", before: before, after: InvestmentProject?.none)
    }

    public func deleteValue(ofIndicator key: String, of organisationCode: String, year: Int) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let row = try await db.select().column("id").from("indicators")
            .where("organisation_id", .equal, organisationID).where("key", .equal, key).first() else { return }
        let indicatorID = try row.decode(column: "id", as: Int64.self)
        guard let before = try await db.select().columns("*").from("indicator_values")
            .where("indicator_id", .equal, indicatorID).where("year", .equal, year).first().map(Self.indicatorValue) else { return }
        try await db.delete(from: "indicator_values").where("indicator_id", .equal, indicatorID).where("year", .equal, year).run()
        try await record("indicatorValue", "\(organisationCode)/\(key)/\(year)", before: before, after: IndicatorValue?.none)
    }

    public func deleteNarrative(of organisationCode: String, year: Int, key: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let before = try await narratives(of: organisationCode, year: year).first(where: { $0.key == key }) else { return }
        try await db.delete(from: "narratives").where("organisation_id", .equal, organisationID).where("year", .equal, year)
            .where("key", .equal, key).run()
        try await record("narrative", "\(organisationCode)/\(year)/\(key)", before: before, after: Narrative?.none)
    }

    // MARK: Dialogue

    public func deleteLetter(of organisationCode: String, year: Int, number: Int) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let before = try await letters(of: organisationCode).first(where: { $0.year == year && $0.number == number }) else { return }
        try await db.delete(from: "allocation_letters").where("organisation_id", .equal, organisationID).where("year", .equal, year)
            .where("number", .equal, number).run()
        try await record("allocationLetter", "\(organisationCode)/\(year)/\(number)", before: before, after: AllocationLetter?.none)
    }

    public func deleteAssignmentUpdate(_ update: AssignmentStatusUpdate) async throws {
        let organisationID = try await organisationID(update.organisationCode)
        let rows = try await db.select().columns("id", "document").from("assignment_updates")
            .where("organisation_id", .equal, organisationID).where("year", .equal, update.year)
            .where("assignment_key", .equal, update.assignmentKey).orderBy("id").all()
        for row in rows where try Self.decode(AssignmentStatusUpdate.self, row) == update {
            let id = try row.decode(column: "id", as: Int64.self)
            try await db.delete(from: "assignment_updates").where("id", .equal, id).run()
            try await record("assignmentUpdate", "\(update.organisationCode)/\(update.year)/\(update.assignmentKey)/\(id)",
                             before: update, after: AssignmentStatusUpdate?.none)
            return
        }
    }

    public func deleteMeeting(id: Int64) async throws {
        guard let before = try await meeting(id: id) else { return }
        try await db.delete(from: "meetings").where("id", .equal, id).run()
        try await record("meeting", "\(before.organisationCode)/\(id)", before: before, after: Meeting?.none)
    }

    public func deleteSignal(id: Int64, of organisationCode: String) async throws {
        guard let before = try await signals(of: organisationCode).first(where: { $0.id == id }) else { return }
        try await db.delete(from: "steering_signals").where("id", .equal, id).run()
        try await record("steeringSignal", "\(organisationCode)/\(id)", before: before, after: SteeringSignal?.none)
    }

    public func deleteNotice(id: Int64) async throws {
        guard let before = try await notice(id: id) else { return }
        try await db.delete(from: "information_notices").where("id", .equal, id).run()
        try await record("notice", "\(before.organisationCode)/\(id)", before: before, after: InformationNotice?.none)
    }
}
