import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Meetings and minutes through the API: the same use cases as the pages (`MeetingService`).
extension StyrAPIHandler {
    /// The operation's name of each of the meeting rules' fields (the others keep theirs).
    static let meetingFields = ["departmentApproval": "side", "agencyApproval": "side"]

    static func meetingSchema(_ meeting: Meeting) -> Components.Schemas.Meeting {
        Components.Schemas.Meeting(
            id: meeting.id ?? 0, organisationCode: meeting.organisationCode, chairedByCode: meeting.chairedByCode,
            kind: meetingKind(meeting.kind), title: meeting.title, date: meeting.date.iso, participants: meeting.participants,
            topics: meeting.topics.map(focusTopic), otherTopics: meeting.otherTopics, agenda: meeting.agenda, minutes: meeting.minutes,
            items: meeting.items.map { item in
                Components.Schemas.MeetingItem(
                    number: item.number, kind: itemKind(item.kind), text: item.text, owner: item.owner, deadline: item.deadline?.iso,
                    status: item.status.map(assignmentStatus))
            },
            departmentApproval: meeting.departmentApproval.map { Components.Schemas.MinutesApproval(by: $0.by, on: $0.on.iso) },
            agencyApproval: meeting.agencyApproval.map { Components.Schemas.MinutesApproval(by: $0.by, on: $0.on.iso) },
            minutesStatus: minutesStatus(meeting.minutesStatus), approvedOn: meeting.approvedOn?.iso)
    }

    func listMeetings(_ input: Operations.ListMeetings.Input) async throws -> Operations.ListMeetings.Output {
        let listing = try await service { try await services.meetings.list(in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Components.Schemas.MeetingList(items: listing.meetings.map(Self.meetingSchema)))))
    }

    func getMeeting(_ input: Operations.GetMeeting.Input) async throws -> Operations.GetMeeting.Output {
        let found = try await service { try await services.meetings.meeting(input.path.id, in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Self.meetingSchema(found.meeting))))
    }

    func createMeeting(_ input: Operations.CreateMeeting.Input) async throws -> Operations.CreateMeeting.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try Self.date(body.date, field: "date")
        var items: [MeetingItem] = []
        for item in body.items ?? [] {
            items.append(MeetingItem(
                number: item.number, kind: Self.itemKind(item.kind), text: item.text, owner: item.owner,
                deadline: try item.deadline.map { try Self.date($0, field: "items.deadline") }, status: item.status.map(Self.assignmentStatus)))
        }
        let draft = MeetingDraft(
            kind: Self.meetingKind(body.kind), title: body.title, date: date, participants: body.participants ?? [],
            topics: (body.topics ?? []).map(Self.focusTopic), otherTopics: body.otherTopics ?? [], agenda: body.agenda ?? [],
            minutes: body.minutes ?? "", items: items)
        let created = try await service(fields: Self.meetingFields) {
            try await services.meetings.create(draft, in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.meetingSchema(created))))
    }

    func approveMinutes(_ input: Operations.ApproveMinutes.Input) async throws -> Operations.ApproveMinutes.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let approved = try await service(fields: Self.meetingFields) {
            try await services.meetings.approve(input.path.id, side: Self.side(body.side), in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.meetingSchema(approved))))
    }

    // MARK: Mappings

    static func meetingKind(_ kind: MeetingKind) -> Components.Schemas.MeetingKind {
        switch kind {
        case .governance: .governance
        case .professional: .professional
        case .systemOwner: .systemOwner
        }
    }

    static func meetingKind(_ kind: Components.Schemas.MeetingKind) -> MeetingKind {
        switch kind {
        case .governance: .governance
        case .professional: .professional
        case .systemOwner: .systemOwner
        }
    }

    static func itemKind(_ kind: MeetingItemKind) -> Components.Schemas.MeetingItemKind {
        switch kind {
        case .decision: .decision
        case .actionItem: .actionItem
        case .note: .note
        }
    }

    static func itemKind(_ kind: Components.Schemas.MeetingItemKind) -> MeetingItemKind {
        switch kind {
        case .decision: .decision
        case .actionItem: .actionItem
        case .note: .note
        }
    }

    static func minutesStatus(_ status: MinutesStatus) -> Components.Schemas.MinutesStatus {
        switch status {
        case .draft: .draft
        case .approvedByDepartment: .approvedByDepartment
        case .approvedByAgency: .approvedByAgency
        case .approved: .approved
        }
    }

    static func side(_ side: Components.Schemas.MinutesApprovalInput.SidePayload) -> MeetingSide {
        switch side {
        case .department: .department
        case .agency: .agency
        }
    }

    static func focusTopic(_ topic: FocusTopic) -> Components.Schemas.FocusTopic {
        switch topic {
        case .escalation: .escalation
        case .serviceStatus: .serviceStatus
        case .projects: .projects
        case .benefitsRealisation: .benefitsRealisation
        case .risk: .risk
        case .informationSecurity: .informationSecurity
        case .serviceDevelopment: .serviceDevelopment
        case .planAndBudget: .planAndBudget
        case .professionalMatters: .professionalMatters
        case .frameConditions: .frameConditions
        }
    }

    static func focusTopic(_ topic: Components.Schemas.FocusTopic) -> FocusTopic {
        switch topic {
        case .escalation: .escalation
        case .serviceStatus: .serviceStatus
        case .projects: .projects
        case .benefitsRealisation: .benefitsRealisation
        case .risk: .risk
        case .informationSecurity: .informationSecurity
        case .serviceDevelopment: .serviceDevelopment
        case .planAndBudget: .planAndBudget
        case .professionalMatters: .professionalMatters
        case .frameConditions: .frameConditions
        }
    }
}
