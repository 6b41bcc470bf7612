import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The agency's duties to inform through the API: the same use cases as the pages (`NoticeService`).
extension StyrAPIHandler {
    /// The operation's name of each of the notice rules' fields (the others keep theirs).
    static let noticeFields = ["answer": "text", "status": "submit"]

    static func noticeSchema(_ notice: InformationNotice, limit: NotificationLimit) -> Components.Schemas.Notice {
        var schema = Components.Schemas.Notice(
            id: notice.id ?? 0, organisationCode: notice.organisationCode, kind: noticeKind(notice.kind), title: notice.title,
            status: noticeStatus(notice.status), createdBy: notice.createdBy, createdAt: notice.createdAt, submittedAt: notice.submittedAt,
            answer: notice.answer.map { Components.Schemas.NoticeAnswer(text: $0.text, by: $0.by, at: $0.at) })
        switch notice.details {
        case .clarification(let question):
            schema.question = question
        case .deviation(let area, let description, let expectedEffect, let measures):
            schema.area = deviationArea(area)
            schema.description = description
            schema.expectedEffect = expectedEffect
            schema.measures = measures
        case .improvement(let rule, let proposedChange):
            schema.rule = rule
            schema.proposedChange = proposedChange
        case .incident(let system, let description, let timing):
            schema.system = system
            schema.description = description
            schema.occurredAt = timing.occurredAt
            schema.detectedAt = timing.detectedAt
            schema.notifiedAt = timing.notifiedAt
            schema.secondsToNotify = timing.secondsToNotify
            schema.late = timing.isLate(limit: limit)
        case .risk(let text):
            schema.riskText = text
        }
        return schema
    }

    /// What the notice says, from the fields of its kind; fields of other kinds are ignored by the rules.
    static func noticeDraft(_ body: Components.Schemas.NoticeInput) -> NoticeDraft {
        var draft = NoticeDraft(kind: noticeKind(body.kind), title: body.title)
        draft.question = body.question ?? ""
        draft.area = body.area.map(deviationArea)
        draft.description = body.description ?? ""
        draft.expectedEffect = body.expectedEffect ?? ""
        draft.measures = body.measures ?? ""
        draft.rule = body.rule ?? ""
        draft.proposedChange = body.proposedChange ?? ""
        draft.system = body.system ?? ""
        (draft.occurredAt, draft.detectedAt, draft.notifiedAt) = (body.occurredAt, body.detectedAt, body.notifiedAt)
        draft.riskText = body.riskText ?? ""
        return draft
    }

    func listNotices(_ input: Operations.ListNotices.Input) async throws -> Operations.ListNotices.Output {
        let listing = try await service { try await services.notices.list(in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Components.Schemas.NoticeList(
            notificationLimitSeconds: listing.limit.seconds, items: listing.notices.map { Self.noticeSchema($0, limit: listing.limit) }))))
    }

    func createNotice(_ input: Operations.CreateNotice.Input) async throws -> Operations.CreateNotice.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let created = try await service(fields: Self.noticeFields) {
            try await services.notices.create(Self.noticeDraft(body), submit: body.submit ?? true, in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.noticeSchema(created, limit: services.notices.limit))))
    }

    func answerNotice(_ input: Operations.AnswerNotice.Input) async throws -> Operations.AnswerNotice.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let answered = try await service(fields: Self.noticeFields) {
            try await services.notices.answer(input.path.id, text: body.text, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.noticeSchema(answered, limit: services.notices.limit))))
    }

    // MARK: Mappings

    static func noticeKind(_ kind: NoticeKind) -> Components.Schemas.NoticeKind {
        switch kind {
        case .clarificationRequest: .clarificationRequest
        case .deviationNotice: .deviationNotice
        case .improvementProposal: .improvementProposal
        case .incidentNotification: .incidentNotification
        case .riskUpdate: .riskUpdate
        }
    }

    static func noticeKind(_ kind: Components.Schemas.NoticeKind) -> NoticeKind {
        switch kind {
        case .clarificationRequest: .clarificationRequest
        case .deviationNotice: .deviationNotice
        case .improvementProposal: .improvementProposal
        case .incidentNotification: .incidentNotification
        case .riskUpdate: .riskUpdate
        }
    }

    static func noticeStatus(_ status: NoticeStatus) -> Components.Schemas.NoticeStatus {
        switch status {
        case .draft: .draft
        case .submitted: .submitted
        case .answered: .answered
        }
    }

    static func deviationArea(_ area: DeviationArea) -> Components.Schemas.DeviationArea {
        switch area {
        case .goal: .goal
        case .budget: .budget
        }
    }

    static func deviationArea(_ area: Components.Schemas.DeviationArea) -> DeviationArea {
        switch area {
        case .goal: .goal
        case .budget: .budget
        }
    }
}
