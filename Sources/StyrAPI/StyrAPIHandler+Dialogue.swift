import Foundation
import OpenAPIRuntime
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage

/// The governance dialogue through the API: allocation letters as in force, assignment status,
/// meetings and minutes, steering signals, the duties to inform, the annual calendar and the
/// governance log. Same rules as the pages: `LetterRules`, `MeetingRules`, `SignalRules`,
/// `NoticeRules`; a broken rule is answered 422 with the rule's Norwegian message.
extension StyrAPIHandler {
    // MARK: Helpers

    /// A date written `YYYY-MM-DD`; else 422 naming the field.
    static func date(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(text), date.iso == text else {
            throw APIProblem.invalid("\(field): «\(text)» er ikke en gyldig dato på formen ÅÅÅÅ-MM-DD.")
        }
        return date
    }

    /// 422 with the rule's messages when `errors` is not empty.
    static func check(_ errors: InputErrors) throws {
        guard errors.isEmpty else { throw APIProblem.invalid(errors.summary) }
    }

    /// Runs a rule that throws `InputErrors`, answering them as 422.
    static func rule<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as InputErrors {
            throw APIProblem.invalid(errors.summary)
        }
    }

    /// Text as typed, without surrounding white space.
    static func trimmed(_ text: String?) -> String {
        text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Writes in one transaction as the caller; a rule broken inside is answered 422, a record
    /// that is not there 404.
    func write<T: Sendable>(as user: UserAccount, _ body: @Sendable (SQLGovernanceStore) async throws -> T) async throws -> T {
        let email = user.email
        do {
            return try await database.transaction { db in try await body(SQLGovernanceStore(db, actor: email)) }
        } catch let errors as InputErrors {
            throw APIProblem.invalid(errors.summary)
        } catch let error as StorageError {
            switch error {
            case .notFound: throw APIProblem.notFound(error.description)
            case .invalid(let reason): throw APIProblem.invalid(reason)
            default: throw error
            }
        }
    }

    func allOrganisations() async throws -> [Organisation] {
        try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
    }

    /// Whether the caller has `permission` on the organisation (no error either way).
    func can(_ user: UserAccount, _ permission: Permission, on code: String) async throws -> Bool {
        AccessPolicy.allows(user, permission, on: code, in: OrganisationTree(try await allOrganisations()))
    }

    /// The organisation, when it is an agency (or a section): letters, meetings, signals and
    /// notices belong to agencies. Call after `require`, which answers an unknown code.
    static func agency(_ code: String, in organisations: [Organisation]) throws -> Organisation {
        guard let organisation = organisations.first(where: { $0.code == code }) else {
            throw APIProblem.notFound("Det finnes ingen organisasjon med koden «\(code)».")
        }
        guard organisation.kind == .agency || organisation.kind == .section else {
            throw APIProblem.notFound(
                "«\(code)» er ikke en etat. Tildelingsbrev, møter, styringssignaler og meldinger hører til etatene; se etatene under «\(code)».")
        }
        return organisation
    }

    @discardableResult
    func agency(_ code: String) async throws -> Organisation {
        try Self.agency(code, in: try await allOrganisations())
    }

    /// The department that steers the agency: its nearest department above.
    static func steeringDepartment(of organisation: Organisation, in organisations: [Organisation]) -> String {
        var current = organisation.parentCode
        var seen = Set<String>()
        while let code = current, seen.insert(code).inserted, let parent = organisations.first(where: { $0.code == code }) {
            if parent.kind == .department { return parent.code }
            current = parent.parentCode
        }
        return organisation.parentCode ?? organisation.code
    }

    /// The dialogue records of the organisation and of every agency (and section) under it: for
    /// an agency its own, for a department its agencies.
    func dialogues(under code: String) async throws -> [AgencyDialogue] {
        try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            let organisations = try await store.organisations()
            let tree = OrganisationTree(organisations)
            var dialogues: [AgencyDialogue] = []
            for organisation in organisations {
                let isAgency = organisation.kind == .agency || organisation.kind == .section
                guard organisation.code == code || (isAgency && tree.isInSubtree(organisation.code, of: code)) else { continue }
                dialogues.append(try await store.dialogue(of: organisation))
            }
            return dialogues
        }
    }

    // MARK: Allocation letters

    func getAllocationLetter(_ input: Operations.GetAllocationLetter.Input) async throws -> Operations.GetAllocationLetter.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        try await agency(code)
        let today = CalendarDate.today()
        let date = try input.query.on.map { try Self.date($0, field: "on") } ?? min(today, CalendarDate(year: year, month: 12, day: 31))
        let (letters, updates) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.letters(of: code), try await store.assignmentUpdates(of: code))
        }
        guard let inForce = LetterRules.inForce(letters.filter { $0.year == year }, on: date) else {
            throw APIProblem.notFound("«\(code)» hadde ikke noe utstedt tildelingsbrev for \(year) per \(NorwegianFormat.date(date)).")
        }
        // The status of each assignment as reported up to the date asked for (or up to today).
        let statusDate = input.query.on == nil ? today : date
        var latest: [String: AssignmentStatusUpdate] = [:]
        for update in updates where update.year == year && update.date <= statusDate { latest[update.assignmentKey] = update }
        let letter = inForce.letter
        let content = inForce.content
        let assignments: [Components.Schemas.LetterAssignment] = content.assignments.map { assignment in
            let update = latest[assignment.key]
            return Components.Schemas.LetterAssignment(
                key: assignment.key, title: assignment.title, description: assignment.description, deadline: assignment.deadline.iso,
                reporting: assignment.reporting,
                status: Components.Schemas.AssignmentStatus(rawValue: (update?.status ?? .notStarted).rawValue)!,
                statusDate: update?.date.iso, statusComment: update?.comment)
        }
        let schemaContent = Components.Schemas.LetterContent(
            frames: content.frames.map {
                Components.Schemas.BudgetFrame(chapter: $0.chapter, expensesOre: $0.expenses.ore, revenuesOre: $0.revenues.ore, netOre: $0.net.ore)
            },
            expectations: content.expectations.map { Components.Schemas.Expectation(key: $0.key, text: $0.text) },
            assignments: assignments,
            meetingPlan: content.meetingPlan.map {
                Components.Schemas.PlannedMeeting(date: $0.date.iso, kind: Components.Schemas.MeetingKind(rawValue: $0.kind.rawValue)!, title: $0.title)
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
            organisationCode: letter.organisationCode, year: letter.year, date: date.iso, title: letter.title,
            issuedOn: letter.issuedOn?.iso ?? "", issuedByCode: letter.issuedByCode, introduction: letter.introduction,
            content: schemaContent, supplements: supplements, laterSupplements: inForce.laterSupplements.map(\.number)))))
    }

    func addAssignmentStatus(_ input: Operations.AddAssignmentStatus.Input) async throws -> Operations.AddAssignmentStatus.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        let user = try await require(.inform, on: code)
        try await agency(code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try Self.date(body.date, field: "date")
        let letters = try await database.withConnection { db in try await SQLGovernanceStore(db).letters(of: code) }
        // The assignment as the letter stood on the date of the update (at the end of the year for a later one).
        let on = min(date, CalendarDate(year: year, month: 12, day: 31))
        guard let inForce = LetterRules.inForce(letters.filter { $0.year == year }, on: on) else {
            throw APIProblem.notFound("«\(code)» hadde ikke noe utstedt tildelingsbrev for \(year) per \(NorwegianFormat.date(on)).")
        }
        guard inForce.content.assignments.contains(where: { $0.key == key }) else {
            throw APIProblem.notFound("Tildelingsbrevet for \(year) til «\(code)» har ikke noe særskilt oppdrag «\(key)» per \(NorwegianFormat.date(on)).")
        }
        let comment = Self.trimmed(body.comment)
        var errors = InputErrors()
        if comment.isEmpty { errors.add("comment", "Skriv en kommentar til statusen.") }
        if comment.count > 4000 { errors.add("comment", "Kommentaren kan være på høyst 4000 tegn.") }
        if date > CalendarDate.today() { errors.add("date", "Datoen (\(NorwegianFormat.date(date))) er frem i tid.") }
        try Self.check(errors)
        let update = AssignmentStatusUpdate(
            organisationCode: code, year: year, assignmentKey: key, date: date, status: AssignmentStatus(rawValue: body.status.rawValue)!,
            comment: comment, recordedBy: user.email)
        try await write(as: user) { store in try await store.add(update) }
        return .created(.init(body: .json(Components.Schemas.AssignmentStatusUpdate(
            organisationCode: update.organisationCode, year: update.year, assignmentKey: update.assignmentKey, date: update.date.iso,
            status: body.status, comment: update.comment, recordedBy: update.recordedBy))))
    }

    // MARK: Meetings

    static func meetingSchema(_ meeting: Meeting) -> Components.Schemas.Meeting {
        Components.Schemas.Meeting(
            id: meeting.id ?? 0, organisationCode: meeting.organisationCode, chairedByCode: meeting.chairedByCode,
            kind: Components.Schemas.MeetingKind(rawValue: meeting.kind.rawValue)!, title: meeting.title, date: meeting.date.iso,
            participants: meeting.participants,
            topics: meeting.topics.map { Components.Schemas.FocusTopic(rawValue: $0.rawValue)! },
            otherTopics: meeting.otherTopics, agenda: meeting.agenda, minutes: meeting.minutes,
            items: meeting.items.map { item in
                Components.Schemas.MeetingItem(
                    number: item.number, kind: Components.Schemas.MeetingItemKind(rawValue: item.kind.rawValue)!, text: item.text,
                    owner: item.owner, deadline: item.deadline?.iso,
                    status: item.status.flatMap { Components.Schemas.AssignmentStatus(rawValue: $0.rawValue) })
            },
            departmentApproval: meeting.departmentApproval.map { Components.Schemas.MinutesApproval(by: $0.by, on: $0.on.iso) },
            agencyApproval: meeting.agencyApproval.map { Components.Schemas.MinutesApproval(by: $0.by, on: $0.on.iso) },
            minutesStatus: Components.Schemas.MinutesStatus(rawValue: meeting.minutesStatus.rawValue)!,
            approvedOn: meeting.approvedOn?.iso)
    }

    func listMeetings(_ input: Operations.ListMeetings.Input) async throws -> Operations.ListMeetings.Output {
        let code = input.path.code
        try await require(.read, on: code)
        try await agency(code)
        let meetings = try await database.withConnection { db in try await SQLGovernanceStore(db).meetings(of: code) }
        return .ok(.init(body: .json(Components.Schemas.MeetingList(items: meetings.map(Self.meetingSchema)))))
    }

    func getMeeting(_ input: Operations.GetMeeting.Input) async throws -> Operations.GetMeeting.Output {
        let (code, id) = (input.path.code, input.path.id)
        try await require(.read, on: code)
        let found = try await database.withConnection { db in try await SQLGovernanceStore(db).meeting(id: id) }
        guard let meeting = found, meeting.organisationCode == code else { throw APIProblem.notFound("Fant ikke møte \(id) hos «\(code)».") }
        return .ok(.init(body: .json(Self.meetingSchema(meeting))))
    }

    func createMeeting(_ input: Operations.CreateMeeting.Input) async throws -> Operations.CreateMeeting.Output {
        let code = input.path.code
        let user = try await require(.steer, on: code)
        let organisations = try await allOrganisations()
        let agency = try Self.agency(code, in: organisations)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try Self.date(body.date, field: "date")
        var items: [MeetingItem] = []
        for item in body.items ?? [] {
            let owner = Self.trimmed(item.owner)
            items.append(MeetingItem(
                number: item.number, kind: MeetingItemKind(rawValue: item.kind.rawValue)!, text: Self.trimmed(item.text),
                owner: owner.isEmpty ? nil : owner,
                deadline: try item.deadline.map { try Self.date($0, field: "items.deadline") },
                status: item.status.flatMap { AssignmentStatus(rawValue: $0.rawValue) }))
        }
        var topics: [FocusTopic] = []
        for topic in body.topics ?? [] {
            if let topic = FocusTopic(rawValue: topic.rawValue), !topics.contains(topic) { topics.append(topic) }
        }
        let meeting = Meeting(
            organisationCode: code, chairedByCode: Self.steeringDepartment(of: agency, in: organisations),
            kind: MeetingKind(rawValue: body.kind.rawValue)!, title: Self.trimmed(body.title), date: date,
            participants: (body.participants ?? []).map { Self.trimmed($0) }.filter { !$0.isEmpty }, topics: topics,
            otherTopics: (body.otherTopics ?? []).map { Self.trimmed($0) }.filter { !$0.isEmpty },
            agenda: (body.agenda ?? []).map { Self.trimmed($0) }.filter { !$0.isEmpty },
            minutes: body.minutes ?? "", items: items)
        var errors = MeetingRules.validate(meeting)
        if items.contains(where: { $0.number < 1 }) { errors.add("punkter", "Punktene nummereres fra 1.") }
        if Set(items.map(\.number)).count != items.count { errors.add("punkter", "To punkter har samme nummer.") }
        try Self.check(errors)
        let id = try await write(as: user) { store in try await store.save(meeting) }
        var created = meeting
        created.id = id
        return .created(.init(body: .json(Self.meetingSchema(created))))
    }

    func approveMinutes(_ input: Operations.ApproveMinutes.Input) async throws -> Operations.ApproveMinutes.Output {
        let (code, id) = (input.path.code, input.path.id)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let side = MeetingSide(rawValue: body.side.rawValue)!
        let user = try await require(side == .department ? .steer : .approveMinutes, on: code)
        let (email, today) = (user.email, CalendarDate.today())
        let approved = try await write(as: user) { store in
            guard let meeting = try await store.meeting(id: id), meeting.organisationCode == code else {
                throw APIProblem.notFound("Fant ikke møte \(id) hos «\(code)».")
            }
            let approved = try MeetingRules.approve(meeting, side: side, by: email, on: today)
            try await store.save(approved)
            return approved
        }
        return .ok(.init(body: .json(Self.meetingSchema(approved))))
    }

    // MARK: Duties to inform

    static func noticeSchema(_ notice: InformationNotice, limit: NotificationLimit) -> Components.Schemas.Notice {
        var schema = Components.Schemas.Notice(
            id: notice.id ?? 0, organisationCode: notice.organisationCode,
            kind: Components.Schemas.NoticeKind(rawValue: notice.kind.rawValue)!, title: notice.title,
            status: Components.Schemas.NoticeStatus(rawValue: notice.status.rawValue)!, createdBy: notice.createdBy,
            createdAt: notice.createdAt, submittedAt: notice.submittedAt,
            answer: notice.answer.map { Components.Schemas.NoticeAnswer(text: $0.text, by: $0.by, at: $0.at) })
        switch notice.details {
        case .clarification(let question):
            schema.question = question
        case .deviation(let area, let description, let expectedEffect, let measures):
            schema.area = Components.Schemas.DeviationArea(rawValue: area.rawValue)
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

    /// What the notice says, from the fields of its kind; fields of other kinds are ignored.
    static func noticeDetails(_ body: Components.Schemas.NoticeInput) throws -> NoticeDetails {
        switch body.kind {
        case .clarificationRequest:
            return .clarification(question: trimmed(body.question))
        case .deviationNotice:
            guard let area = body.area else {
                throw APIProblem.invalid("area: Oppgi om avviket gjelder måloppnåelse (goal) eller budsjett (budget).")
            }
            return .deviation(
                area: DeviationArea(rawValue: area.rawValue)!, description: trimmed(body.description),
                expectedEffect: trimmed(body.expectedEffect), measures: trimmed(body.measures))
        case .improvementProposal:
            return .improvement(rule: trimmed(body.rule), proposedChange: trimmed(body.proposedChange))
        case .incidentNotification:
            guard let occurredAt = body.occurredAt, let detectedAt = body.detectedAt, let notifiedAt = body.notifiedAt else {
                let missing = [("occurredAt", body.occurredAt), ("detectedAt", body.detectedAt), ("notifiedAt", body.notifiedAt)]
                    .filter { $0.1 == nil }.map { $0.0 }
                throw APIProblem.invalid(
                    "\(missing.joined(separator: ", ")): Oppgi når hendelsen inntraff, ble oppdaget og ble varslet (ISO 8601, f.eks. 2021-01-27T10:20:00+01:00).")
            }
            return .incident(
                system: trimmed(body.system), description: trimmed(body.description),
                timing: IncidentTiming(occurredAt: occurredAt, detectedAt: detectedAt, notifiedAt: notifiedAt))
        case .riskUpdate:
            return .risk(text: trimmed(body.riskText))
        }
    }

    func listNotices(_ input: Operations.ListNotices.Input) async throws -> Operations.ListNotices.Output {
        let code = input.path.code
        let user = try await require(.read, on: code)
        try await agency(code)
        // Drafts are the agency's own until sent.
        let seesDrafts = try await can(user, .inform, on: code)
        let notices = try await database.withConnection { db in try await SQLGovernanceStore(db).notices(of: code) }
        let limit = notificationLimit
        return .ok(.init(body: .json(Components.Schemas.NoticeList(
            notificationLimitSeconds: limit.seconds,
            items: notices.filter { seesDrafts || $0.status != .draft }.map { Self.noticeSchema($0, limit: limit) }))))
    }

    func createNotice(_ input: Operations.CreateNotice.Input) async throws -> Operations.CreateNotice.Output {
        let code = input.path.code
        let user = try await require(.inform, on: code)
        try await agency(code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let now = Date()
        let draft = InformationNotice(
            organisationCode: code, title: Self.trimmed(body.title), details: try Self.noticeDetails(body), createdBy: user.email, createdAt: now)
        try Self.check(NoticeRules.validate(draft, now: now))
        let notice: InformationNotice
        if body.submit ?? true {
            notice = try Self.rule { try NoticeRules.submit(draft, at: now) }
        } else {
            notice = draft
        }
        let id = try await write(as: user) { store in try await store.save(notice) }
        var created = notice
        created.id = id
        return .created(.init(body: .json(Self.noticeSchema(created, limit: notificationLimit))))
    }

    func answerNotice(_ input: Operations.AnswerNotice.Input) async throws -> Operations.AnswerNotice.Output {
        let (code, id) = (input.path.code, input.path.id)
        let user = try await require(.steer, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let seesDrafts = try await can(user, .inform, on: code)
        let (text, email, now) = (Self.trimmed(body.text), user.email, Date())
        let answered = try await write(as: user) { store in
            guard let notice = try await store.notice(id: id), notice.organisationCode == code, seesDrafts || notice.status != .draft else {
                throw APIProblem.notFound("Fant ikke melding \(id) hos «\(code)».")
            }
            let answered = try NoticeRules.answer(notice, text: text, by: email, at: now)
            try await store.save(answered)
            return answered
        }
        return .ok(.init(body: .json(Self.noticeSchema(answered, limit: notificationLimit))))
    }

    // MARK: Calendar and governance log

    static func calendarEntrySchema(_ entry: CalendarEntry) -> Components.Schemas.CalendarEntry {
        Components.Schemas.CalendarEntry(
            date: entry.date.iso, kind: Components.Schemas.CalendarEntry.KindPayload(rawValue: entry.kind.rawValue)!,
            organisationCode: entry.organisationCode, title: entry.title, detail: entry.detail, uid: entry.uid, path: entry.path)
    }

    func getCalendar(_ input: Operations.GetCalendar.Input) async throws -> Operations.GetCalendar.Output {
        let code = input.path.code
        try await require(.read, on: code)
        let days = input.query.days ?? 30
        guard (0...366).contains(days) else { throw APIProblem.invalid("days: Velg et antall dager fra 0 til 366.") }
        let today = CalendarDate.today()
        let entries = try await dialogues(under: code)
            .flatMap { AnnualCalendar.entries(for: $0, today: today) }
            .sorted { ($0.date, $0.kind.rawValue, $0.title, $0.organisationCode) < ($1.date, $1.kind.rawValue, $1.title, $1.organisationCode) }
        let due = AnnualCalendar.due(entries, within: days, from: today)
        return .ok(.init(body: .json(Components.Schemas.Calendar(
            today: today.iso, days: days, entries: entries.map(Self.calendarEntrySchema), due: due.map(Self.calendarEntrySchema)))))
    }

    func getGovernanceLog(_ input: Operations.GetGovernanceLog.Input) async throws -> Operations.GetGovernanceLog.Output {
        let code = input.path.code
        try await require(.read, on: code)
        let today = CalendarDate.today()
        let givenFrom = try input.query.from.map { try Self.date($0, field: "from") }
        let givenTo = try input.query.to.map { try Self.date($0, field: "to") }
        // As the page: from 1 January of the year before, to today (or to the end of a later year asked from).
        let from = givenFrom ?? CalendarDate(year: (givenTo ?? today).year - 1, month: 1, day: 1)
        let to = givenTo ?? max(today, givenFrom.map { CalendarDate(year: $0.year, month: 12, day: 31) } ?? today)
        guard from <= to else {
            throw APIProblem.invalid("to: Perioden slutter (\(NorwegianFormat.date(to))) før den begynner (\(NorwegianFormat.date(from))).")
        }
        let limit = notificationLimit
        let entries = try await dialogues(under: code)
            .flatMap { GovernanceLog.entries(for: $0, from: from, to: to, today: today, limit: limit) }
            .sorted { ($0.date, $0.kind.rawValue, $0.title, $0.organisationCode) < ($1.date, $1.kind.rawValue, $1.title, $1.organisationCode) }
        return .ok(.init(body: .json(Components.Schemas.GovernanceLog(
            from: from.iso, to: to.iso,
            items: entries.map { entry in
                Components.Schemas.GovernanceLogEntry(
                    date: entry.date.iso, organisationCode: entry.organisationCode,
                    kind: Components.Schemas.GovernanceLogEntry.KindPayload(rawValue: entry.kind.rawValue)!, title: entry.title,
                    status: entry.status, detail: entry.detail, flagged: entry.isFlagged, unconfirmedDays: entry.unconfirmedDays,
                    secondsToNotify: entry.secondsToNotify, path: entry.path)
            }))))
    }
}
