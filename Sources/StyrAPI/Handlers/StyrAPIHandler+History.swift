import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The audit history of one object through the API: the same use case as the history page
/// (`HistoryService`), with the entries as stored (the page renders them in words).
extension StyrAPIHandler {
    func getHistory(_ input: Operations.GetHistory.Input) async throws -> Operations.GetHistory.Output {
        let history = try await service {
            try await services.history.history(ofType: input.query._type, key: input.query.key, by: APICaller.current)
        }
        return .ok(.init(body: .json(.init(items: history.entries.map {
            .init(sequence: $0.sequence, occurredAt: $0.occurredAt, actor: $0.actor, action: Self.action($0.action),
                  entityType: $0.entityType, entityKey: $0.entityKey, before: $0.before, after: $0.after,
                  previousHash: $0.previousHash, hash: $0.hash)
        }))))
    }

    static func action(_ action: AuditAction) -> Components.Schemas.AuditEntry.ActionPayload {
        switch action {
        case .create: .create
        case .update: .update
        case .delete: .delete
        }
    }
}
