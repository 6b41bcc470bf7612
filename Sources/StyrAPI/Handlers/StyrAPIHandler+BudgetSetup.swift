import Foundation
import StyrDomain
import StyrServices

/// Post groupings (the department's), monthly budget profiles (the agency's) and the threshold for
/// explanations (the department's): what the accounting report is computed with besides the
/// numbers. The same use cases and rules as the web forms (`BudgetSetupService`).
extension StyrAPIHandler {
    /// The operation's name of each of the threshold's fields.
    static let thresholdFields = ["amount": "amountOre", "percent": "percentBasisPoints", "year": "year"]

    func getBudgetSetup(_ input: Operations.GetBudgetSetup.Input) async throws -> Operations.GetBudgetSetup.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let setup = try await service { try await services.budgetSetup.setup(in: code, year: year, by: APICaller.current) }.setup
        return .ok(.init(body: .json(Components.Schemas.BudgetSetup(
            organisationCode: code, year: year, postGroupings: setup.chapters.map { Self.groupingSchema($0, setup.groupings.byChapter[$0.number]) },
            profiles: Self.profilesSchema(setup.profiles, year: year), threshold: Self.thresholdSchema(setup, year: year)))))
    }

    func putForecastThreshold(_ input: Operations.PutForecastThreshold.Input) async throws -> Operations.PutForecastThreshold.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let threshold = ForecastThreshold(amount: Money(ore: body.amountOre), percentBasisPoints: body.percentBasisPoints, rule: Self.rule(body.rule))
        let setup = try await service(fields: Self.thresholdFields) {
            try await services.budgetSetup.saveThreshold(threshold, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.thresholdSchema(setup, year: year))))
    }

    func deleteForecastThreshold(_ input: Operations.DeleteForecastThreshold.Input) async throws -> Operations.DeleteForecastThreshold.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let setup = try await service { try await services.budgetSetup.saveThreshold(nil, in: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(Self.thresholdSchema(setup, year: year))))
    }

    static func rule(_ rule: Components.Schemas.ForecastThresholdInput.RulePayload) -> ForecastThreshold.Rule {
        switch rule {
        case .amountAndPercent: .amountAndPercent
        case .amountOrPercent: .amountOrPercent
        }
    }

    /// The threshold that applies: the department's for the year, else the server's.
    static func thresholdSchema(_ setup: BudgetSetup, year: Int) -> Components.Schemas.ForecastThresholdSetting {
        let threshold = setup.threshold
        let rule: Components.Schemas.ForecastThresholdSetting.RulePayload = switch threshold.rule {
        case .amountAndPercent: .amountAndPercent
        case .amountOrPercent: .amountOrPercent
        }
        return Components.Schemas.ForecastThresholdSetting(
            version: Int64(setup.thresholdVersion), year: year, amountOre: threshold.amount.ore, percentBasisPoints: threshold.percentBasisPoints, rule: rule,
            isStandard: setup.ownThreshold == nil, description: threshold.norwegianDescription)
    }

    func putPostGrouping(_ input: Operations.PutPostGrouping.Input) async throws -> Operations.PutPostGrouping.Output {
        let (code, number) = (input.path.code, input.path.chapter)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let drafts = body.posts.map { BudgetSetupText.PostDraft(code: $0.code, name: $0.name, arts: $0.arts) }
        let saved = try await listedErrors {
            try await services.budgetSetup.saveGrouping(posts: drafts, chapter: number, in: code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.groupingSchema(saved.chapter, saved.grouping))))
    }

    func putBudgetProfiles(_ input: Operations.PutBudgetProfiles.Input) async throws -> Operations.PutBudgetProfiles.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = BudgetSetupService.ProfilesDraft(everyPost: body.everyPost, posts: (body.posts ?? []).map { post in
            BudgetSetupService.ProfilesDraft.Post(chapter: post.chapter, kind: Self.kind(post.kind), postCode: post.postCode, weights: post.weights)
        })
        let profiles = try await listedErrors { try await services.budgetSetup.saveProfiles(draft, in: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(Self.profilesSchema(profiles, year: year))))
    }

    /// Runs a use case whose refusal lists every error in `errors` as well as in `detail`, each
    /// named by its field (`posts[1].arts: …`); a refusal of the grouping as a whole (`posts`)
    /// is its message alone.
    func listedErrors<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch ServiceError.invalid(let errors) {
            let messages = errors.entries.map { $0.field == "posts" ? $0.message : "\($0.field): \($0.message)" }
            throw APIProblem(status: 422, title: "Ugyldige data", detail: messages.joined(separator: " "), errors: messages)
        } catch let error as ServiceError {
            throw APIProblem(error)
        }
    }

    static func kind(_ kind: Components.Schemas.PostProfile.KindPayload) -> AccountKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func kind(_ kind: AccountKind) -> Components.Schemas.PostProfile.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func groupingSchema(_ chapter: Chapter, _ grouping: PostGrouping?) -> Components.Schemas.ChapterPostGrouping {
        Components.Schemas.ChapterPostGrouping(
            chapter: chapter.number, chapterName: chapter.name, isStandard: grouping == nil,
            posts: (grouping ?? .standard).posts.map { post in
                Components.Schemas.BudgetPost(code: post.code, name: post.name, arts: PostGrouping.artFilter(post).split(separator: ",").map(String.init))
            })
    }

    static func profilesSchema(_ profiles: BudgetSetupText.Profiles, year: Int) -> Components.Schemas.BudgetProfiles {
        Components.Schemas.BudgetProfiles(
            year: year, everyPost: profiles.fallback?.weights,
            posts: profiles.byPost.sorted { $0.key < $1.key }.map { key, profile in
                Components.Schemas.PostProfile(chapter: key.chapter, kind: Self.kind(key.kind), postCode: key.postCode, weights: profile.weights)
            })
    }
}
