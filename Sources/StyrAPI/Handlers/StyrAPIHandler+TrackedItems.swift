import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The tracked items of chapter 6 through the API: the same use cases as the tracker's pages
/// (`TrackedItemService`); refusals name the JSON fields (`closedReference` is `reference`).
extension StyrAPIHandler {
    static let closingFields = ["closedReference": "reference"]

    func listTrackedItems(_ input: Operations.ListTrackedItems.Input) async throws -> Operations.ListTrackedItems.Output {
        let listing = try await service { try await services.trackedItems.list(of: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: listing.items.map(Self.trackedItem)))))
    }

    func createTrackedItem(_ input: Operations.CreateTrackedItem.Input) async throws -> Operations.CreateTrackedItem.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.trackedItemDraft(body)
        let item = try await service { try await services.trackedItems.record(draft, in: input.path.code, by: APICaller.current) }
        return .created(.init(body: .json(Self.trackedItem(item))))
    }

    func updateTrackedItem(_ input: Operations.UpdateTrackedItem.Input) async throws -> Operations.UpdateTrackedItem.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.trackedItemDraft(body)
        let item = try await service {
            try await services.trackedItems.update(
                input.path.id, with: draft, in: input.path.code, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        var answer = Self.trackedItem(item)
        answer.version = try await version(RecordVersions.trackedItem(input.path.code, id: input.path.id), in: input.path.code)
        return .ok(.init(body: .json(answer)))
    }

    func closeTrackedItem(_ input: Operations.CloseTrackedItem.Input) async throws -> Operations.CloseTrackedItem.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try Self.date(body.closedOn, field: "closedOn")
        let item = try await service(fields: Self.closingFields) {
            try await services.trackedItems.close(input.path.id, reference: body.reference, on: date, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.trackedItem(item))))
    }

    static func trackedItemDraft(_ body: Components.Schemas.TrackedItemInput) throws -> TrackedItemDraft {
        TrackedItemDraft(
            source: trackedItemSource(body.source), title: body.title, date: try date(body.date, field: "date"), text: body.text,
            responsible: body.responsible ?? "", measures: body.measures ?? "", status: body.status == .inProgress ? .inProgress : .open)
    }

    static func trackedItem(_ item: TrackedItem) -> Components.Schemas.TrackedItem {
        Components.Schemas.TrackedItem(
            id: item.id ?? 0, organisationCode: item.organisationCode, source: trackedItemSource(item.source), section: item.source.section,
            title: item.title, date: item.date.iso, text: item.text, responsible: item.responsible, measures: item.measures,
            status: trackedItemStatus(item.status), closedReference: item.closedReference, closedOn: item.closedOn?.iso)
    }

    static func trackedItemSource(_ source: Components.Schemas.TrackedItemSource) -> TrackedItemSource {
        switch source {
        case .cityCouncil: .cityCouncil
        case .municipalAuditor: .municipalAuditor
        case .controlCommittee: .controlCommittee
        }
    }

    static func trackedItemSource(_ source: TrackedItemSource) -> Components.Schemas.TrackedItemSource {
        switch source {
        case .cityCouncil: .cityCouncil
        case .municipalAuditor: .municipalAuditor
        case .controlCommittee: .controlCommittee
        }
    }

    static func trackedItemStatus(_ status: TrackedItemStatus) -> Components.Schemas.TrackedItem.StatusPayload {
        switch status {
        case .open: .open
        case .inProgress: .inProgress
        case .closed: .closed
        }
    }
}
