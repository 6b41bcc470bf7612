import Foundation

/// The line formats in which a chapter's post grouping and an agency's monthly budget profiles are
/// written and edited, with errors naming the line.
///
/// Post grouping, one post a line: `kode; navn; artsgrupper`, e.g.
/// `100-399; Kjøp av varer og tjenester; 100-299, 300-399`. Because the budget (Dok. 3 and its
/// revisions) is decided per artsgruppe, a post covers whole artsgrupper, and every artsgruppe
/// lies in exactly one post — no amount is left without a post.
///
/// Profiles, one a line: `alle: 12 vekter` for every post, or `<kapittel> <drift|investering>
/// <postkode>: 12 vekter` for one post. Weights are non-negative numbers with up to two decimals
/// separated by `;` (percentages such as `8,33`, or last year's amounts); only their proportions count.
public enum BudgetSetupText {
    public static let groupingFormat = "Én post per linje: kode; navn; artsgrupper (f.eks. «100-399; Kjøp av varer og tjenester; 100-299, 300-399»). Tomt tekstfelt gir standardinndelingen (én post per artsgruppe)."
    public static let profileFormat = "Én profil per linje: «alle: 12 vekter» for alle poster, eller «125 drift 000-099: 12 vekter» for én post. Vektene skilles med semikolon, f.eks. prosenter med inntil to desimaler."

    /// A reason in Norwegian.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    // MARK: Post grouping

    /// The grouping as its lines.
    public static func text(_ grouping: PostGrouping) -> String {
        grouping.posts.map { post in "\(post.code); \(post.name); " + rangesText(post.arts, separator: ", ") }.joined(separator: "\n")
    }

    /// Reads a grouping; nil (the standard grouping) for an empty text. Errors name the line.
    public static func grouping(_ text: String) -> Result<PostGrouping?, InputErrors> {
        var errors = InputErrors()
        var posts: [BudgetPost] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let number = index + 1
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 else {
                errors.add("linje \(number)", "Linje \(number): skriv kode; navn; artsgrupper (tre felt skilt med semikolon), ikke «\(line)».")
                continue
            }
            switch artRanges(parts[2]) {
            case .success(let ranges):
                posts.append(BudgetPost(code: parts[0], name: parts[1], arts: ranges))
            case .failure(let problem):
                errors.add("linje \(number)", "Linje \(number): \(problem.description)")
            }
        }
        guard errors.isEmpty else { return .failure(errors) }
        if posts.isEmpty { return .success(nil) }
        do {
            let grouping = try PostGrouping(posts: posts)
            if let problem = grouping.budgetProblem {
                errors.add("poster", problem)
                return .failure(errors)
            }
            return .success(grouping)
        } catch {
            errors.add("poster", error.description)
            return .failure(errors)
        }
    }

    /// A post as sent in a list (the API's JSON): its code, name and arts as ranges (`100-299`).
    public struct PostDraft: Hashable, Sendable {
        public var code: String
        public var name: String
        public var arts: [String]

        public init(code: String, name: String, arts: [String]) {
            self.code = code
            self.name = name
            self.arts = arts
        }
    }

    /// Reads a grouping from a list of posts; nil (the standard grouping) for none. Errors name
    /// the post (`posts[1].arts`) or the grouping as a whole (`posts`), with the same messages as
    /// the line format's.
    public static func grouping(posts drafts: [PostDraft]) -> Result<PostGrouping?, InputErrors> {
        var errors = InputErrors()
        var posts: [BudgetPost] = []
        for (index, draft) in drafts.enumerated() {
            var arts: [ClosedRange<Int>] = []
            for text in draft.arts {
                switch artRanges(text) {
                case .success(let ranges): arts += ranges
                case .failure(let problem): errors.add("posts[\(index)].arts", problem.description)
                }
            }
            posts.append(BudgetPost(code: draft.code.trimmingCharacters(in: .whitespaces), name: draft.name.trimmingCharacters(in: .whitespaces), arts: arts))
        }
        guard errors.isEmpty else { return .failure(errors) }
        if posts.isEmpty { return .success(nil) }
        do {
            let grouping = try PostGrouping(posts: posts)
            if let problem = grouping.budgetProblem { return .failure(.single("posts", problem)) }
            return .success(grouping)
        } catch {
            return .failure(.single("posts", error.description))
        }
    }

    /// Ranges of arts as written: `100-299, 300-399`.
    static func rangesText(_ ranges: [ClosedRange<Int>], separator: String) -> String {
        ranges.map { "\(LedgerLine.artCode($0.lowerBound))-\(LedgerLine.artCode($0.upperBound))" }.joined(separator: separator)
    }

    /// `100-299, 300-399` or `010, 020-029` as closed ranges of arts.
    public static func artRanges(_ text: String) -> Result<[ClosedRange<Int>], Problem> {
        var ranges: [ClosedRange<Int>] = []
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return .failure(Problem("posten dekker ingen arter; skriv artsgrupper som 100-299")) }
        for item in items {
            let bounds = item.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
                  let low = Int(bounds[0]), let high = Int(bounds.last!), low <= high else {
                return .failure(Problem("«\(item)» er ikke en art (tre siffer) eller et intervall av arter som 100-299"))
            }
            ranges.append(low...high)
        }
        return .success(ranges)
    }

    // MARK: Profiles

    /// The profiles of an organisation and year: one for every post, and some for single posts.
    public struct Profiles: Hashable, Sendable {
        public var fallback: BudgetProfile?
        public var byPost: [PostKey: BudgetProfile]

        public init(fallback: BudgetProfile? = nil, byPost: [PostKey: BudgetProfile] = [:]) {
            self.fallback = fallback
            self.byPost = byPost
        }

        public var isEmpty: Bool { fallback == nil && byPost.isEmpty }
    }

    public static func text(_ profiles: Profiles) -> String {
        var lines: [String] = []
        if let fallback = profiles.fallback { lines.append("alle: " + weights(fallback)) }
        for (key, profile) in profiles.byPost.sorted(by: { $0.key < $1.key }) {
            lines.append("\(key.chapter) \(key.kind == .operating ? "drift" : "investering") \(key.postCode): " + weights(profile))
        }
        return lines.joined(separator: "\n")
    }

    private static func weights(_ profile: BudgetProfile) -> String {
        profile.weights.map { weight in
            let whole = weight / 100, hundredths = weight % 100
            if hundredths == 0 { return "\(whole)" }
            return hundredths % 10 == 0 ? "\(whole),\(hundredths / 10)" : "\(whole),\(pad(Int(hundredths), 2))"
        }.joined(separator: "; ")
    }

    /// Reads profiles. A post line must name a post of its chapter's grouping (`postsByChapter`).
    public static func profiles(_ text: String, postsByChapter: [Int: PostGrouping]) -> Result<Profiles, InputErrors> {
        var errors = InputErrors()
        var profiles = Profiles()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let number = index + 1
            guard let colon = line.firstIndex(of: ":") else {
                errors.add("linje \(number)", "Linje \(number): skriv «alle:» eller «kapittel drift|investering postkode:» foran de tolv vektene.")
                continue
            }
            let head = line[..<colon].trimmingCharacters(in: .whitespaces)
            let values = line[line.index(after: colon)...].split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var weights: [Int64] = []
            var bad: String?
            for value in values {
                guard let weight = hundredths(value) else { bad = value; break }
                weights.append(weight)
            }
            if let bad {
                errors.add("linje \(number)", "Linje \(number): «\(bad)» er ikke en vekt (et tall ≥ 0 med inntil to desimaler).")
                continue
            }
            let profile: BudgetProfile
            do {
                profile = try BudgetProfile(weights: weights)
            } catch {
                errors.add("linje \(number)", "Linje \(number): \(error.description)")
                continue
            }
            if head.lowercased() == "alle" {
                if profiles.fallback != nil { errors.add("linje \(number)", "Linje \(number): «alle» står mer enn én gang.") }
                profiles.fallback = profile
                continue
            }
            let words = head.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3, let chapter = Int(words[0]) else {
                errors.add("linje \(number)", "Linje \(number): «\(head)» er verken «alle» eller «kapittel drift|investering postkode».")
                continue
            }
            let kind: AccountKind
            switch words[1].lowercased() {
            case "drift": kind = .operating
            case "investering": kind = .investment
            default:
                errors.add("linje \(number)", "Linje \(number): «\(words[1])» er verken drift eller investering.")
                continue
            }
            guard let grouping = postsByChapter[chapter] else {
                errors.add("linje \(number)", "Linje \(number): kapittel \(chapter) hører ikke til virksomheten.")
                continue
            }
            let code = words[2].trimmingCharacters(in: .whitespaces)
            guard grouping.post(code: code) != nil else {
                errors.add("linje \(number)", "Linje \(number): kapittel \(chapter) har ingen post «\(code)»; postene er \(grouping.posts.map(\.code).joined(separator: ", ")).")
                continue
            }
            let key = PostKey(chapter: chapter, kind: kind, postCode: code)
            if profiles.byPost[key] != nil { errors.add("linje \(number)", "Linje \(number): posten står mer enn én gang.") }
            profiles.byPost[key] = profile
        }
        return errors.isEmpty ? .success(profiles) : .failure(errors)
    }

    /// `8,33` → 833: a non-negative number with at most two decimals, in hundredths.
    static func hundredths(_ text: String) -> Int64? {
        let normalized = text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        let parts = normalized.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber), whole < 1_000_000_000_000 else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber), let digits = Int64(fraction) else { return nil }
        return whole * 100 + (fraction.count == 1 ? digits * 10 : digits)
    }
}

extension PostGrouping {
    /// Why this grouping cannot carry a budget decided per artsgruppe: an artsgruppe split between
    /// posts, or one in no post (its amounts would be lost). Nil when every artsgruppe lies whole in one post.
    public var budgetProblem: String? {
        for group in ObjectGroup.standard {
            let owners = posts.filter { post in (group.first...group.last).contains { post.contains(art: $0) } }
            if owners.isEmpty { return "Artsgruppe \(group.code) er ikke med i noen post; beløpene der ville falle bort." }
            if owners.count == 1, post(covering: group) == nil {
                return "Artsgruppe \(group.code) er bare delvis med (i «\(owners[0].code)»); en post må dekke hele artsgrupper, ellers faller beløp bort."
            }
            if owners.count > 1 {
                return "Artsgruppe \(group.code) er delt (\(owners.map { "«\($0.code)»" }.joined(separator: " og "))); budsjettet vedtas per artsgruppe, så en post må dekke hele artsgrupper."
            }
        }
        return nil
    }

    /// The arts of a post as a filter value for the ledger pages: `100-299,300-399`.
    public static func artFilter(_ post: BudgetPost) -> String { BudgetSetupText.rangesText(post.arts, separator: ",") }
}
