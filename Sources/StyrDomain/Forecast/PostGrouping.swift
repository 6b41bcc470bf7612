import Foundation

/// A budget post (*post*) of a chapter: a code, a name and the KOSTRA arts it covers.
///
/// Oslo kommune decides the budget per chapter; the split into posts is administrative, and by
/// default a post is one of the nine artsgrupper (000-099 … 900-999). A post covers either
/// expense arts (000–599) or revenue arts (600–999), never both.
public struct BudgetPost: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// The arts of the post, as closed ranges within 000–999.
    public var arts: [ClosedRange<Int>]

    public init(code: String, name: String, arts: [ClosedRange<Int>]) {
        self.code = code
        self.name = name
        self.arts = arts
    }

    /// The post of one artsgruppe: code `000-099`, the printed name of the group.
    public init(group: ObjectGroup, name: String? = nil) {
        self.init(code: group.code, name: name ?? ObjectGroupLabels.label(for: group), arts: [group.first...group.last])
    }

    public func contains(art: Int) -> Bool { arts.contains { $0.contains(art) } }

    public static let maximumCodeLength = 50
    public static let maximumNameLength = 200

    /// An expense post (arts below 600); otherwise a revenue post.
    public var isExpense: Bool { arts.allSatisfy { $0.upperBound < 600 } }

    /// `000-099 Lønn og sosiale utgifter`.
    public var label: String { name.isEmpty ? code : "\(code) \(name)" }
}

/// Why a list of posts is not a valid grouping.
public enum PostGroupingError: Error, Hashable, Sendable, CustomStringConvertible {
    case noPosts
    case emptyCode
    case duplicateCode(String)
    case invalidCode(String)
    case invalidName(String)
    case noArts(String)
    case artOutOfRange(String)
    case mixesExpensesAndRevenues(String)
    case overlap(String, String, art: Int)

    public var description: String {
        switch self {
        case .noPosts: "Postinndelingen har ingen poster."
        case .emptyCode: "En post mangler postkode."
        case .duplicateCode(let code): "Postkoden «\(code)» er brukt mer enn én gang."
        case .invalidCode(let code): "Postkoden «\(code)» kan ikke inneholde semikolon, kolon eller linjeskift, og har høyst \(BudgetPost.maximumCodeLength) tegn."
        case .invalidName(let code): "Navnet på post «\(code)» kan ikke inneholde semikolon eller linjeskift, og har høyst \(BudgetPost.maximumNameLength) tegn."
        case .noArts(let code): "Posten «\(code)» dekker ingen arter."
        case .artOutOfRange(let code): "Posten «\(code)» har arter utenfor 000–999."
        case .mixesExpensesAndRevenues(let code):
            "Posten «\(code)» blander utgiftsarter (000–599) og inntektsarter (600–999)."
        case .overlap(let first, let second, let art):
            "Art \(LedgerLine.artCode(art)) ligger både i post «\(first)» og i post «\(second)»."
        }
    }

}

/// How the arts of a chapter are grouped into posts. Every art belongs to at most one post; arts
/// that belong to none are not reported on (`post(ofArt:)` is nil).
public struct PostGrouping: Hashable, Sendable, Codable {
    /// The posts in printed order.
    public private(set) var posts: [BudgetPost]

    /// A new grouping: its posts must form a grouping and fit the forms' line formats.
    /// (A stored grouping is read with the structural rules only, so that a rule added later
    /// never makes stored data unreadable.)
    public init(posts: [BudgetPost]) throws(PostGroupingError) {
        if let problem = Self.problem(in: posts) ?? Self.formatProblem(in: posts) { throw problem }
        self.posts = posts
    }

    /// A code or name the line formats of the web forms (`kode; navn; arter`, `125 drift kode: vekter`)
    /// cannot hold.
    public static func formatProblem(in posts: [BudgetPost]) -> PostGroupingError? {
        for post in posts {
            guard post.code == post.code.trimmingCharacters(in: .whitespacesAndNewlines), post.code.count <= BudgetPost.maximumCodeLength,
                  !post.code.contains(where: { $0 == ";" || $0 == ":" || $0.isNewline }) else { return .invalidCode(post.code) }
            guard post.name.count <= BudgetPost.maximumNameLength, !post.name.contains(where: { $0 == ";" || $0.isNewline }) else {
                return .invalidName(post.code)
            }
        }
        return nil
    }

    init(unchecked posts: [BudgetPost]) {
        self.posts = posts
    }

    /// The default: the nine artsgrupper, one post each.
    public static let standard = PostGrouping(unchecked: ObjectGroup.standard.map { BudgetPost(group: $0) })

    /// The post an art belongs to.
    public func post(ofArt art: Int) -> BudgetPost? { posts.first { $0.contains(art: art) } }

    public func post(code: String) -> BudgetPost? { posts.first { $0.code == code } }

    /// The post that covers every art of `group`, if one does (amounts kept per artsgruppe, such as
    /// Dok. 3 and budget revisions, can be put on a post only then).
    public func post(covering group: ObjectGroup) -> BudgetPost? {
        posts.first { post in (group.first...group.last).allSatisfy { post.contains(art: $0) } }
    }

    public var expensePosts: [BudgetPost] { posts.filter(\.isExpense) }
    public var revenuePosts: [BudgetPost] { posts.filter { !$0.isExpense } }

    /// The first rule `posts` break, or nil when they form a valid grouping.
    public static func problem(in posts: [BudgetPost]) -> PostGroupingError? {
        guard !posts.isEmpty else { return .noPosts }
        var owner = [String?](repeating: nil, count: 1000)
        var codes = Set<String>()
        for post in posts {
            let code = post.code.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !code.isEmpty else { return .emptyCode }
            guard codes.insert(post.code).inserted else { return .duplicateCode(post.code) }
            guard !post.arts.isEmpty else { return .noArts(post.code) }
            guard post.arts.allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= 999 }) else { return .artOutOfRange(post.code) }
            let expense = post.arts.allSatisfy { $0.upperBound < 600 }
            let revenue = post.arts.allSatisfy { $0.lowerBound >= 600 }
            guard expense || revenue else { return .mixesExpensesAndRevenues(post.code) }
            for range in post.arts {
                for art in range {
                    if let other = owner[art], other != post.code { return .overlap(other, post.code, art: art) }
                    owner[art] = post.code
                }
            }
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let posts = try container.decode([BudgetPost].self)
        if let problem = Self.problem(in: posts) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
        self.posts = posts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(posts)
    }
}

/// The post grouping of each chapter; chapters without their own use `fallback`.
public struct ChapterPostGroupings: Hashable, Sendable {
    public var fallback: PostGrouping
    public var byChapter: [Int: PostGrouping]

    public init(fallback: PostGrouping = .standard, byChapter: [Int: PostGrouping] = [:]) {
        self.fallback = fallback
        self.byChapter = byChapter
    }

    /// Every chapter grouped by the nine artsgrupper.
    public static let standard = ChapterPostGroupings()

    public func grouping(forChapter chapter: Int) -> PostGrouping { byChapter[chapter] ?? fallback }

    public func post(chapter: Int, art: Int) -> BudgetPost? { grouping(forChapter: chapter).post(ofArt: art) }
}

/// chapter × kind × post: the key of every amount in the accounting report.
public struct PostKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var chapter: Int
    public var kind: AccountKind
    public var postCode: String

    public init(chapter: Int, kind: AccountKind, postCode: String) {
        self.chapter = chapter
        self.kind = kind
        self.postCode = postCode
    }

    public static func < (lhs: PostKey, rhs: PostKey) -> Bool {
        let lhsKind = AccountKind.allCases.firstIndex(of: lhs.kind) ?? 0
        let rhsKind = AccountKind.allCases.firstIndex(of: rhs.kind) ?? 0
        return (lhs.chapter, lhsKind, lhs.postCode) < (rhs.chapter, rhsKind, rhs.postCode)
    }

    /// `kap. 125 Drift post 000-099`.
    public var description: String { "kap. \(chapter) \(kind.norwegianName) post \(postCode)" }
}
