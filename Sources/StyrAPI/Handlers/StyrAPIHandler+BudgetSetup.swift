import Foundation
import StyrDomain
import StyrStorage

/// Post groupings (the department's) and monthly budget profiles (the agency's): what the
/// accounting report is computed with besides the numbers. The same rules as the web forms.
extension StyrAPIHandler {
    func getBudgetSetup(_ input: Operations.GetBudgetSetup.Input) async throws -> Operations.GetBudgetSetup.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let (chapters, groupings, profiles, threshold) = try await database.withConnection { db in
            let setup = SQLBudgetSetupStore(db)
            return (try await SQLGovernanceStore(db).chapters(of: code), try await setup.groupings(), try await setup.profiles(of: code, year: year),
                    try await setup.threshold(of: code, year: year))
        }
        return .ok(.init(body: .json(Components.Schemas.BudgetSetup(
            organisationCode: code, year: year,
            postGroupings: chapters.map { Self.groupingSchema($0, groupings.byChapter[$0.number]) },
            profiles: Self.profilesSchema(profiles, year: year),
            threshold: thresholdSchema(threshold, year: year)))))
    }

    func putForecastThreshold(_ input: Operations.PutForecastThreshold.Input) async throws -> Operations.PutForecastThreshold.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let user = try await require(.steer, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let threshold = ForecastThreshold(
            amount: Money(ore: body.amountOre), percentBasisPoints: body.percentBasisPoints,
            rule: body.rule == .amountOrPercent ? .amountOrPercent : .amountAndPercent)
        let email = user.email
        do {
            // The store refuses limits out of range, with the reason.
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveThreshold(threshold, of: code, year: year) }
        } catch let error as StorageError {
            throw APIProblem.invalid(error.description)
        }
        return .ok(.init(body: .json(thresholdSchema(threshold, year: year))))
    }

    func deleteForecastThreshold(_ input: Operations.DeleteForecastThreshold.Input) async throws -> Operations.DeleteForecastThreshold.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let user = try await require(.steer, on: code)
        let email = user.email
        try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveThreshold(nil, of: code, year: year) }
        return .ok(.init(body: .json(thresholdSchema(nil, year: year))))
    }

    /// The threshold that applies: the department's for the year, else the server's.
    func thresholdSchema(_ stored: ForecastThreshold?, year: Int) -> Components.Schemas.ForecastThresholdSetting {
        let threshold = stored ?? forecastThreshold
        return Components.Schemas.ForecastThresholdSetting(
            year: year, amountOre: threshold.amount.ore, percentBasisPoints: threshold.percentBasisPoints,
            rule: threshold.rule == .amountAndPercent ? .amountAndPercent : .amountOrPercent, isStandard: stored == nil,
            description: threshold.norwegianDescription)
    }

    func putPostGrouping(_ input: Operations.PutPostGrouping.Input) async throws -> Operations.PutPostGrouping.Output {
        let (code, number) = (input.path.code, input.path.chapter)
        let user = try await require(.steer, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        guard let chapter = try await database.withConnection({ db in try await SQLGovernanceStore(db).chapters(of: code) })
            .first(where: { $0.number == number }) else {
            throw APIProblem.notFound("Kapittel \(number) hører ikke til «\(code)».")
        }
        var posts: [BudgetPost] = []
        var errors: [String] = []
        for (index, post) in body.posts.enumerated() {
            var arts: [ClosedRange<Int>] = []
            for text in post.arts {
                switch BudgetSetupText.artRanges(text) {
                case .success(let ranges): arts += ranges
                case .failure(let problem): errors.append("posts[\(index)].arts: \(problem.description)")
                }
            }
            posts.append(BudgetPost(code: post.code.trimmingCharacters(in: .whitespaces), name: post.name.trimmingCharacters(in: .whitespaces), arts: arts))
        }
        var grouping: PostGrouping?
        if errors.isEmpty, !posts.isEmpty {
            do {
                let read = try PostGrouping(posts: posts)
                if let problem = read.budgetProblem { errors.append(problem) } else { grouping = read }
            } catch {
                errors.append(error.description)
            }
        }
        guard errors.isEmpty else { throw APIProblem(status: 422, title: "Ugyldige data", detail: errors.joined(separator: " "), errors: errors) }
        let toSave = grouping == .standard ? nil : grouping
        let email = user.email
        do {
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveGrouping(toSave, chapter: number) }
        } catch let error as StorageError {
            throw APIProblem.invalid(error.description)
        }
        return .ok(.init(body: .json(Self.groupingSchema(chapter, toSave))))
    }

    func putBudgetProfiles(_ input: Operations.PutBudgetProfiles.Input) async throws -> Operations.PutBudgetProfiles.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let user = try await require(.enterResults, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let (chapters, groupings) = try await database.withConnection { db in
            (try await SQLGovernanceStore(db).chapters(of: code), try await SQLBudgetSetupStore(db).groupings())
        }
        var profiles = BudgetSetupText.Profiles()
        var errors: [String] = []
        if let weights = body.everyPost {
            do { profiles.fallback = try BudgetProfile(weights: weights) } catch { errors.append("everyPost: \(error.description)") }
        }
        for (index, post) in (body.posts ?? []).enumerated() {
            let field = "posts[\(index)]"
            guard chapters.contains(where: { $0.number == post.chapter }) else {
                errors.append("\(field): kapittel \(post.chapter) hører ikke til «\(code)».")
                continue
            }
            let grouping = groupings.grouping(forChapter: post.chapter)
            guard grouping.post(code: post.postCode.trimmingCharacters(in: .whitespaces)) != nil else {
                errors.append("\(field): kapittel \(post.chapter) har ingen post «\(post.postCode)»; postene er \(grouping.posts.map(\.code).joined(separator: ", ")).")
                continue
            }
            let key = PostKey(chapter: post.chapter, kind: post.kind == .operating ? .operating : .investment,
                              postCode: post.postCode.trimmingCharacters(in: .whitespaces))
            guard profiles.byPost[key] == nil else {
                errors.append("\(field): posten står mer enn én gang.")
                continue
            }
            do { profiles.byPost[key] = try BudgetProfile(weights: post.weights) } catch { errors.append("\(field): \(error.description)") }
        }
        guard errors.isEmpty else { throw APIProblem(status: 422, title: "Ugyldige data", detail: errors.joined(separator: " "), errors: errors) }
        let (email, toSave) = (user.email, profiles)
        try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: email).saveProfiles(toSave, of: code, year: year) }
        return .ok(.init(body: .json(Self.profilesSchema(profiles, year: year))))
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
                Components.Schemas.PostProfile(
                    chapter: key.chapter, kind: key.kind == .operating ? .operating : .investment, postCode: key.postCode, weights: profile.weights)
            })
    }
}
