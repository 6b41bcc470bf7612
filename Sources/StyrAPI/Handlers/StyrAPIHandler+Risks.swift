import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The risk register and the internal control plan through the API: the same use cases as the
/// pages (`RiskService`, `InternalControlService`). The rules name their fields as the JSON does.
extension StyrAPIHandler {
    func listRisks(_ input: Operations.ListRisks.Input) async throws -> Operations.ListRisks.Output {
        let register = try await service { try await services.risks.register(in: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            organisationCode: register.scope.code, acceptanceLevel: register.settings.acceptanceLevel,
            likelihoodLabels: register.settings.likelihoodLabels, consequenceLabels: register.settings.consequenceLabels,
            risks: register.risks.map { Self.risk($0, settings: register.settings) }))))
    }

    func createRisk(_ input: Operations.CreateRisk.Input) async throws -> Operations.CreateRisk.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.riskDraft(body)
        let (risk, settings) = try await service {
            let risk = try await services.risks.record(draft, in: input.path.code, by: APICaller.current)
            return (risk, try await services.risks.register(in: input.path.code, by: APICaller.current).settings)
        }
        return .created(.init(body: .json(Self.risk(risk, settings: settings))))
    }

    func putRisk(_ input: Operations.PutRisk.Input) async throws -> Operations.PutRisk.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.riskDraft(body)
        let (risk, settings) = try await service {
            let risk = try await services.risks.edit(
                input.path.id, with: draft, in: input.path.code, version: Self.sentVersion(body.version), by: APICaller.current)
            return (risk, try await services.risks.register(in: input.path.code, by: APICaller.current).settings)
        }
        var answer = Self.risk(risk, settings: settings)
        answer.version = try await version(RecordVersions.risk(input.path.code, id: input.path.id), in: input.path.code)
        return .ok(.init(body: .json(answer)))
    }

    func createRiskAssessment(_ input: Operations.CreateRiskAssessment.Input) async throws -> Operations.CreateRiskAssessment.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = AssessmentDraft(
            date: try Self.date(body.date, field: "date"), likelihood: body.likelihood, consequenceLevel: body.consequenceLevel,
            residualLikelihood: body.residualLikelihood, residualConsequenceLevel: body.residualConsequenceLevel, note: body.note ?? "")
        let (risk, settings) = try await service {
            let risk = try await services.risks.assess(input.path.id, draft, in: input.path.code, by: APICaller.current)
            return (risk, try await services.risks.register(in: input.path.code, by: APICaller.current).settings)
        }
        return .created(.init(body: .json(Self.risk(risk, settings: settings))))
    }

    func getControlPlan(_ input: Operations.GetControlPlan.Input) async throws -> Operations.GetControlPlan.Output {
        let plan = try await service { try await services.internalControl.plan(in: input.path.code, year: input.path.year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            organisationCode: plan.scope.code, year: plan.year, asOf: plan.asOf.iso, incidents: plan.incidents.count,
            controls: plan.activities.map { Self.control($0, plan: plan) }))))
    }

    static func riskDraft(_ body: Components.Schemas.RiskInput) throws -> RiskDraft {
        RiskDraft(
            title: body.title, description: body.description ?? "", cause: body.cause ?? "", consequence: body.consequence ?? "",
            category: riskCategory(body.category), owner: body.owner,
            links: (body.links ?? []).map { link in
                let kind: RiskLink.Kind = switch link.kind {
                case .goal: .goal
                case .indicator: .indicator
                case .assignment: .assignment
                case .service: .service
                }
                return RiskLink(kind: kind, key: link.key)
            },
            recordedOn: try date(body.recordedOn, field: "recordedOn"), likelihood: body.likelihood, consequenceLevel: body.consequenceLevel,
            residualLikelihood: body.residualLikelihood, residualConsequenceLevel: body.residualConsequenceLevel)
    }

    static func riskCategory(_ category: Components.Schemas.RiskCategory) -> RiskCategory {
        switch category {
        case .goalAchievement: .goalAchievement
        case .finance: .finance
        case .informationSecurity: .informationSecurity
        case .operations: .operations
        case .reputation: .reputation
        case .hse: .hse
        case .compliance: .compliance
        case .other: .other
        }
    }

    static func riskCategory(_ category: RiskCategory) -> Components.Schemas.RiskCategory {
        switch category {
        case .goalAchievement: .goalAchievement
        case .finance: .finance
        case .informationSecurity: .informationSecurity
        case .operations: .operations
        case .reputation: .reputation
        case .hse: .hse
        case .compliance: .compliance
        case .other: .other
        }
    }

    static func score(_ score: RiskScore) -> Components.Schemas.RiskScore {
        .init(likelihood: score.likelihood, consequence: score.consequence, score: score.score)
    }

    static func risk(_ risk: Risk, settings: RiskSettings) -> Components.Schemas.Risk {
        .init(
            id: risk.id ?? 0, organisationCode: risk.organisationCode, title: risk.title, description: risk.description, cause: risk.cause,
            consequence: risk.consequence, category: riskCategory(risk.category), owner: risk.owner,
            links: risk.links.map { link in
                let kind: Components.Schemas.RiskLink.KindPayload = switch link.kind {
                case .goal: .goal
                case .indicator: .indicator
                case .assignment: .assignment
                case .service: .service
                }
                return .init(kind: kind, key: link.key)
            },
            recordedOn: risk.recordedOn.iso, closedOn: risk.closedOn?.iso, isExample: risk.isExample,
            aboveAcceptance: risk.current.map { settings.isAboveAcceptance($0.residual) } ?? false,
            assessments: risk.assessments.map {
                .init(date: $0.date.iso, inherent: score($0.inherent), residual: score($0.residual), note: $0.note, by: $0.by)
            },
            measures: risk.measures.map { measure in
                let status: Components.Schemas.RiskMeasure.StatusPayload = switch measure.status {
                case .planned: .planned
                case .inProgress: .inProgress
                case .done: .done
                case .cancelled: .cancelled
                }
                return .init(number: measure.number, description: measure.description, owner: measure.owner, deadline: measure.deadline.iso,
                             status: status, expectedEffect: measure.expectedEffect)
            })
    }

    static func control(_ activity: ControlActivity, plan: InternalControlService.Plan) -> Components.Schemas.ControlActivity {
        let kind: Components.Schemas.ControlActivity.RequirementKindPayload = switch activity.requirement.kind {
        case .act: .act
        case .instruction: .instruction
        case .isoControl: .isoControl
        case .risk: .risk
        }
        let frequency: Components.Schemas.ControlActivity.FrequencyPayload = switch activity.frequency {
        case .monthly: .monthly
        case .quarterly: .quarterly
        case .tertial: .tertial
        case .halfYearly: .halfYearly
        case .yearly: .yearly
        }
        let status: Components.Schemas.ControlActivity.StatusPayload = switch plan.status(activity) {
        case .openDeviation: .openDeviation
        case .behindPlan: .behindPlan
        case .inOrder: .inOrder
        case .notDue: .notDue
        }
        let requirement = switch activity.requirement.kind {
        case .act, .instruction: activity.requirement.reference
        case .isoControl: plan.isoControl(activity.requirement.reference)?.description ?? "A.\(activity.requirement.reference)"
        case .risk: "Risiko nr. \(activity.requirement.reference)"
        }
        return .init(
            id: activity.id ?? 0, title: activity.title, requirementKind: kind, requirementReference: activity.requirement.reference,
            requirement: requirement, frequency: frequency, responsible: activity.responsible, status: status, isExample: activity.isExample,
            executions: activity.executions.map { execution in
                .init(
                    number: execution.number, date: execution.date.iso, result: execution.result == .inOrder ? .inOrder : .deviation,
                    note: execution.note, performedBy: execution.performedBy,
                    deviation: execution.deviation.map {
                        .init(description: $0.description, measure: $0.measure, closedOn: $0.closedOn?.iso, closingNote: $0.closingNote)
                    },
                    evidence: execution.evidence.map {
                        .init(id: $0.id, filename: $0.filename, contentType: $0.contentType, byteCount: $0.byteCount, sha256: $0.sha256)
                    })
            })
    }
}
