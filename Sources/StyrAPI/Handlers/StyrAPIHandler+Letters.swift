import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Allocation letters through the API: the letter as in force on a date, and the agency's status
/// reports on assignments. The same use cases as the pages (`LetterService`).
extension StyrAPIHandler {
    func getAllocationLetter(_ input: Operations.GetAllocationLetter.Input) async throws -> Operations.GetAllocationLetter.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let on = try input.query.on.map { try Self.date($0, field: "on") }
        let reading = try await service { try await services.letters.inForce(in: code, year: year, on: on, by: APICaller.current) }
        guard let inForce = reading.inForce else { throw APIProblem.notFound("Fant ikke tildelingsbrevet.") }
        // The status of each assignment as reported up to the date asked for (or up to today).
        let latest = reading.latestUpdates
        let (letter, content) = (inForce.letter, inForce.content)
        let assignments: [Components.Schemas.LetterAssignment] = content.assignments.map { assignment in
            let update = latest[assignment.key]
            return Components.Schemas.LetterAssignment(
                key: assignment.key, title: assignment.title, description: assignment.description, deadline: assignment.deadline.iso,
                reporting: assignment.reporting, status: Self.assignmentStatus(update?.status ?? .notStarted),
                statusDate: update?.date.iso, statusComment: update?.comment)
        }
        let schemaContent = Components.Schemas.LetterContent(
            frames: content.frames.map {
                Components.Schemas.BudgetFrame(chapter: $0.chapter, expensesOre: $0.expenses.ore, revenuesOre: $0.revenues.ore, netOre: $0.net.ore)
            },
            expectations: content.expectations.map { Components.Schemas.Expectation(key: $0.key, text: $0.text) },
            assignments: assignments,
            meetingPlan: content.meetingPlan.map {
                Components.Schemas.PlannedMeeting(date: $0.date.iso, kind: Self.meetingKind($0.kind), title: $0.title)
            },
            reportingRequirements: content.reportingRequirements.map {
                Components.Schemas.ReportingRequirement(report: $0.report, period: $0.period, due: $0.due.iso)
            })
        let supplements: [Components.Schemas.LetterSupplement] = inForce.supplements.map { supplement in
            Components.Schemas.LetterSupplement(
                number: supplement.letter.number, title: supplement.letter.title, issuedOn: supplement.letter.issuedOn?.iso ?? "",
                introduction: supplement.letter.introduction, changes: supplement.changes)
        }
        return .ok(.init(body: .json(Components.Schemas.AllocationLetterInForce(
            organisationCode: letter.organisationCode, year: letter.year, date: reading.date.iso, title: letter.title,
            issuedOn: letter.issuedOn?.iso ?? "", issuedByCode: letter.issuedByCode, introduction: letter.introduction,
            content: schemaContent, supplements: supplements, laterSupplements: inForce.laterSupplements.map(\.number)))))
    }

    func addAssignmentStatus(_ input: Operations.AddAssignmentStatus.Input) async throws -> Operations.AddAssignmentStatus.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try Self.date(body.date, field: "date")
        // The rule's fields (`date`, `status`, `comment`) are the operation's own.
        let (update, _) = try await service {
            try await services.letters.reportStatus(
                in: code, year: year, assignment: key, date: date, status: Self.assignmentStatus(body.status), comment: body.comment,
                by: APICaller.current)
        }
        return .created(.init(body: .json(Components.Schemas.AssignmentStatusUpdate(
            organisationCode: update.organisationCode, year: update.year, assignmentKey: update.assignmentKey, date: update.date.iso,
            status: Self.assignmentStatus(update.status), comment: update.comment, recordedBy: update.recordedBy))))
    }

    // MARK: Mappings

    static func assignmentStatus(_ status: AssignmentStatus) -> Components.Schemas.AssignmentStatus {
        switch status {
        case .notStarted: .notStarted
        case .inProgress: .inProgress
        case .done: .done
        case .cancelled: .cancelled
        }
    }

    static func assignmentStatus(_ status: Components.Schemas.AssignmentStatus) -> AssignmentStatus {
        switch status {
        case .notStarted: .notStarted
        case .inProgress: .inProgress
        case .done: .done
        case .cancelled: .cancelled
        }
    }
}
